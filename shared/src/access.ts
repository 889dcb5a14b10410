import { Type, type Static } from 'typebox';

/**
 * Who may do what, written once. The API enforces it on every route and its tests walk it to
 * prove that every actor it leaves out is refused; the SPA uses it to build the navigation.
 * Deny by default: a pair (role, resource) that is not listed here allows nothing.
 */
export const POLES = ['connect', 'support', 'housing_first'] as const;
export const Pole = Type.Enum(POLES);
export type Pole = Static<typeof Pole>;

export const ROLES = ['admin', 'coordinator', 'worker', 'accountant', 'board'] as const;
export const Role = Type.Enum(ROLES);
export type Role = Static<typeof Role>;

/** Roles that belong to poles; the others are association-wide and hold no pole. */
export const POLE_ROLES: readonly Role[] = ['coordinator', 'worker'];

export const ACTIONS = ['read', 'create', 'update', 'delete', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

export interface Actor {
  role: Role;
  poles: readonly Pole[];
}

export interface ResourceRule {
  /** The pole that owns the resource; a coordinator or worker must belong to it. */
  pole: Pole | null;
  grants: Partial<Record<Role, readonly Action[]>>;
}

export const ACCESS_MATRIX = {
  /** Accounts of the platform's users (staff): administrators only. */
  users: { pole: null, grants: { admin: ['read', 'create', 'update', 'delete'] } },
  /** The audit trail: administrators read it; nobody changes it. */
  audit_log: { pole: null, grants: { admin: ['read'] } },
  /** Reference lists: everyone signed in reads them (route-level); administrators edit them. */
  reference: { pole: null, grants: { admin: ['read', 'create', 'update'] } },
  /**
   * The shared directory of organisations: every pole works with it. Accountants see
   * organisations (funders, landlords, members) but no person. Merging is `delete`:
   * administrators and coordinators (the Connect coordinator keeps the directory clean).
   */
  organisations: {
    pole: null,
    grants: {
      admin: ['read', 'create', 'update', 'delete'],
      coordinator: ['read', 'create', 'update', 'delete'],
      worker: ['read', 'create', 'update'],
      accountant: ['read'],
    },
  },
  /**
   * The association's members and governance (general assembly, board), kept by Connect.
   */
  membership: {
    pole: 'connect',
    grants: {
      admin: ['read', 'create', 'update', 'delete'],
      coordinator: ['read', 'create', 'update', 'delete'],
      worker: ['read'],
    },
  },
  /** Intervision cycles, groups, sessions and registrations: Connect's own work. */
  intervision: {
    pole: 'connect',
    grants: {
      admin: ['read', 'create', 'update', 'delete'],
      coordinator: ['read', 'create', 'update', 'delete'],
      worker: ['read'],
    },
  },
  /**
   * The log of representation and concertation meetings: Connect workers log the meetings they
   * went to; deleting a mistaken entry is for coordinators.
   */
  representation: {
    pole: 'connect',
    grants: {
      admin: ['read', 'create', 'update', 'delete'],
      coordinator: ['read', 'create', 'update', 'delete'],
      worker: ['read', 'create', 'update'],
    },
  },
  /** Dues: Connect records them; the accountant reads and exports them for the books. */
  dues: {
    pole: 'connect',
    grants: {
      admin: ['read', 'create', 'update', 'delete'],
      coordinator: ['read', 'create', 'update'],
      accountant: ['read', 'export'],
    },
  },
  /**
   * Imports of partners' spreadsheets into the directory and the membership. Each row still
   * goes through the same rules as a form; the import runs as the person who started it.
   */
  imports: {
    pole: null,
    grants: {
      admin: ['read', 'create'],
      coordinator: ['read', 'create'],
    },
  },
  /** Workers of organisations (professional contacts, not the people Smes helps). */
  people: {
    pole: null,
    grants: {
      admin: ['read', 'create', 'update', 'delete'],
      coordinator: ['read', 'create', 'update', 'delete'],
      worker: ['read', 'create', 'update'],
    },
  },
  /**
   * Figures' values (aggregates, not personal data): every staff member and the board read any
   * of them. A figure's records follow their own kind's scope (record-kinds.ts), not this.
   */
  figures: {
    pole: null,
    grants: {
      admin: ['read'],
      coordinator: ['read'],
      worker: ['read'],
      accountant: ['read'],
      board: ['read'],
    },
  },
  /**
   * Reports saved as sent to a funder: aggregates only, no name. Everyone on the staff and the
   * board reads them; coordinators (of any pole) and administrators save them. Nobody changes
   * or deletes one: it is the document as it was sent (decision 10).
   */
  reports: {
    pole: null,
    grants: {
      admin: ['read', 'create'],
      coordinator: ['read', 'create'],
      worker: ['read'],
      accountant: ['read'],
      board: ['read'],
    },
  },
  /**
   * A person's rights (art. 15 export: `export`; art. 17 erasure: `delete`): administrators
   * only, as each is a request the association answers formally, and audited.
   */
  person_rights: { pole: null, grants: { admin: ['export', 'delete'] } },
  /**
   * The money lines every module lists for a period (dues and intervision fees received…),
   * which the accounting export gathers: the accountant and administrators read them. A line
   * names the organisation that paid, never a person. They also set the analytic code each
   * source's lines are booked on (`update`, decision 23).
   */
  accounting: {
    pole: null,
    grants: {
      admin: ['read', 'update', 'export'],
      accountant: ['read', 'update', 'export'],
    },
  },
  /**
   * Support's requests, the persons concerned, interventions (issue 15): the pole's workers take
   * and follow requests; nobody outside the pole sees them (others through break-the-glass).
   */
  support: {
    pole: 'support',
    grants: {
      admin: ['read', 'create', 'update', 'delete'],
      coordinator: ['read', 'create', 'update', 'delete'],
      worker: ['read', 'create', 'update'],
    },
  },
  /** Declared ahead so that its record kinds can name it: the Housing First issue grants it. */
  housing_first: { pole: 'housing_first', grants: {} },
} as const satisfies Record<string, ResourceRule>;

export type Resource = keyof typeof ACCESS_MATRIX;
export const RESOURCES = Object.keys(ACCESS_MATRIX) as Resource[];

export function can(actor: Actor, resource: Resource, action: Action): boolean {
  return allows(ACCESS_MATRIX[resource], actor, action);
}

/** One rule's verdict: the role must be granted the action, and a pole role must hold the pole. */
export function allows(rule: ResourceRule, actor: Actor, action: Action): boolean {
  const granted = rule.grants[actor.role];
  if (!granted?.includes(action)) return false;
  if (rule.pole !== null && POLE_ROLES.includes(actor.role)) {
    return actor.poles.includes(rule.pole);
  }
  return true;
}

/** Whether a role must hold poles (coordinator, worker) or must hold none (the others). */
export function roleTakesPoles(role: Role): boolean {
  return POLE_ROLES.includes(role);
}
