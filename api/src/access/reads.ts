import type { FastifyRequest } from 'fastify';
import {
  BREAK_GLASS_REASON_HEADER,
  BREAK_GLASS_REASON_MAX,
  BREAK_GLASS_REASON_MIN,
  PURPOSE_HEADER,
  RECORD_KINDS,
  breakGlassRoles,
  can,
  isPurpose,
  kindPole,
  rowScope,
  type Pole,
  type Purpose,
  type RecordKind,
} from '@smes/shared';
import type { Executor } from '../db/client.js';
import { AppError, ForbiddenError, ValidationError } from '../errors.js';
import { insertAccessLogEntry } from '../modules/platform/access-log/repository.js';
import type { AuthenticatedActor, RouteAccess } from '../types.js';

/**
 * What a read route shows (decision 21): the kind of records its answer names and, when they
 * are not the answer's `id` or its `items[].id`, where their ids are. A route declares it once
 * (`config.reads`); the guard and the request's transaction do the rest: a sensitive kind needs
 * a purpose, each answer writes one access-log row, and breaking the glass is admitted here.
 */
export interface ReadDeclaration {
  kind: RecordKind | ((request: FastifyRequest) => RecordKind | null);
  ids?: (payload: unknown, request: FastifyRequest) => string[];
}

/**
 * An answer that is a file (an `.ics`) carries no ids to read: its handler says what it names
 * (`nameInFile`), and the route's declaration takes them (`namedInFile(kind)`).
 */
export function nameInFile(request: FastifyRequest, kind: RecordKind, ids: readonly string[]) {
  request.namedInFile = { ...request.namedInFile, [kind]: [...ids] };
}
export const namedInFile =
  (kind: RecordKind) =>
  (_payload: unknown, request: FastifyRequest): string[] => [...(request.namedInFile?.[kind] ?? [])];
export type SensitiveReads = ReadDeclaration | readonly ReadDeclaration[];

/** What the guard admitted about a request's reads. */
export interface AdmittedReads {
  purpose: Purpose | null;
  /** The written reason, while breaking the glass. */
  reason: string | null;
  /** Breaking the glass: the reads are flagged, the database lets named roles through. */
  breakingGlass: boolean;
  /** The actor's own poles (the request's actor gains the kinds' poles while breaking the glass). */
  poles: readonly Pole[];
}

const declarations = (request: FastifyRequest): readonly ReadDeclaration[] => {
  const reads = request.routeOptions.config.reads;
  return reads === undefined ? [] : Array.isArray(reads) ? reads : [reads as ReadDeclaration];
};

const kindOf = (declaration: ReadDeclaration, request: FastifyRequest) =>
  typeof declaration.kind === 'function' ? declaration.kind(request) : declaration.kind;

/** The kinds a request's answer names. */
export function declaredKinds(request: FastifyRequest): RecordKind[] {
  return declarations(request)
    .map((d) => kindOf(d, request))
    .filter((kind): kind is RecordKind => kind !== null);
}

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function purposeOf(request: FastifyRequest): Purpose | null {
  const value = header(request, PURPOSE_HEADER)?.trim();
  if (!value) return null;
  if (!isPurpose(value)) {
    throw new ValidationError([{ field: PURPOSE_HEADER, code: 'invalid', message: 'Unknown purpose' }]);
  }
  return value;
}

function reasonOf(request: FastifyRequest): string {
  const raw = header(request, BREAK_GLASS_REASON_HEADER) ?? '';
  let reason: string;
  try {
    reason = decodeURIComponent(raw).trim();
  } catch {
    reason = '';
  }
  if (reason.length < BREAK_GLASS_REASON_MIN) {
    throw new AppError('BREAK_GLASS_REASON_REQUIRED', 400, 'Write why the glass is broken', [
      {
        field: BREAK_GLASS_REASON_HEADER,
        code: reason ? 'tooShort' : 'required',
        params: { min: BREAK_GLASS_REASON_MIN },
      },
    ]);
  }
  return reason.slice(0, BREAK_GLASS_REASON_MAX);
}

/** The actor as they read while breaking the glass: with the poles of the kinds read. */
function widened(actor: AuthenticatedActor, kinds: RecordKind[]): AuthenticatedActor {
  const poles = new Set<Pole>(actor.poles);
  for (const kind of kinds) {
    const pole = kindPole(kind);
    if (pole) poles.add(pole);
  }
  return { ...actor, poles: [...poles] };
}

