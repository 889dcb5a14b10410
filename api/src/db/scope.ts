import { eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Visibility } from '../access/scope.js';

/**
 * The query condition for the rows a caller may see (undefined: every row). A kind scoped to the
 * people assigned to it names the column that holds the assignee; forgetting it is a bug, not
 * an empty list.
 */
export function visibleRows(visible: Visibility, assignee?: AnyPgColumn): SQL | undefined {
  if (visible.rows === 'all') return undefined;
  if (!assignee) throw new Error(`${visible.kind} is scoped to its assignees: name the assignee column`);
  return eq(assignee, visible.actorId);
}
