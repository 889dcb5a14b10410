import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { queryClient } from '@/lib/react-query';

/**
 * The query cache's provider, around the signed-in frame and the enrolment page: TanStack Query
 * arrives with them, not with the sign-in page (the first load).
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