/**
 * Admits a signed-in request's reads, in the guard, before the handler: refuses a sensitive read
 * without a purpose (400 PURPOSE_REQUIRED), lets a role the kinds name break the glass with a
 * written reason (the request's actor then reads with the kinds' poles, and only for reads), and
 * tells one who could break the glass that they must (403 BREAK_GLASS_REQUIRED). Answers the
 * actor the request goes on with.
 */
export function admitReads(
  request: FastifyRequest,
  access: RouteAccess,
  actor: AuthenticatedActor,
): { actor: AuthenticatedActor; reads: AdmittedReads } {
  const purpose = purposeOf(request);
  const kinds = declaredKinds(request);
  const reading = request.method === 'GET' && kinds.length > 0;
  // Breaking the glass concerns the kinds the actor may not already read in their scope (a group's
  // facilitators are people, whom every staff pole reads): those must all name the actor's role.
  const outside = kinds.filter((kind) => rowScope(actor, kind) !== 'all');
  const named =
    reading &&
    (outside.length > 0 ? outside : kinds).every((kind) => breakGlassRoles(kind).includes(actor.role));
  const matrix = (who: AuthenticatedActor) =>
    !('resource' in access) || can(who, access.resource, access.action);
  const reads: AdmittedReads = { purpose, reason: null, breakingGlass: false, poles: actor.poles };

  if (purpose === 'break_glass') {
    // A read wholly within the actor's scope has no glass to break: 400 naming the header.
    if (!named && reading && outside.length === 0 && matrix(actor)) {
      throw new AppError('NOTHING_TO_BREAK', 400, 'This read is within your scope: name another purpose', [
        { field: PURPOSE_HEADER, code: 'notAllowed' },
      ]);
    }
    if (!named) throw new ForbiddenError('Your role may not break the glass here');
    const reason = reasonOf(request);
    const across = widened(actor, kinds);
    if (!matrix(across)) throw new ForbiddenError();
    return { actor: across, reads: { ...reads, reason, breakingGlass: true } };
  }
  if (!matrix(actor)) {
    if (named && matrix(widened(actor, kinds))) {
      throw new AppError('BREAK_GLASS_REQUIRED', 403, 'Outside your scope: break the glass with a reason');
    }
    throw new ForbiddenError();
  }
  if (!purpose && kinds.some((kind) => RECORD_KINDS[kind].sensitive)) {
    throw new AppError('PURPOSE_REQUIRED', 400, `Name the purpose of this read in ${PURPOSE_HEADER}`, [
      { field: PURPOSE_HEADER, code: 'required' },
    ]);
  }
  return { actor, reads };
}

/** The ids an answer names: its `id`, or each of its `items[].id`. */
function defaultIds(payload: unknown): string[] {
  if (!payload || typeof payload !== 'object') return [];
  const p = payload as { id?: unknown; items?: unknown };
  if (Array.isArray(p.items)) {
    return p.items
      .map((item) => (item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined))
      .filter((id): id is string => typeof id === 'string');
  }
  return typeof p.id === 'string' ? [p.id] : [];
}

/**
 * Writes the access-log rows of an answer, in the request's transaction: one per declared kind
 * that is sensitive (or read by breaking the glass) and names at least one record, with the ids
 * it names. A read that broke the glass is logged even when it named none.
 */
export async function logReads(
  db: Executor,
  request: FastifyRequest,
  actor: AuthenticatedActor,
  reads: AdmittedReads,
  payload: unknown,
): Promise<void> {
  for (const declaration of declarations(request)) {
    const kind = kindOf(declaration, request);
    if (kind === null || !reads.purpose) continue;
    if (!RECORD_KINDS[kind].sensitive && !reads.breakingGlass) continue;
    const ids = [...new Set(declaration.ids ? declaration.ids(payload, request) : defaultIds(payload))];
    if (ids.length === 0 && !reads.breakingGlass) continue;
    await insertAccessLogEntry(db, {
      userId: actor.id,
      role: actor.role,
      kind,
      recordIds: ids,
      purpose: reads.purpose,
      reason: reads.reason,
      flagged: reads.breakingGlass,
    });
  }
}
