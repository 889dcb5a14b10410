import { ApiError, isApiError } from './api-error';

/** A record the API versions (decision 13): its ETag is `"v<version>"`. */
export interface Versioned {
  id: string;
  version: number;
}

/** One field the user changed that someone else changed too: what each wants. */
export interface FieldConflict {
  field: string;
  /** What the user sent. */
  mine: unknown;
  /** What the server has now. */
  theirs: unknown;
}

/**
 * An update refused because someone else changed the same fields meanwhile: the record as it is
 * now and, per field, both values. The user keeps theirs (resend with `current` as the base)
 * or takes the server's.
 */
export class EditConflictError extends ApiError {
  readonly fields: readonly FieldConflict[];
  declare readonly current: Versioned & Record<string, unknown>;

  constructor(current: Versioned & Record<string, unknown>, fields: FieldConflict[]) {
    super({ status: 412, code: 'PRECONDITION_FAILED', current });
    this.fields = fields;
  }
}

export function isEditConflict(error: unknown): error is EditConflictError {
  return error instanceof EditConflictError;
}

const isVersioned = (v: unknown): v is Versioned & Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Versioned).id === 'string' &&
  typeof (v as Versioned).version === 'number';

/** Body fields whose record field has another name. */
const ALIASES: Record<string, string> = { hostOrganisationId: 'host', registrationIds: 'attendance' };

/**
 * The record's value for a field of an update body: the field itself, or its object (`communeId`
 * → `commune.id`), or its list (`sectorIds` → `sectors[].id`).
 */
export function recordValue(record: Record<string, unknown>, field: string): unknown {
  const name = ALIASES[field] ?? field;
  const idOf = (v: unknown) => (typeof v === 'object' && v !== null && 'id' in v ? (v as Versioned).id : v);
  if (name in record) {
    const v = record[name];
    if (name === field) return v;
    return Array.isArray(v) ? v.map(idOf) : (idOf(v) ?? null);
  }
  if (field.endsWith('Ids')) {
    const list = record[`${field.slice(0, -3)}s`];
    return Array.isArray(list) ? list.map(idOf) : undefined;
  }
  if (field.endsWith('Id')) return idOf(record[field.slice(0, -2)]) ?? null;
  return undefined;
}

/** Equal for the user: blank and null alike, lists in any order. */
function normalise(v: unknown): unknown {
  if (v === undefined || v === null || v === '') return null;
  if (Array.isArray(v))
    return v
      .map(normalise)
      .map((x) => JSON.stringify(x))
      .sort();
  return v;
}
const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

/**
 * Only the fields of `body` whose value differs from the record as the user loaded it: an update
 * sends what the user changed, so that a stale one never puts back a field someone else changed
 * meanwhile (decision 13).
 */
export function changedFields<B extends object>(
  base: object,
  body: B,
  valueOf: (record: Record<string, unknown>, field: string) => unknown = recordValue,
): Partial<B> {
  return Object.fromEntries(
    Object.entries(body).filter(([field, value]) => !same(value, valueOf(base as never, field))),
  ) as Partial<B>;
}

/**
 * Sends an update of `base` (the record as the user loaded it) with its version in `If-Match`.
 * On 412 the server answers the record as it is now: when none of the fields the user changed
 * differ there from what the user loaded, the update is sent again with the new version by
 * itself (also when the server already has the user's value); otherwise an EditConflictError says which fields, with both values.
 */
export async function sendVersioned<T>(
  base: Versioned,
  body: object,
  send: (version: number) => Promise<T>,
  valueOf: (record: Record<string, unknown>, field: string) => unknown = recordValue,
): Promise<T> {
  let version = base.version;
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(version);
    } catch (error) {
      if (!isApiError(error) || error.status !== 412 || !isVersioned(error.current) || attempt >= 5) {
        throw error;
      }
      const current = error.current;
      const fields = Object.entries(body)
        // A field differs for the user when the server's value is neither what they loaded nor
        // what they are sending (both setting the same value is no conflict).
        .filter(
          ([field, mine]) =>
            !same(valueOf(base as never, field), valueOf(current, field)) &&
            !same(mine, valueOf(current, field)),
        )
        .map(([field, mine]) => ({ field, mine, theirs: valueOf(current, field) }));
      if (fields.length) throw new EditConflictError(current, fields);
      version = current.version;
    }
  }
}
