export { DraftForm } from './draft-form';
export type { DraftOptions } from './draft-form';
export { DraftValue } from './draft-value';
export { DraftsDropped, useDropDraftsOfGoneRecord } from './gone';
export { LeaveGuard } from './leave-guard';
export { useReopenDraft } from './reopen';
export { claimDrafts, wipeDrafts } from './store';
