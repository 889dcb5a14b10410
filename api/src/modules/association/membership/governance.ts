import type { CreateSeatBody, Seat, SeatList, SeatListQuery, UpdateSeatBody } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { Executor } from '../../../db/client.js';
import { ValidationError } from '../../../errors.js';
import { todayInBrussels } from '../../../lib/dates.js';
import { governanceSeats } from '../../../db/schema/index.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import type { ServiceContext } from '../../../types.js';
import { audit, changedFields } from '../../platform/audit/service.js';
import { findPerson } from '../../directory/people/repository.js';
import { checkHolder, holderNames } from './holders.js';
import * as repo from './repository.js';
import { isMemberOn } from './service.js';

async function toSeats(db: Executor, rows: repo.SeatRow[]): Promise<Seat[]> {
  const name = await holderNames(db, [
    ...rows,
    ...rows
      .filter((r) => r.representativeId)
      .map((r) => ({ organisationId: null, personId: r.representativeId })),
  ]);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    body: r.body,
    holder: name(r),
    representative: r.representativeId
      ? name({ organisationId: null, personId: r.representativeId }).person
      : null,
    role: r.role,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
  }));
}

/** The general assembly or the board as it stands on a day. */
export async function listSeats({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SeatListQuery;
}): Promise<SeatList> {
  assertCan(ctx.actor, 'membership', 'read');
  const on = input.on ?? todayInBrussels();
  return { on, items: await toSeats(ctx.db, await repo.seatsOn(ctx.db, input.body, on)) };
}

/** Seats go to members: the general assembly is made of them, and the board of its members. */
export async function createSeat({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateSeatBody;
}): Promise<Seat> {
  assertCan(ctx.actor, 'membership', 'create');
  const { holder, problem } = await checkHolder(ctx.db, input);
  if (problem) throw new ValidationError([problem]);
  if (input.endsOn && input.endsOn < input.startsOn)
    throw new ValidationError([{ field: 'endsOn', code: 'tooSmall' }]);
  if (!(await isMemberOn(ctx.db, holder, input.startsOn))) {
    throw new ValidationError([
      { field: holder.organisationId ? 'organisationId' : 'personId', code: 'notMember' },
    ]);
  }
  if (input.representativeId) {
    if (!holder.organisationId)
      throw new ValidationError([{ field: 'representativeId', code: 'notAllowed' }]);
    if (!(await findPerson(ctx.db, input.representativeId))) {
      throw new ValidationError([{ field: 'representativeId', code: 'invalid' }]);
    }
  }
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertSeat(tx, {
      id: input.id,
      body: input.body,
      ...holder,
      representativeId: input.representativeId ?? null,
      role: input.role,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
    });
    await audit(tx, ctx, {
      action: 'create',
      resourceType: 'governance_seat',
      resourceId: row.id,
      details: { body: row.body, role: row.role },
    });
    return (await toSeats(tx, [row]))[0]!;
  });
}

export async function updateSeat({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateSeatBody;
}): Promise<Seat> {
  assertCan(ctx.actor, 'membership', 'update');
  return ctx.db.transaction(async (tx) => {
    const current = async () => {
      const now = await repo.findSeat(tx, id);
      return now && (await toSeats(tx, [now]))[0];
    };
    await claimVersion(tx, governanceSeats, id, ifMatch, current, 'seat');
    const row = (await repo.findSeat(tx, id))!;
    const startsOn = input.startsOn ?? row.startsOn;
    const endsOn = input.endsOn === undefined ? row.endsOn : input.endsOn;
    if (endsOn && endsOn < startsOn) throw new ValidationError([{ field: 'endsOn', code: 'tooSmall' }]);
    if (input.representativeId && !row.organisationId) {
      throw new ValidationError([{ field: 'representativeId', code: 'notAllowed' }]);
    }
    const updated = await repo.updateSeat(tx, id, { ...input, startsOn, endsOn });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'governance_seat',
      resourceId: id,
      details: changedFields(input),
    });
    return (await toSeats(tx, [updated!]))[0]!;
  });
}
