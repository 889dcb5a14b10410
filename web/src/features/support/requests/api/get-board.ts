import type { SupportBoard } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supportRequestKeys } from './keys';

/** The due board (today, this week, overdue, answered lately), counted in Brussels by the API. */
export function getBoard(signal?: AbortSignal): Promise<SupportBoard> {
  return api.get<SupportBoard>('/api/support/board', { signal });
}

export function boardQueryOptions() {
  return queryOptions({ queryKey: supportRequestKeys.board(), queryFn: ({ signal }) => getBoard(signal) });
}

export function useBoard({ enabled = true } = {}) {
  return useQuery({ ...boardQueryOptions(), enabled });
}
