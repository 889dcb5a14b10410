import type { HomeToDo } from '@smes/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const homeKeys = { all: ['home'] as const };

/** What the signed-in person has to do (GET /api/home): only the parts their access allows. */
export function getHome(signal?: AbortSignal): Promise<HomeToDo> {
  return api.get<HomeToDo>('/api/home', { signal });
}

export function useHome() {
  return useQuery({ queryKey: homeKeys.all, queryFn: ({ signal }) => getHome(signal) });
}
