import type { SupportRequest } from '@smes/shared';
import { today } from '@/lib/bilingual';

/** Where a request stands with its one-week promise (decision 24), for the page's wording. */
export type PromiseState =
  | { kind: 'met' | 'late'; day: string }
  | { kind: 'overdue' | 'dueToday' | 'pending'; due: string }
  | { kind: 'closedUnanswered' };

/** Met when the first answer's day is on or before the due day; otherwise counted from today. */
export function promiseState(request: SupportRequest, now: string = today()): PromiseState {
  const answer = request.firstAnswer;
  if (answer) return { kind: request.answeredInTime ? 'met' : 'late', day: answer.on };
  if (request.status === 'closed') return { kind: 'closedUnanswered' };
  if (request.dueOn < now) return { kind: 'overdue', due: request.dueOn };
  if (request.dueOn === now) return { kind: 'dueToday', due: request.dueOn };
  return { kind: 'pending', due: request.dueOn };
}

export const promiseBadge: Record<PromiseState['kind'], string> = {
  met: 'badge badge--wrap badge--ok',
  late: 'badge badge--wrap badge--warning',
  overdue: 'badge badge--wrap badge--warning',
  dueToday: 'badge badge--wrap badge--info',
  pending: 'badge badge--wrap badge--info',
  closedUnanswered: 'badge badge--wrap badge--muted',
};

/** `yyyy-mm-ddThh:mm` in the browser's time, for a `datetime-local` input, from an instant. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a `datetime-local` value names (the browser's time), or null when incomplete. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
