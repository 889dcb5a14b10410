/**
 * What a failed query says about its cause, whichever driver raised it (node-postgres or PGlite,
 * possibly wrapped by Drizzle in `cause`).
 */
export interface DatabaseFailure {
  /** PostgreSQL's SQLSTATE, e.g. `23503`. */
  code?: string;
  detail?: string;
  message: string;
}

/** The first error in the `cause` chain that carries a SQLSTATE or a socket error code. */
export function databaseFailure(error: unknown): DatabaseFailure | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, detail, message } = e as { code?: unknown; detail?: unknown; message?: unknown };
    if (typeof code === 'string' || CONNECTION_LOST.test(String(message))) {
      return {
        ...(typeof code === 'string' ? { code } : {}),
        ...(typeof detail === 'string' ? { detail } : {}),
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
  const m = /^Key \(([a-z0-9_]+)(?:, [a-z0-9_]+)*\)=\(.*\) is not present in table/s.exec(f.detail ?? '');
  return m?.[1]!.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
