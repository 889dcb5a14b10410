import { Type, type Static } from 'typebox';
import { ACCESS_MATRIX, can, type Actor, type Pole, type Resource, type Role } from './access.js';
import type { LegalHold } from './person-rights.js';

/**
 * Which rows of a kind a caller may see, once the access matrix lets them read the kind at all:
 * - `signed-in`: every row (the directory, reference lists);
 * - `pole`: every row, for the members of the kind's pole (and the association-wide roles the
 *   matrix grants, such as the accountant reading dues); nothing for another pole;
 * - `assigned`: a pole's coordinator sees every row, its workers only the rows they are assigned to.
 */
export const RECORD_SCOPES = ['signed-in', 'pole', 'assigned'] as const;
export type RecordScope = (typeof RECORD_SCOPES)[number];

interface Names {
  one: string;
  other: string;
}

export interface RecordKindRule {
  /** The access-matrix resource that governs the kind; its pole is the kind's pole. */
  resource: Resource;
  scope: RecordScope;
  /** Holds personal data about someone: reads are audited, retention applies, never in logs. */
  sensitive: boolean;
  /** What people call it, singular and plural. */
  name: { fr: Names; nl: Names };
  /**
   * Where the SPA opens one: `:id` is the record, `:parentId` the record it is shown on (a
   * registration on its group's page); null when it has no page of its own.
   */
  link: string | null;
  /**
   * Who may break the glass (decision 15): read a record of this kind outside their own scope
   * (another pole's rows, or rows assigned to someone else), with the purpose `break_glass` and a
   * written reason, the read flagged to the administrators. Only roles the access matrix lets
   * read the kind at all; administrators always (the default is administrators alone).
   */
  breakGlass?: readonly Role[];
  /**
   * A legal reason to keep a person's rows of this kind: while one applies (the module's
   * person-rights declaration says until when), erasing the person (art. 17) is refused.
   */
  legalHold?: LegalHold;
}

const n = (frOne: string, frOther: string, nlOne: string, nlOther: string) => ({
  fr: { one: frOne, other: frOther },
  nl: { one: nlOne, other: nlOther },
});

/**
 * Every kind of record the platform keeps, named once. The audit log, imports, figures' records
 * and merges all use these keys; the SPA names and links records from here. A new pole declares
 * its kinds here (and its resource in the access matrix) before anything else.
 */
