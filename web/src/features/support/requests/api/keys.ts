import type { SupportPersonQuery, SupportRequestQuery } from '@smes/shared';

/**
 * One hierarchy for Support's requests: a request taken or followed up moves the board, the
 * lists and the persons found again (their count of requests), so mutations invalidate `all`.
 */
export const supportRequestKeys = {
  all: ['support', 'requests'] as const,
  board: (on?: string) => [...supportRequestKeys.all, 'board', { on }] as const,
  lists: () => [...supportRequestKeys.all, 'list'] as const,
  list: (filters: SupportRequestQuery) => [...supportRequestKeys.lists(), filters] as const,
  persons: (query: SupportPersonQuery) => [...supportRequestKeys.all, 'persons', query] as const,
  details: () => [...supportRequestKeys.all, 'detail'] as const,
  detail: (id: string) => [...supportRequestKeys.details(), id] as const,
};
