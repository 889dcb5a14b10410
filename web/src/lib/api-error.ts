import { ERROR_CODES, FIELD_ERROR_CODES } from '@smes/shared';
import type { ErrorCode, FieldError, FieldErrorCode } from '@smes/shared';

/**
 * What the SPA knows of a failed call: the HTTP status, our stable `code` and the fields at
 * fault. The server's own `title`/`detail`/`message` are deliberately dropped: the SPA shows the
 * translation of `code`, never server text.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly errors: readonly FieldError[];
  /** Seconds from a `Retry-After` header (429, 503), when the server sent one. */
  readonly retryAfter: number | null;
  /** 412: the record as it is now on the server (with its `version`). */
  readonly current: unknown;

  constructor(init: {
    status: number;
    code: ErrorCode;
    errors?: readonly FieldError[];
    retryAfter?: number | null;
    current?: unknown;
  }) {
    super(`API error ${init.status} ${init.code}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter ?? null;
    this.current = init.current;
  }

  /** The first error for `field`, matching nested paths too (`poles/1` belongs to `poles`). */
  fieldError(field: string): FieldErrorCode | null {
    const hit = this.errors.find((e) => normaliseField(e.field).split('/')[0] === field);
    return hit?.code ?? null;
  }

  /** The same, with the values its translation may name (a cell, a limit). */
  fieldErrorDetail(field: string): FieldError | null {
    return this.errors.find((e) => normaliseField(e.field).split('/')[0] === field) ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * A record the URL names that does not exist: a 404, or an id in the path that cannot be one
 * (`/directory/organisations/abc` is refused for its `id` field). The page says "not found"
 * rather than a field error on a page without a form.
 */
export function isNotFound(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.status === 404) return true;
  return error.status === 400 && error.errors.length > 0 && error.errors.every((e) => e.field === 'id');
}

function normaliseField(field: string): string {
  return field.replace(/^\/+/, '').replace(/\./g, '/');
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  428: 'PRECONDITION_REQUIRED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

const isErrorCode = (v: unknown): v is ErrorCode =>
  typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);
const isFieldErrorCode = (v: unknown): v is FieldErrorCode =>
  typeof v === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(v);

/** Values a translation may name (`{cell: 'B3'}`): strings and numbers only, nothing else kept. */
function pickParams(value: unknown): Record<string, string | number> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const kept = Object.entries(value).filter(
    (entry): entry is [string, string | number] =>
      typeof entry[1] === 'string' || typeof entry[1] === 'number',
  );
  return kept.length ? Object.fromEntries(kept) : undefined;
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, code } = item as { field?: unknown; code?: unknown; params?: unknown };
    if (typeof field !== 'string') return [];
    const params = pickParams((item as { params?: unknown }).params);
    return [{ field, code: isFieldErrorCode(code) ? code : 'invalid', ...(params ? { params } : {}) }];
  });
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Reads a failed response (problem details or anything else) into an ApiError. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): the status alone decides the code.
  }
  const problem = (typeof body === 'object' && body !== null ? body : {}) as {
    code?: unknown;
    errors?: unknown;
    current?: unknown;
  };
  const fallback = STATUS_CODES[res.status] ?? 'INTERNAL';
  return new ApiError({
    status: res.status,
    code: isErrorCode(problem.code) ? problem.code : fallback,
    errors: parseFieldErrors(problem.errors),
    retryAfter: parseRetryAfter(res.headers.get('retry-after')),
    ...(res.status === 412 && typeof problem.current === 'object' ? { current: problem.current } : {}),
  });
}
