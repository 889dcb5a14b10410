import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useSession } from '@/hooks/use-session';
import { setLocale } from '@/lib/i18n';
import { queryClient } from '@/lib/react-query';

/** Once signed in, the language saved on the account wins over this device's choice. */
function SessionLocale() {
  const session = useSession();
  const saved = session.status === 'authenticated' ? session.user.locale : null;
  useEffect(() => {
    if (saved) void setLocale(saved);
  }, [saved]);
  return null;
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionLocale />
      {children}
    </QueryClientProvider>
  );
}
