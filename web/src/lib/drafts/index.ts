export { DraftForm } from './draft-form';
export type { DraftOptions } from './draft-form';
export { LeaveGuard } from './leave-guard';
export { claimDrafts, wipeDrafts } from './store';
