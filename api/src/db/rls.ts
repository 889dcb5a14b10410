import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import {
  ACCESS_MATRIX,
  POLE_ROLES,
  RECORD_KINDS,
  RECORD_KIND_KEYS,
  ROLES,
  breakGlassRoles,
  type RecordKind,
  type Role,
} from '@smes/shared';
import {
  ACCESS_LOG_TABLE,
  AUDIT_TABLE,
  CLIENT_IDS_TABLE,
  RECORD_TABLES,
  RLS_EXEMPT,
} from './record-tables.js';
import * as schema from './schema/index.js';

/**
 * The database's own roles. The owner runs the migrations and owns every table; the app reads
 * and writes rows as `smes_app`, which owns nothing; `smes_count` only counts (the figure
 * engine's values). See docs/decisions/0009-database-roles-and-row-security.md.
 */
export const DB_ROLES = { owner: 'smes_owner', app: 'smes_app', counting: 'smes_count' } as const;

/**
 * Who is acting, as each transaction of the app tells the database (`set_config(…, true)`):
 * the policies read these. `system` is the app's own work with no one signed in (the retention
 * schedule) and the few walks across poles the app does on purpose (a merge repoints every
 * pole's records).
 */
export const SETTINGS = {
  userId: 'smes.user_id',
  role: 'smes.role',
  poles: 'smes.poles',
  purpose: 'smes.purpose',
  /** `on` while a request breaks the glass (decision 15): the kinds' policies let named roles read. */
  breakGlass: 'smes.break_glass',
} as const;

const setting = (name: string) => `current_setting('${name}', true)`;
const ROLE = setting(SETTINGS.role);
const POLES = `string_to_array(${setting(SETTINGS.poles)}, ',')`;
const SYSTEM = `${ROLE} = 'system'`;

const q = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Every table of the schema, by name. */
export function schemaTables(): string[] {
  return (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableName(table))
    .sort();
}

/**
 * The condition a row of `kind` must meet for the one acting: the access matrix's `read` grant
 * for their role (and their pole, for a pole's roles), and for a kind scoped to its assignees,
 * a worker's own rows only. The same rules as `rowScope` (shared/src/record-kinds.ts).
 *
 * Who acts is the same for every row of a statement, so what depends on it alone is one
 * `(select …)`: the database computes it once per statement (an InitPlan) and each row only reads
 * the answer. Written bare, `current_setting` (stable, not constant) was called for each row and
 * each clause: a coordinator's `count(*)` of 55,684 intervision registrations took 125 ms
 * instead of 2.5 (bench at 10× volume, decision 31), and the planner guessed 0.4 % of the rows
 * passed. Only the assignee's own column is compared row by row.
 */
export function rowCondition(kind: RecordKind, assignee?: string): string {
  const rule = RECORD_KINDS[kind];
  const resource = ACCESS_MATRIX[rule.resource];
  const grants = resource.grants as Partial<Record<Role, readonly string[]>>;
  const allowed = [SYSTEM];
  let ownRows: string | null = null;
  for (const role of ROLES) {
    if (!grants[role]?.includes('read')) continue;
    const parts = [`${ROLE} = '${role}'`];
    if (resource.pole !== null && POLE_ROLES.includes(role)) parts.push(`'${resource.pole}' = any(${POLES})`);
    if (rule.scope === 'assigned' && role === 'worker') {
      if (!assignee) throw new Error(`${kind} is scoped to its assignees: name the assignee column`);
      ownRows = `((select ${parts.join(' and ')}) and ${assignee}::text = (select ${setting(SETTINGS.userId)}))`;
      continue;
    }
    allowed.push(`(${parts.join(' and ')})`);
  }
  // Breaking the glass (decision 21): the roles the kind names, when the request says so.
  const glass = breakGlassRoles(kind).filter((role) => grants[role]?.includes('read'));
  if (glass.length > 0) {
    allowed.push(
      `(${setting(SETTINGS.breakGlass)} = 'on' and ${ROLE} in (${glass.map((r) => `'${r}'`).join(', ')}))`,
    );
  }
  const once = `(select ${allowed.join(' or ')})`;
  return ownRows ? `(${once} or ${ownRows})` : once;
}

/**
 * The tables each kind's scope governs, with their condition. In a table several kinds share,
 * `rows` picks the kind's own (its kind column names it) and the condition holds for those only.
 */
