import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';

/**
 * What a failed query says about its cause, whichever driver raised it (node-postgres or PGlite,
 * possibly wrapped by Drizzle in `cause`).
 */
export interface DatabaseFailure {
  /** PostgreSQL's SQLSTATE, e.g. `23503`. */
  code?: string;
  detail?: string;
  /** The constraint that refused, when one did. */
  constraint?: string;
  message: string;
}

/** The first error in the `cause` chain that carries a SQLSTATE or a socket error code. */
export function databaseFailure(error: unknown): DatabaseFailure | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, detail, constraint, message } = e as {
      code?: unknown;
      detail?: unknown;
      constraint?: unknown;
      message?: unknown;
    };
    if (typeof code === 'string' || CONNECTION_LOST.test(String(message))) {
      return {
        ...(typeof code === 'string' ? { code } : {}),
        ...(typeof detail === 'string' ? { detail } : {}),
        ...(typeof constraint === 'string' ? { constraint } : {}),
        message: String(message),
      };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

const CONNECTION_LOST =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended/i;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The database is away (restarting, failing over, its connections terminated): worth retrying.
 * 57P01–57P03: admin/crash shutdown, cannot connect now; 08: connection exceptions; 53300: too
 * many connections.
 */
export function isDatabaseUnavailable(f: DatabaseFailure): boolean {
  const code = f.code ?? '';
  return (
    /^57P0[123]$/.test(code) ||
    code.startsWith('08') ||
    code === '53300' ||
    SOCKET_CODES.has(code) ||
    CONNECTION_LOST.test(f.message)
  );
}

/**
 * The column a foreign key refused, from `Key (host_organisation_id)=(…) is not present in
 * table …`, named as the API names fields (`hostOrganisationId`); undefined when the key
 * refused is still referenced (a delete) rather than missing.
 */
export function missingReferenceField(f: DatabaseFailure): string | undefined {
  if (!/is not present in table/.test(f.detail ?? '')) return undefined;
  // Under row-level security PostgreSQL leaves the key out (`Key is not present in table …`):
  // the constraint's name says the column then.
  const m = /^Key \(([a-z0-9_]+)(?:, [a-z0-9_]+)*\)=\(.*\) is not present in table/s.exec(f.detail ?? '');
  const column = m?.[1] ?? (f.constraint ? foreignKeyColumns().get(f.constraint) : undefined);
  return column?.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

let fkColumns: Map<string, string> | undefined;
/** Each foreign key of the schema, by name, with the (first) column it constrains. */
function foreignKeyColumns(): Map<string, string> {
  fkColumns ??= new Map(
    (Object.values(schema) as unknown[])
      .filter((value): value is PgTable => is(value, PgTable))
      .flatMap((table) => getTableConfig(table).foreignKeys)
      .map((fk) => [fk.getName(), fk.reference().columns[0]!.name] as const),
  );
  return fkColumns;
}
