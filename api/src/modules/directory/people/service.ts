import type {
  Affiliation,
  AffiliationBody,
  CreateAffiliationBody,
  CreatePersonBody,
  FieldError,
  Person,
  PersonDuplicates,
  PersonList,
  PersonListQuery,
  PersonSummary,
  UpdateAffiliationBody,
  UpdatePersonBody,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { Executor } from '../../../db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { searchTerms } from '../../../lib/text.js';
import { people } from '../../../db/schema/index.js';
import { bumpVersion, claimVersion, type IfMatch } from '../../../db/versions.js';
import type { ServiceContext } from '../../../types.js';
import { audit } from '../../platform/audit/service.js';
import { findOrganisation } from '../organisations/repository.js';
import { knownLanguageCodes } from '../reference/service.js';
import { personKeys } from './keys.js';
import * as repo from './repository.js';

type AffiliationRow = Awaited<ReturnType<typeof repo.affiliationsOf>>[number];

const toAffiliation = (a: AffiliationRow): Affiliation => ({
  id: a.id,
  organisation: a.organisation,
  function: a.function,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
});

async function load(db: Executor, row: repo.PersonRow): Promise<Person> {
  const affs = await repo.affiliationsOf(db, [row.id]);
  return {
    id: row.id,
    version: row.version,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    language: row.language,
    notes: row.notes,
    externalRef: row.externalRef,
    affiliations: affs.map(toAffiliation),
    erasedOn: row.erasedOn,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The person as they are now (for a 412), or undefined. */
async function current(db: Executor, id: string): Promise<Person | undefined> {
  const row = await repo.findPerson(db, id);
  return row && load(db, row);
}

async function summaries(db: Executor, rows: repo.PersonRow[]): Promise<PersonSummary[]> {
  const affs = await repo.affiliationsOf(
    db,
    rows.map((r) => r.id),
    true,
  );
  return rows.map((r) => ({
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    organisations: affs.filter((a) => a.personId === r.id).map((a) => a.organisation),
  }));
}

const blank = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);

async function validateAffiliation(
  db: Executor,
  a: Partial<AffiliationBody>,
  field: string,
): Promise<FieldError | null> {
  if (a.organisationId && !(await findOrganisation(db, a.organisationId)))
    return { field: `${field}organisationId`, code: 'invalid' };
  if (a.startsOn && a.endsOn && a.endsOn < a.startsOn) return { field: `${field}endsOn`, code: 'tooSmall' };
  return null;
}

async function validate(db: Executor, input: UpdatePersonBody & { affiliations?: AffiliationBody[] }) {
  const problems: FieldError[] = [];
  if (input.language) {
    if (!(await knownLanguageCodes(db)).includes(input.language))
      problems.push({ field: 'language', code: 'invalid' });
  }
  for (const [i, a] of (input.affiliations ?? []).entries()) {
    const p = await validateAffiliation(db, a, `affiliations/${i}/`);
    if (p) problems.push(p);
  }
  if (input.externalRef) {
    const other = await repo.findPersonByExternalRef(db, input.externalRef.trim());
    if (other) problems.push({ field: 'externalRef', code: 'taken' });
  }
  if (problems.some((p) => p.code === 'taken'))
    throw new ConflictError('Another person has this reference', problems);
  if (problems.length) throw new ValidationError(problems);
}

export async function createPerson({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreatePersonBody;
}): Promise<Person> {
  assertCan(ctx.actor, 'people', 'create');
  await validate(ctx.db, input);
  return ctx.db.transaction(async (tx) => {
    const firstName = input.firstName.trim();
    const lastName = input.lastName.trim();
    const row = await repo.insertPerson(tx, {
      id: input.id,
      firstName,
      lastName,
      ...personKeys(firstName, lastName),
      email: blank(input.email)?.toLowerCase() ?? null,
      phone: blank(input.phone) ?? null,
      language: input.language ?? null,
      notes: blank(input.notes) ?? null,
      externalRef: blank(input.externalRef) ?? null,
    });
    for (const a of input.affiliations ?? []) {
      await repo.insertAffiliation(tx, {
        personId: row.id,
        organisationId: a.organisationId,
        function: blank(a.function) ?? null,
        startsOn: a.startsOn ?? null,
        endsOn: a.endsOn ?? null,
      });
    }
    await audit(tx, ctx, { action: 'create', resourceType: 'person', resourceId: row.id });
    return load(tx, row);
  });
}

/** A person's record is personal data: each read is audited. */
export async function getPerson({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<Person> {
  assertCan(ctx.actor, 'people', 'read');
  const row = await repo.findPerson(ctx.db, id);
  if (!row) throw new NotFoundError('No such person');
  await audit(ctx.db, ctx, { action: 'read', resourceType: 'person', resourceId: id });
  return load(ctx.db, row);
}

export async function updatePerson({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdatePersonBody;
}) {
  assertCan(ctx.actor, 'people', 'update');
  return ctx.db.transaction(async (tx) => {
    await claimVersion(tx, people, id, ifMatch, () => current(tx, id), 'person');
    // Read and checked under the lock the claim took; only the fields sent are written, so an
    // edit never writes back a field someone else changed meanwhile.
    const row = (await repo.findPerson(tx, id))!;
    // Erased (art. 17): nothing identifying may come back, e.g. from a draft another device kept
    // of the edit form (decision 31).
    if (row.erasedOn) throw new ConflictError('The person was erased', [{ field: 'id', code: 'erased' }]);
    await validate(tx, {
      ...input,
      externalRef: input.externalRef === row.externalRef ? undefined : input.externalRef,
    });
    const names = input.firstName !== undefined || input.lastName !== undefined;
    const firstName = input.firstName?.trim() ?? row.firstName;
    const lastName = input.lastName?.trim() ?? row.lastName;
    const updated = await repo.updatePerson(tx, id, {
      ...(names ? { firstName, lastName, ...personKeys(firstName, lastName) } : {}),
      ...(input.email !== undefined ? { email: blank(input.email)?.toLowerCase() ?? null } : {}),
      ...(input.phone !== undefined ? { phone: blank(input.phone) } : {}),
      ...(input.language !== undefined ? { language: input.language } : {}),
      ...(input.notes !== undefined ? { notes: blank(input.notes) } : {}),
      ...(input.externalRef !== undefined ? { externalRef: blank(input.externalRef) } : {}),
    });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'person',
      resourceId: id,
      details: { fields: Object.keys(input) },
    });
    return load(tx, updated!);
  });
}

export async function listPeople({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PersonListQuery;
}): Promise<PersonList> {
  assertCan(ctx.actor, 'people', 'read');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const { rows, total } = await repo.searchPeople(ctx.db, {
    ...input,
    page,
    pageSize,
    terms: searchTerms(input.q),
  });
  return { items: await summaries(ctx.db, rows), total, page, pageSize };
}

export async function findPersonDuplicates({
  ctx,
  firstName,
  lastName,
  email,
}: {
  ctx: ServiceContext;
  firstName: string;
  lastName: string;
  email?: string | undefined;
}): Promise<PersonDuplicates> {
  assertCan(ctx.actor, 'people', 'read');
  const rows = await repo.findSimilarPeople(
    ctx.db,
    personKeys(firstName, lastName).matchKey,
    email?.toLowerCase() ?? null,
  );
  return { items: await summaries(ctx.db, rows) };
}

export async function addAffiliation({
  ctx,
  personId,
  input,
}: {
  ctx: ServiceContext;
  personId: string;
  input: CreateAffiliationBody;
}) {
  assertCan(ctx.actor, 'people', 'update');
  const person = await repo.findPerson(ctx.db, personId);
  if (!person) throw new NotFoundError('No such person');
  // Erased (art. 17): nothing new may be tied to them (decision 31), as for an edit.
  if (person.erasedOn) throw new ConflictError('The person was erased', [{ field: 'id', code: 'erased' }]);
  const p = await validateAffiliation(ctx.db, input, '');
  if (p) throw new ValidationError([p]);
  return ctx.db.transaction(async (tx) => {
    // The person's affiliations are part of the person: a new one is a new version of it.
    await bumpVersion(tx, people, [personId]);
    const a = await repo.insertAffiliation(tx, {
      id: input.id,
      personId,
      organisationId: input.organisationId,
      function: blank(input.function) ?? null,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
    });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'person',
      resourceId: personId,
      details: { affiliationAdded: a.id },
    });
    return load(tx, (await repo.findPerson(tx, personId))!);
  });
}

