import { can } from '@smes/shared';
import type { Action, Resource } from '@smes/shared';
import type { ReactNode } from 'react';
import { ForbiddenPage } from '@/components/status-pages';
import { useCurrentUser } from '@/hooks/use-session';

interface RequirePermissionProps {
  resource: Resource;
  action: Action;
  children: ReactNode;
}

/**
 * The route guard, from the same access matrix as the API: hiding a link is not enough, a
 * typed-in URL must meet the same refusal (and the API refuses anyway).
 */
export function RequirePermission({ resource, action, children }: RequirePermissionProps) {
  const user = useCurrentUser();
  return can(user, resource, action) ? children : <ForbiddenPage />;
}