export function kindTables(): { kind: RecordKind; table: string; condition: string; rows?: string }[] {
  return RECORD_KIND_KEYS.flatMap((kind) =>
    RECORD_TABLES[kind].map(({ table, assignee, kindColumn }) => {
      const condition = rowCondition(kind, assignee?.name);
      if (!kindColumn) return { kind, table: getTableName(table), condition };
      const rows = `${q(kindColumn.name)} = '${kind}'`;
      return { kind, table: getTableName(table), condition: `${rows} and (${condition})`, rows };
    }),
  );
}

/** One condition per table: a shared table's rows meet their own kind's. */
function tableConditions(): { table: string; condition: string }[] {
  const byTable = new Map<string, string[]>();
  for (const { table, condition } of kindTables())
    byTable.set(table, [...(byTable.get(table) ?? []), condition]);
  return [...byTable].map(([table, conditions]) => ({
    table,
    condition: conditions.length === 1 ? conditions[0]! : conditions.map((c) => `(${c})`).join(' or '),
  }));
}

/** Tables the app only appends to. */
export const APPEND_ONLY = [AUDIT_TABLE, ACCESS_LOG_TABLE, getTableName(schema.savedReports)];

/**
 * Grants and row-level security, run by the owner after every migration (idempotent): what the
 * app's role may do, and one policy per kind's table generated from the kind's scope. A table
 * of the schema that is neither a kind's, the audit log nor exempt stops the start.
 */
export function securityStatements(): string[] {
  const { app, counting } = DB_ROLES;
  const kinds = tableConditions();
  const mapped = new Set([
    ...kinds.map((k) => k.table),
    AUDIT_TABLE,
    ACCESS_LOG_TABLE,
    CLIENT_IDS_TABLE,
    ...Object.keys(RLS_EXEMPT),
  ]);
  const unmapped = schemaTables().filter((t) => !mapped.has(t));
  if (unmapped.length > 0) {
    throw new Error(
      `Tables with no record kind (api/src/db/record-tables.ts) and no exemption: ${unmapped.join(', ')}`,
    );
  }
  const statements = [
    `grant usage on schema public to ${app}, ${counting}`,
    `grant select, insert, update, delete on all tables in schema public to ${app}`,
    `grant usage, select on all sequences in schema public to ${app}`,
    // Append-only for the app (the audit trail, reports saved as sent): their triggers refuse
    // changes, and so do the grants.
    ...APPEND_ONLY.map((table) => `revoke update, delete, truncate on ${q(table)} from ${app}`),
    `revoke all on all tables in schema public from ${counting}`,
  ];
  for (const { table, condition } of kinds) {
    statements.push(
      `alter table ${q(table)} enable row level security`,
      `drop policy if exists smes_rows on ${q(table)}`,
      `create policy smes_rows on ${q(table)} for all to ${app} using (${condition}) with check (${condition})`,
      `grant select on ${q(table)} to ${counting}`,
      `drop policy if exists smes_counting on ${q(table)}`,
      `create policy smes_counting on ${q(table)} for select to ${counting} using (true)`,
    );
  }
  const audit = q(AUDIT_TABLE);
  statements.push(
    `alter table ${audit} enable row level security`,
    `drop policy if exists smes_append on ${audit}`,
    `create policy smes_append on ${audit} for insert to ${app} with check (true)`,
    `drop policy if exists smes_read on ${audit}`,
    `create policy smes_read on ${audit} for select to ${app} using (${SYSTEM} or ${ROLE} = 'admin')`,
    `grant select on ${q(getTableName(schema.referenceItems))} to ${counting}`,
  );
  // The access log (decision 15): whoever acts appends their own reads; administrators read.
  const accessLog = q(ACCESS_LOG_TABLE);
  statements.push(
    `alter table ${accessLog} enable row level security`,
    `drop policy if exists smes_append on ${accessLog}`,
    `create policy smes_append on ${accessLog} for insert to ${app} with check (${SYSTEM} or user_id::text = ${setting(SETTINGS.userId)})`,
    `drop policy if exists smes_read on ${accessLog}`,
    `create policy smes_read on ${accessLog} for select to ${app} using (${SYSTEM} or ${ROLE} = 'admin')`,
  );
  const clientIds = q(CLIENT_IDS_TABLE);
  const own = `${SYSTEM} or user_id::text = ${setting(SETTINGS.userId)}`;
  statements.push(
    `alter table ${clientIds} enable row level security`,
    `drop policy if exists smes_own on ${clientIds}`,
    `create policy smes_own on ${clientIds} for all to ${app} using (${own}) with check (${own})`,
  );
  for (const table of Object.keys(RLS_EXEMPT))
    statements.push(`alter table ${q(table)} disable row level security`);
  return statements;
}
