import { QueryClient } from '@tanstack/react-query';
import { isApiError, onSessionLost } from './api-client';

/** Retrying a refusal (4xx) cannot change the answer; a network blip or a 5xx might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

// Whatever one user loaded must not be shown to the next one on this device. Wired here, with the
// cache: before this chunk loads (the sign-in page), nothing was loaded.
onSessionLost(() => queryClient.clear());