/** Change an affiliation's function or dates; ending one keeps it in the person's history. */
export async function updateAffiliation({
  ctx,
  personId,
  affiliationId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  personId: string;
  affiliationId: string;
  /** The person's version: an affiliation is part of the person's record. */
  ifMatch: IfMatch;
  input: UpdateAffiliationBody;
}) {
  assertCan(ctx.actor, 'people', 'update');
  return ctx.db.transaction(async (tx) => {
    const person = await repo.findPerson(tx, personId);
    const before = person && (await repo.findAffiliation(tx, personId, affiliationId));
    if (!person || !before) throw new NotFoundError('No such affiliation');
    await claimVersion(tx, people, personId, ifMatch, () => current(tx, personId), 'person');
    const affiliation = (await repo.findAffiliation(tx, personId, affiliationId))!;
    const startsOn = input.startsOn === undefined ? affiliation.startsOn : input.startsOn;
    const endsOn = input.endsOn === undefined ? affiliation.endsOn : input.endsOn;
    const p = await validateAffiliation(tx, { startsOn, endsOn }, '');
    if (p) throw new ValidationError([p]);
    await repo.updateAffiliation(tx, affiliationId, {
      ...(input.startsOn !== undefined ? { startsOn } : {}),
      ...(input.endsOn !== undefined ? { endsOn } : {}),
      ...(input.function !== undefined ? { function: blank(input.function) } : {}),
    });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'person',
      resourceId: personId,
      details: { affiliationChanged: affiliationId },
    });
    return load(tx, (await repo.findPerson(tx, personId))!);
  });
}