export const RECORD_KINDS = {
  // The platform's own.
  user: {
    resource: 'users',
    scope: 'signed-in',
    sensitive: true,
    name: n('Utilisateur', 'Utilisateurs', 'Gebruiker', 'Gebruikers'),
    link: '/admin/users',
  },
  sign_in_session: {
    resource: 'users',
    scope: 'signed-in',
    sensitive: true,
    name: n('Session de connexion', 'Sessions de connexion', 'Aanmeldsessie', 'Aanmeldsessies'),
    link: null,
  },
  /** A row of the access log (who read which sensitive records, why): administrators read it. */
  access_log_entry: {
    resource: 'audit_log',
    scope: 'signed-in',
    sensitive: false,
    name: n(
      "Entrée du journal d'accès",
      "Entrées du journal d'accès",
      'Toegangslogregel',
      'Toegangslogregels',
    ),
    link: '/admin/access-log',
  },
  /** A run of the platform's own retention (the access log's): administrators read it. */
  platform_retention_run: {
    resource: 'audit_log',
    scope: 'signed-in',
    sensitive: false,
    name: n(
      'Effacement du journal d’accès',
      'Effacements du journal d’accès',
      'Wissing van het toegangslog',
      'Wissingen van het toegangslog',
    ),
    link: null,
  },
  import_run: {
    resource: 'imports',
    scope: 'signed-in',
    sensitive: false,
    name: n('Import', 'Imports', 'Import', 'Imports'),
    link: '/imports',
  },
  import_mapping: {
    resource: 'imports',
    scope: 'signed-in',
    sensitive: false,
    name: n("Correspondance d'import", "Correspondances d'import", 'Importkoppeling', 'Importkoppelingen'),
    link: '/imports',
  },
  // The shared directory and its reference lists.
  organisation: {
    resource: 'organisations',
    scope: 'signed-in',
    sensitive: false,
    name: n('Organisation', 'Organisations', 'Organisatie', 'Organisaties'),
    link: '/directory/organisations/:id',
  },
  person: {
    resource: 'people',
    scope: 'signed-in',
    sensitive: true,
    name: n('Personne', 'Personnes', 'Persoon', 'Personen'),
    link: '/directory/people/:id',
  },
  affiliation: {
    resource: 'people',
    scope: 'signed-in',
    sensitive: false,
    name: n('Affiliation', 'Affiliations', 'Verbondenheid', 'Verbondenheden'),
    link: '/directory/people/:parentId',
  },
  sector: {
    resource: 'reference',
    scope: 'signed-in',
    sensitive: false,
    name: n('Secteur', 'Secteurs', 'Sector', 'Sectoren'),
    link: null,
  },
  commune: {
    resource: 'reference',
    scope: 'signed-in',
    sensitive: false,
    name: n('Commune', 'Communes', 'Gemeente', 'Gemeenten'),
    link: null,
  },
  organisation_type: {
    resource: 'reference',
    scope: 'signed-in',
    sensitive: false,
    name: n("Type d'organisation", "Types d'organisation", 'Organisatietype', 'Organisatietypes'),
    link: null,
  },
  language: {
    resource: 'reference',
    scope: 'signed-in',
    sensitive: false,
    name: n('Langue', 'Langues', 'Taal', 'Talen'),
    link: null,
  },
  // The association, kept by Connect.
  membership: {
    resource: 'membership',
    scope: 'pole',
    sensitive: false,
    name: n('Affiliation de membre', 'Affiliations de membre', 'Lidmaatschap', 'Lidmaatschappen'),
    link: '/association/members',
  },
  governance_seat: {
    resource: 'membership',
    scope: 'pole',
    sensitive: false,
    name: n('Mandat', 'Mandats', 'Mandaat', 'Mandaten'),
    link: '/association/governance',
  },
  due: {
    resource: 'dues',
    scope: 'pole',
    sensitive: false,
    name: n('Cotisation', 'Cotisations', 'Lidgeld', 'Lidgelden'),
    link: '/association/dues',
    /** The books: kept 7 years after the year of the due. */
    legalHold: 'accounting',
  },
  // Connect.
  intervision_cycle: {
    resource: 'intervision',
    scope: 'pole',
    sensitive: false,
    // The records a registration is read on, when the glass is broken for it.
    breakGlass: ['admin', 'coordinator'],
    name: n("Cycle d'intervision", "Cycles d'intervision", 'Intervisiecyclus', 'Intervisiecycli'),
    link: '/intervision/cycles/:id',
  },
  intervision_group: {
    resource: 'intervision',
    scope: 'pole',
    sensitive: false,
    // The records a registration is read on, when the glass is broken for it.
    breakGlass: ['admin', 'coordinator'],
    name: n("Groupe d'intervision", "Groupes d'intervision", 'Intervisiegroep', 'Intervisiegroepen'),
    link: '/intervision/groups/:id',
  },
  intervision_session: {
    resource: 'intervision',
    scope: 'pole',
    sensitive: false,
    // The records a registration is read on, when the glass is broken for it.
    breakGlass: ['admin', 'coordinator'],
    name: n("Séance d'intervision", "Séances d'intervision", 'Intervisiesessie', 'Intervisiesessies'),
    link: '/intervision/groups/:parentId',
  },
  intervision_registration: {
    resource: 'intervision',
    scope: 'pole',
    sensitive: true,
    breakGlass: ['admin', 'coordinator'],
    name: n(
      "Inscription à l'intervision",
      "Inscriptions à l'intervision",
      'Inschrijving voor intervisie',
      'Inschrijvingen voor intervisie',
    ),
    link: '/intervision/groups/:parentId',
    /** Justified to the funders until the end of the cycle's year (then retention removes it). */
    legalHold: 'funder_justification',
  },
  intervision_attendance: {
    resource: 'intervision',
    scope: 'pole',
    sensitive: true,
    breakGlass: ['admin', 'coordinator'],
    name: n("Présences à l'intervision", "Présences à l'intervision", 'Aanwezigheid', 'Aanwezigheden'),
    link: '/intervision/groups/:parentId',
  },
  /** A run of intervision's retention policy (retention_runs whose run_kind names it). */
  intervision_retention_run: {
    resource: 'intervision',
    scope: 'pole',
    sensitive: false,
    name: n(
      'Effacement des participants passés',
      'Effacements des participants passés',
      'Wissing van vroegere deelnemers',
      'Wissingen van vroegere deelnemers',
    ),
    link: '/intervision',
  },
  representation_meeting: {
    resource: 'representation',
    scope: 'pole',
    sensitive: false,
    name: n(
      'Réunion de représentation',
      'Réunions de représentation',
      'Vertegenwoordiging',
      'Vertegenwoordigingen',
    ),
    link: '/representation',
  },
  saved_report: {
    resource: 'reports',
    scope: 'signed-in',
    sensitive: false,
    name: n('Rapport enregistré', 'Rapports enregistrés', 'Bewaard rapport', 'Bewaarde rapporten'),
    link: '/reports/:id',
  },
  analytic_code: {
    resource: 'accounting',
    scope: 'signed-in',
    sensitive: false,
    name: n('Code analytique', 'Codes analytiques', 'Analytische code', 'Analytische codes'),
    link: '/admin/analytic-codes',
  },
  // Support (issue 15): the pole's members see every request; interventions and referrals are
  // parts of their request.
  support_request: {
    resource: 'support',
    scope: 'pole',
    sensitive: true,
    breakGlass: ['admin', 'coordinator'],
    name: n('Demande de soutien', 'Demandes de soutien', 'Ondersteuningsvraag', 'Ondersteuningsvragen'),
    link: '/support/requests/:id',
  },
  /** A run of Support's retention policy: the pole's own, out of another pole's sight. */
  support_retention_run: {
    resource: 'support',
    scope: 'pole',
    sensitive: false,
    name: n(
      'Effacement des demandes anciennes',
      'Effacements des demandes anciennes',
      'Wissing van oude vragen',
      'Wissingen van oude vragen',
    ),
    link: null,
  },
  /** The pseudonymous person a request is about (a code, never a name). */
  support_person: {
    resource: 'support',
    scope: 'pole',
    sensitive: true,
    breakGlass: ['admin', 'coordinator'],
    name: n('Personne soutenue', 'Personnes soutenues', 'Ondersteunde persoon', 'Ondersteunde personen'),
    link: null,
  },
  /**
   * A supervision Support gives another organisation's team (decision 28): it names a team, not
   * a person, so it is not sensitive; only the Support pole sees it (others break the glass).
   */
  support_supervision: {
    resource: 'support',
    scope: 'pole',
    sensitive: false,
    breakGlass: ['admin', 'coordinator'],
    name: n('Supervision', 'Supervisions', 'Supervisie', 'Supervisies'),
    link: '/support/supervisions/:id',
  },
  support_supervision_session: {
    resource: 'support',
    scope: 'pole',
    sensitive: false,
    breakGlass: ['admin', 'coordinator'],
    name: n('Séance de supervision', 'Séances de supervision', 'Supervisiesessie', 'Supervisiesessies'),
    link: '/support/supervisions/:parentId',
  },
  // Support's trainings (issue 15, decision 29): modules, their editions with their days, and
  // the participants with their attendance.
  support_training_module: {
    resource: 'support',
    scope: 'pole',
    sensitive: false,
    breakGlass: ['admin', 'coordinator'],
    name: n('Module de formation', 'Modules de formation', 'Opleidingsmodule', 'Opleidingsmodules'),
    link: null,
  },
  support_training_edition: {
    resource: 'support',
    scope: 'pole',
    sensitive: false,
    breakGlass: ['admin', 'coordinator'],
    name: n('Session de formation', 'Sessions de formation', 'Opleidingsreeks', 'Opleidingsreeksen'),
    link: null,
  },
  /** A person of the directory who took part in an edition (with their attendance). */
  support_training_participant: {
    resource: 'support',
    scope: 'pole',
    sensitive: true,
    breakGlass: ['admin', 'coordinator'],
    name: n(
      'Participant·e à une formation',
      'Participant·es aux formations',
      'Deelnemer aan een opleiding',
      'Deelnemers aan opleidingen',
    ),
    link: null,
  },
  // Declared ahead: the Housing First pole fills in its resource and pages.
  tenant: {
    resource: 'housing_first',
    scope: 'assigned',
    sensitive: true,
    breakGlass: ['admin', 'coordinator'],
    name: n('Locataire', 'Locataires', 'Huurder', 'Huurders'),
    link: null,
  },
  contact: {
    resource: 'housing_first',
    scope: 'assigned',
    sensitive: true,
    breakGlass: ['admin', 'coordinator'],
    name: n('Contact', 'Contacts', 'Contact', 'Contacten'),
    link: null,
  },
} as const satisfies Record<string, RecordKindRule>;

