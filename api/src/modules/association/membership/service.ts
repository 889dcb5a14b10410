import type {
  CreateMembershipBody,
  MemberList,
  MemberListQuery,
  MemberStatus,
  Membership,
  UpdateMembershipBody,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { Executor } from '../../../db/client.js';
import { ValidationError } from '../../../errors.js';
import { todayInBrussels } from '../../../lib/dates.js';
import { searchTerms } from '../../../lib/text.js';
import { memberships } from '../../../db/schema/index.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import type { ServiceContext } from '../../../types.js';
import { audit, changedFields } from '../../platform/audit/service.js';
import { classificationsOf } from '../../directory/organisations/repository.js';
import { toReferenceRef } from '../../directory/reference/mapper.js';
import { checkHolder, holderNames } from './holders.js';
import { periodProblem } from './periods.js';
import * as repo from './repository.js';

/**
 * Whether an organisation or a person is a member on a day. The one answer every rule that
 * depends on membership (the intervision fee, dues) asks for.
 */
export async function isMemberOn(db: Executor, holder: repo.HolderIds, day: string): Promise<boolean> {
  return (await repo.membershipOn(db, holder, day)) !== undefined;
}

async function toMemberships(db: Executor, rows: repo.MembershipRow[]): Promise<Membership[]> {
  const [name, c] = await Promise.all([
    holderNames(db, rows),
    classificationsOf(
      db,
      rows.map((r) => r.organisationId).filter((id): id is string => id !== null),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    holder: name(r),
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    notes: r.notes,
    sectors: c.sectors.filter((s) => s.organisationId === r.organisationId).map(toReferenceRef),
  }));
}

async function assertNoOverlap(
  db: Executor,
  holder: repo.HolderIds,
  startsOn: string,
  endsOn: string | null,
  selfId?: string,
) {
  const problem = periodProblem(await repo.periodsOf(db, [holder]), startsOn, endsOn, selfId);
  if (problem) throw new ValidationError([problem]);
}

export async function createMembership({ ctx, input }: { ctx: ServiceContext; input: CreateMembershipBody }) {
  assertCan(ctx.actor, 'membership', 'create');
  const { holder, problem } = await checkHolder(ctx.db, input);
  if (problem) throw new ValidationError([problem]);
  await assertNoOverlap(ctx.db, holder, input.startsOn, input.endsOn ?? null);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertMembership(tx, {
      id: input.id,
      ...holder,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      notes: input.notes?.trim() || null,
    });
    await audit(tx, ctx, {
      action: 'create',
      resourceType: 'membership',
      resourceId: row.id,
      details: { ...holder },
    });
    return (await toMemberships(tx, [row]))[0]!;
  });
}

/** Changing the dates of a period; ending a membership is setting `endsOn`. */
export async function updateMembership({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateMembershipBody;
}) {
  assertCan(ctx.actor, 'membership', 'update');
  return ctx.db.transaction(async (tx) => {
    const current = async () => {
      const now = await repo.findMembership(tx, id);
      return now && (await toMemberships(tx, [now]))[0];
    };
    await claimVersion(tx, memberships, id, ifMatch, current, 'membership');
    // Read under the lock the claim took: the dates checked are the ones this version has.
    const row = (await repo.findMembership(tx, id))!;
    const startsOn = input.startsOn ?? row.startsOn;
    const endsOn = input.endsOn === undefined ? row.endsOn : input.endsOn;
    await assertNoOverlap(tx, row, startsOn, endsOn, id);
    const updated = await repo.updateMembership(tx, id, {
      startsOn,
      endsOn,
      ...(input.notes !== undefined ? { notes: input.notes?.trim() || null } : {}),
    });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'membership',
      resourceId: id,
      details: changedFields(input),
    });
    return (await toMemberships(tx, [updated!]))[0]!;
  });
}

export async function listMembers({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: MemberListQuery;
}): Promise<MemberList> {
  assertCan(ctx.actor, 'membership', 'read');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const on = input.on ?? todayInBrussels();
  const { rows, total } = await repo.listMembersOn(ctx.db, {
    ...input,
    on,
    page,
    pageSize,
    terms: searchTerms(input.q),
  });
  return {
    items: await toMemberships(
      ctx.db,
      rows.map((r) => r.memberships),
    ),
    total,
    page,
    pageSize,
  };
}

export async function memberStatus({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { organisationId?: string | undefined; personId?: string | undefined; on?: string | undefined };
}): Promise<MemberStatus> {
  assertCan(ctx.actor, 'membership', 'read');
  const { holder, problem } = await checkHolder(ctx.db, input);
  if (problem) throw new ValidationError([problem]);
  const on = input.on ?? todayInBrussels();
  const row = await repo.membershipOn(ctx.db, holder, on);
  return { member: row !== undefined, on, membershipId: row?.id ?? null };
}
