import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useSession } from '@/hooks/use-session';
import { setLocale } from '@/lib/i18n';

/** Once signed in, the language saved on the account wins over this device's choice. */
function SessionLocale() {
  const session = useSession();
  const saved = session.status === 'authenticated' ? session.user.locale : null;
  useEffect(() => {
    if (saved) void setLocale(saved);
  }, [saved]);
  return null;
}

/** What every page shares; the query cache's provider comes with the signed-in chunks (query-provider.tsx). */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <>
      <SessionLocale />
      {children}
    </>
  );
}
