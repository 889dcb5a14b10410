import { can, mayBreakGlass } from '@smes/shared';
import type { Action, RecordKind, Resource } from '@smes/shared';
import type { ReactNode } from 'react';
import { ForbiddenPage } from '@/components/status-pages';
import { useCurrentUser } from '@/hooks/use-session';

interface RequirePermissionProps {
  resource: Resource;
  action: Action;
  /**
   * The page shows records of this kind, which the user may read outside their scope by
   * breaking the glass: the page opens, and its read asks for the reason (BreakGlassDialog).
   */
  breakGlass?: RecordKind;
  children: ReactNode;
}

/**
 * The route guard, from the same access matrix as the API: hiding a link is not enough, a
 * typed-in URL must meet the same refusal (and the API refuses anyway).
 */
export function RequirePermission({ resource, action, breakGlass, children }: RequirePermissionProps) {
  const user = useCurrentUser();
  const allowed =
    can(user, resource, action) || (breakGlass !== undefined && mayBreakGlass(user, breakGlass));
  return allowed ? children : <ForbiddenPage />;
}
