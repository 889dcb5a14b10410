import { can } from '@smes/shared';
import type { Actor } from '@smes/shared';
import { associationHome } from '@/features/association/components/association-sections';

export interface NavItem {
  to: string;
  /** Its name, under common:nav. */
  label:
    | 'directory'
    | 'imports'
    | 'association'
    | 'intervision'
    | 'representation'
    | 'supportRequests'
    | 'supervisions'
    | 'trainings'
    | 'reports'
    | 'users'
    | 'audit'
    | 'retention'
    | 'accessLog'
    | 'analyticCodes'
    | 'reference';
  /** Lit only on the exact path (home), else on every page below it. */
  end?: boolean;
}

/** The menu's groups: what every pole shares, then each pole's screens, then administration. */
export type NavGroupId = 'shared' | 'connect' | 'support' | 'housing_first' | 'admin';

export interface NavGroup {
  id: NavGroupId;
  items: NavItem[];
}

/**
 * The links this user may follow (the routes check again), grouped by pole. A screen added
 * later joins its pole's group here; an empty group is not shown.
 */
export function navGroups(user: Actor): NavGroup[] {
  const when = (allowed: boolean, item: NavItem) => (allowed ? [item] : []);
  const groups: NavGroup[] = [
    {
      id: 'shared',
      items: [
        ...when(can(user, 'organisations', 'read'), { to: '/directory', label: 'directory' }),
        ...when(can(user, 'imports', 'read'), { to: '/imports', label: 'imports' }),
        ...when(can(user, 'reports', 'read'), { to: '/reports', label: 'reports' }),
      ],
    },
    {
      id: 'connect',
      items: [
        // To /association, which opens the first section this user may see: the link stays lit on all.
        ...when(associationHome(user) !== null, { to: '/association', label: 'association' }),
        ...when(can(user, 'intervision', 'read'), { to: '/intervision', label: 'intervision' }),
        ...when(can(user, 'representation', 'read'), { to: '/representation', label: 'representation' }),
      ],
    },
    {
      id: 'support',
      items: [
        ...when(can(user, 'support', 'read'), { to: '/support/requests', label: 'supportRequests' }),
        ...when(can(user, 'support', 'read'), { to: '/support/supervisions', label: 'supervisions' }),
        ...when(can(user, 'support', 'read'), { to: '/support/trainings', label: 'trainings' }),
      ],
    },
    { id: 'housing_first', items: [] },
    {
      id: 'admin',
      items: [
        ...when(can(user, 'users', 'read'), { to: '/admin/users', label: 'users' }),
        ...when(can(user, 'audit_log', 'read'), { to: '/admin/audit', label: 'audit' }),
        ...when(can(user, 'audit_log', 'read'), { to: '/admin/retention', label: 'retention' }),
        ...when(can(user, 'audit_log', 'read'), { to: '/admin/access-log', label: 'accessLog' }),
        ...when(can(user, 'reference', 'update'), { to: '/admin/reference', label: 'reference' }),
        ...when(can(user, 'accounting', 'update'), { to: '/admin/analytic-codes', label: 'analyticCodes' }),
      ],
    },
  ];
  return groups.filter((group) => group.items.length > 0);
}