export type RecordKind = keyof typeof RECORD_KINDS;
export const RECORD_KIND_KEYS = Object.keys(RECORD_KINDS) as RecordKind[];
export const RecordKindSchema = Type.Enum(RECORD_KIND_KEYS as [RecordKind, ...RecordKind[]]);

/** The pole a kind belongs to, from its resource; null for the platform and the directory. */
export function kindPole(kind: RecordKind): Pole | null {
  return ACCESS_MATRIX[RECORD_KINDS[kind].resource].pole;
}

/** The kind's name in a language, singular or plural by count. */
export function kindName(kind: RecordKind, locale: 'fr' | 'nl', count = 1): string {
  const names = RECORD_KINDS[kind].name[locale];
  return count === 1 ? names.one : names.other;
}

/** Where the SPA opens a record of this kind, or null (no page, or the parent is unknown). */
export function recordPath(kind: RecordKind, ref: { id: string; parentId?: string | null }): string | null {
  const link: string | null = RECORD_KINDS[kind].link;
  if (link === null) return null;
  if (link.includes(':parentId')) return ref.parentId ? link.replace(':parentId', ref.parentId) : null;
  return link.replace(':id', ref.id);
}

/**
 * Which rows of `kind` this actor may see: `all`, `none`, or only those assigned to them. The
 * API turns it into a query condition (api/src/db/scope.ts); row-level security (issue 14)
 * reads the same declaration.
 */
