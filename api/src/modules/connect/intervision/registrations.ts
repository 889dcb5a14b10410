import type {
  CreateRegistrationBody,
  Registration,
  RegistrationList,
  RegistrationListQuery,
  UpdateRegistrationBody,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { visibility } from '../../../access/scope.js';
import { ConflictError, ValidationError } from '../../../errors.js';
import { todayInBrussels } from '../../../lib/dates.js';
import { intervisionRegistrations } from '../../../db/schema/index.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import type { ServiceContext } from '../../../types.js';
import { audit, changedFields } from '../../platform/audit/service.js';
import { isMemberOn } from '../../association/membership/service.js';
import { findOrganisation } from '../../directory/organisations/repository.js';
import { findPerson } from '../../directory/people/repository.js';
import { paymentValues } from '../../platform/payments/payment.js';
import { toRegistrations } from './mapper.js';
import * as repo from './repository.js';
import { addAmounts } from '@smes/shared';

/**
 * Registers a worker of an organisation in a group. The rules of Connect:
 * - one worker per organisation per group (a colleague is refused, naming the organisation);
 * - a full group puts the registration on the waiting list, or refuses it if asked to;
 * - the fee is fixed now: the cycle's member fee if the organisation or the person is a member
 *   on the registration day, the other fee otherwise (€120 / €150 by default).
 */
export async function register({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateRegistrationBody;
}): Promise<Registration> {
  assertCan(ctx.actor, 'intervision', 'create');
  const group = await repo.findGroup(ctx.db, input.groupId);
  if (!group) throw new ValidationError([{ field: 'groupId', code: 'invalid' }]);
  if (!(await findPerson(ctx.db, input.personId)))
    throw new ValidationError([{ field: 'personId', code: 'invalid' }]);
  if (!(await findOrganisation(ctx.db, input.organisationId))) {
    throw new ValidationError([{ field: 'organisationId', code: 'invalid' }]);
  }
  const cycle = (await repo.findCycle(ctx.db, group.cycleId))!;
  const registeredOn = input.registeredOn ?? todayInBrussels();
  return ctx.db.transaction(async (tx) => {
    const { capacity } = await repo.lockGroup(tx, group.id);
    if (await repo.activeRegistrationOfOrganisation(tx, group.id, input.organisationId)) {
      throw new ConflictError('This organisation already has a worker in this group', [
        { field: 'organisationId', code: 'taken' },
      ]);
    }
    const registered =
      (await repo.registrationCounts(tx, [group.id])).find((c) => c.status === 'registered')?.n ?? 0;
    const full = registered >= capacity;
    if (full && input.waitingListIfFull === false) {
      throw new ConflictError('The group is full', [{ field: 'groupId', code: 'groupFull' }]);
    }
    const memberRate =
      (await isMemberOn(tx, { organisationId: input.organisationId, personId: null }, registeredOn)) ||
      (await isMemberOn(tx, { organisationId: null, personId: input.personId }, registeredOn));
    const row = await repo.insertRegistration(tx, {
      id: input.id,
      groupId: group.id,
      personId: input.personId,
      organisationId: input.organisationId,
      registeredOn,
      status: full ? 'waiting' : 'registered',
      fee: memberRate ? cycle.memberFee : cycle.nonMemberFee,
      memberRate,
    });
    await audit(tx, ctx, {
      action: 'create',
      resourceType: 'intervision_registration',
      resourceId: row.id,
      details: { groupId: group.id, status: row.status, fee: row.fee },
    });
    return (await toRegistrations(tx, [row]))[0]!;
  });
}

/**
 * Withdrawing keeps the registration, marked, so history stays; `payment` records the fee's
 * payment (the payment model, decision 19: without an amount, the fee) or undoes it with null; `status: 'registered'` takes someone off the waiting list when the group has room
 * (the fee stays the one fixed at registration).
 */
export async function updateRegistration({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateRegistrationBody;
}): Promise<Registration> {
  assertCan(ctx.actor, 'intervision', 'update');
  return ctx.db.transaction(async (tx) => {
    await claimVersion(
      tx,
      intervisionRegistrations,
      id,
      ifMatch,
      async () => {
        const now = await repo.findRegistration(tx, id);
        return now && (await toRegistrations(tx, [now]))[0];
      },
      'registration',
    );
    // Read and checked under the lock the claim took.
    const row = (await repo.findRegistration(tx, id))!;
    if (input.withdrawnOn && input.withdrawnOn < row.registeredOn) {
      throw new ValidationError([{ field: 'withdrawnOn', code: 'tooSmall' }]);
    }
    if (input.status && (row.status !== 'waiting' || input.withdrawnOn)) {
      throw new ValidationError([{ field: 'status', code: 'notAllowed' }]);
    }
    if (input.status) {
      const { capacity } = await repo.lockGroup(tx, row.groupId);
      const registered =
        (await repo.registrationCounts(tx, [row.groupId])).find((c) => c.status === 'registered')?.n ?? 0;
      if (registered >= capacity) {
        throw new ConflictError('The group is full', [{ field: 'status', code: 'groupFull' }]);
      }
    }
    const updated = await repo.updateRegistration(tx, id, {
      ...(input.status ? { status: input.status } : {}),
      ...(input.withdrawnOn ? { withdrawnOn: input.withdrawnOn, status: 'withdrawn' as const } : {}),
      ...(input.payment !== undefined ? paymentValues(input.payment, row.fee) : {}),
    });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'intervision_registration',
      resourceId: id,
      details: changedFields(input),
    });
    return (await toRegistrations(tx, [updated!]))[0]!;
  });
}

/** A cycle's registrations, or the fees still to be paid. */
export async function listRegistrations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RegistrationListQuery;
}): Promise<RegistrationList> {
  const visible = visibility(ctx.actor, 'intervision_registration');
  const rows = (await repo.registrationsOfCycle(ctx.db, input.cycleId, input.unpaid ?? false, visible)).map(
    (r) => r.registration,
  );
  return { items: await toRegistrations(ctx.db, rows), totalFees: addAmounts(...rows.map((r) => r.fee)) };
}
