import { etagOf, type Purpose, type SessionResponse } from '@smes/shared';
import { ApiError, toApiError } from './api-error';
import { breakGlass } from './break-glass';
import { purposeForPath } from './purpose';
import { sessionStore } from './session';
import type { SessionStore, SignOutReason } from './session';

export { ApiError, isApiError, isNotFound } from './api-error';

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** false for the auth endpoints themselves: no bearer token, no refresh-and-retry on 401. */
  auth?: boolean;
  /** 'blob' for a download (an import template); JSON otherwise. */
  responseType?: 'json' | 'blob';
  /** An update: the version of the record it changes, sent as `If-Match: "v<version>"`; `*`: any. */
  ifMatch?: number | '*';
  /** A PUT that only creates (`If-None-Match: *`): refused if the record exists already. */
  ifNoneMatch?: '*';
  /** Why the records are read (`X-Purpose`); by default the purpose of the page on screen. */
  purpose?: Purpose;
  /** Breaking the glass: the reason written (sent percent-encoded), with the purpose break_glass. */
  breakGlassReason?: string;
}

export interface ApiClientOptions {
  /** '' in the browser (same origin); an absolute origin in tests. */
  baseUrl?: string;
  session: SessionStore;
  /** Called once the session is gone for good (refresh refused): the app shows /login. */
  onSessionLost?: () => void;
  /** The path of the page on screen, whose purpose reads carry (src/lib/purpose.ts). */
  currentPath?: () => string;
  /**
   * A read answered 403 BREAK_GLASS_REQUIRED: asks the user for a written reason for the page on
   * screen (src/lib/break-glass.ts) and reads again with it; null keeps the refusal.
   */
  askBreakGlassReason?: (page: string) => Promise<string | null>;
}

/**
 * Other tabs share the refresh cookie: the Web Locks API makes their refreshes take turns, so
 * each one sends the cookie the previous one rotated (where the API exists; else one tab's own).
 */
function acrossTabs<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  // The lock's promise settles with what `fn` settles with (lib.dom types it one level deep).
  return locks ? (locks.request('smes-session-refresh', fn) as unknown as Promise<T>) : fn();
}

/** Refresh this long before the access token expires, so a user never sees a 401. */
const REFRESH_MARGIN_MS = 60_000;
const MIN_REFRESH_DELAY_MS = 5_000;

const browserPath = () => (typeof location === 'undefined' ? '/' : location.pathname);