export type RowScope = 'all' | 'none' | 'assigned';

export function rowScope(actor: Actor, kind: RecordKind): RowScope {
  const rule = RECORD_KINDS[kind];
  if (!can(actor, rule.resource, 'read')) return 'none';
  if (rule.scope === 'assigned' && actor.role === 'worker') return 'assigned';
  return 'all';
}

/** The roles that may break the glass for a kind: administrators always. */
export function breakGlassRoles(kind: RecordKind): readonly Role[] {
  const rule: RecordKindRule = RECORD_KINDS[kind];
  return [...new Set<Role>(['admin', ...(rule.breakGlass ?? [])])];
}

/**
 * Whether the actor, refused a kind's records outside their scope, may read them by breaking
 * the glass: a role the kind names, who could read the kind were its pole theirs (the API's
 * 403 BREAK_GLASS_REQUIRED; the SPA opens the page and asks for the reason).
 */
export function mayBreakGlass(actor: Actor, kind: RecordKind): boolean {
  if (!breakGlassRoles(kind).includes(actor.role)) return false;
  const pole = kindPole(kind);
  const poles = pole && !actor.poles.includes(pole) ? [...actor.poles, pole] : actor.poles;
  return can({ ...actor, poles }, RECORD_KINDS[kind].resource, 'read');
}

/** Whether the actor may see any row of the kind (a count of the others is all they get). */
export const mayRead = (actor: Actor, kind: RecordKind) => rowScope(actor, kind) !== 'none';

/** How a record is named wherever it is pointed at: its kind and id. */
export const RecordRef = Type.Object({ kind: RecordKindSchema, id: Type.String() });
export type RecordRef = Static<typeof RecordRef>;
