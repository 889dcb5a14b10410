import { rowScope, type RecordKind } from '@smes/shared';
import { ForbiddenError } from '../errors.js';
import type { AuthenticatedActor } from '../types.js';

/**
 * The rows of one kind a caller may see, as the registry of record kinds declares it: every
 * row, or only those assigned to them. Repositories turn it into a condition with
 * `visibleRows` (src/db/scope.ts).
 */
export interface Visibility {
  kind: RecordKind;
  rows: 'all' | 'assigned';
  actorId: string;
}

/**
 * Every list, search, figure's records and import match of a kind starts here: a caller who
 * may see no row of the kind is refused (403) before any query runs.
 */
export function visibility(actor: AuthenticatedActor, kind: RecordKind): Visibility {
  const rows = rowScope(actor, kind);
  if (rows === 'none') throw new ForbiddenError();
  return { kind, rows, actorId: actor.id };
}