export function createApiClient({
  baseUrl = '',
  session,
  onSessionLost,
  currentPath = browserPath,
  askBreakGlassReason,
}: ApiClientOptions) {
  let refreshing: Promise<boolean> | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;

  function url(path: string, query?: Record<string, QueryValue>): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return `${baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  async function send(path: string, options: RequestOptions, token: string | null) {
    // A file (an import) goes as the raw body, with its own type; anything else as JSON.
    const file = typeof Blob !== 'undefined' && options.body instanceof Blob ? options.body : null;
    const headers: Record<string, string> = {
      Accept: options.responseType === 'blob' ? '*/*' : 'application/json',
    };
    if (file) headers['Content-Type'] = file.type || 'application/octet-stream';
    else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token && options.auth !== false) headers.Authorization = `Bearer ${token}`;
    if (options.ifMatch !== undefined) {
      headers['If-Match'] = options.ifMatch === '*' ? '*' : etagOf(options.ifMatch);
    }
    if (options.ifNoneMatch) headers['If-None-Match'] = options.ifNoneMatch;
    if (options.auth !== false) {
      if (options.breakGlassReason) {
        headers['X-Purpose'] = 'break_glass';
        headers['X-Break-Glass-Reason'] = encodeURIComponent(options.breakGlassReason);
      } else headers['X-Purpose'] = options.purpose ?? purposeForPath(currentPath());
    }
    try {
      return await fetch(url(path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body: file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
        credentials: 'include',
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError({ status: 0, code: 'SERVICE_UNAVAILABLE' });
    }
  }

  function cancelScheduledRefresh() {
    if (refreshTimer !== null) clearTimeout(refreshTimer);
    refreshTimer = null;
  }

  /** Keeps the session and plans the next silent refresh before the token expires. */
  function startSession(response: SessionResponse) {
    session.signIn(response.accessToken, response.user);
    cancelScheduledRefresh();
    const delay = Math.max(MIN_REFRESH_DELAY_MS, response.expiresIn * 1000 - REFRESH_MARGIN_MS);
    refreshTimer = setTimeout(() => void refresh(), delay);
  }

  /** `signedOut` when the user asked; otherwise a session that dies was one that expired. */
  function endSession(reason?: SignOutReason) {
    cancelScheduledRefresh();
    const wasSignedIn = session.getState().status === 'authenticated';
    session.clear(reason ?? (wasSignedIn ? 'expired' : 'none'));
    if (wasSignedIn) onSessionLost?.();
  }

  /**
   * One refresh at a time: refresh tokens rotate, and the server treats a reused one as theft
   * and kills the whole session, so concurrent 401s must share a single call.
   */
  function refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      try {
        const res = await acrossTabs(() =>
          send('/api/auth/refresh', { method: 'POST', body: {}, auth: false }, null),
        );
        if (!res.ok) {
          // The server says whether the session sat idle too long (the sign-in page says so).
          const code = await res
            .json()
            .then((body: { code?: string }) => body.code)
            .catch(() => undefined);
          endSession(
            code === 'SESSION_IDLE' && session.getState().status === 'authenticated' ? 'idle' : undefined,
          );
          return false;
        }
        startSession((await res.json()) as SessionResponse);
        return true;
      } catch {
        // Network trouble is not a verdict on the session: keep it, the next call will tell.
        return false;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const token = session.getAccessToken();
    let res = await send(path, options, token);

    if (res.status === 401 && options.auth !== false) {
      // Another call may already have refreshed while this one was in flight: reuse its token.
      const current = session.getAccessToken();
      const renewed = current !== null && current !== token ? true : await refresh();
      if (!renewed) throw await toApiError(res);
      res = await send(path, options, session.getAccessToken());
      if (res.status === 401) endSession();
    }

    if (!res.ok) {
      const error = await toApiError(res);
      const get = (options.method ?? 'GET') === 'GET';
      if (error.code === 'BREAK_GLASS_REQUIRED' && get && !options.breakGlassReason && askBreakGlassReason) {
        const reason = await askBreakGlassReason(currentPath());
        if (reason) return request<T>(path, { ...options, breakGlassReason: reason });
      }
      throw error;
    }
    if (options.responseType === 'blob') return (await res.blob()) as T;
    if (res.status === 204 || res.headers.get('content-length') === '0') return undefined as T;
    return (await res.json()) as T;
  }

  return {
    request,
    get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...options, method: 'GET' }),
    post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...options, method: 'POST', body: body ?? {} }),
    patch: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...options, method: 'PATCH', body }),
    put: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...options, method: 'PUT', body }),
    /** Sends a file as the request body (`Content-Type` from the file), e.g. an import. */
    upload: <T>(path: string, file: Blob, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...options, method: 'POST', body: file }),
    /** A download through the client (the bearer token is in memory, not in a cookie). */
    getBlob: (path: string, options?: Omit<RequestOptions, 'method' | 'body' | 'responseType'>) =>
      request<Blob>(path, { ...options, method: 'GET', responseType: 'blob' }),
    delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...options, method: 'DELETE' }),
    refresh,
    startSession,
    endSession,
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The app's client; the app wires `onSessionLost` (clear caches) at start-up. */
let sessionLostHandler: (() => void) | undefined;
export function onSessionLost(handler: () => void) {
  sessionLostHandler = handler;
}
export const api = createApiClient({
  session: sessionStore,
  onSessionLost: () => sessionLostHandler?.(),
  askBreakGlassReason: (page) => breakGlass.ask(page),
});
