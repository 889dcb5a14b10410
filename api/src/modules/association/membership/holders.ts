import type { FieldError, Holder } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import { findOrganisation } from '../../directory/organisations/repository.js';
import { findPerson } from '../../directory/people/repository.js';
import { organisationRefs, personRefs, type HolderIds } from './repository.js';

/** Exactly one of organisationId / personId, and it must exist in the directory. */
export async function checkHolder(
  db: Executor,
  input: { organisationId?: string | undefined; personId?: string | undefined },
): Promise<{ holder: HolderIds; problem: null } | { holder: null; problem: FieldError }> {
  const { organisationId, personId } = input;
  if (Boolean(organisationId) === Boolean(personId)) {
    return {
      holder: null,
      problem: { field: 'organisationId', code: 'required', message: 'one of organisationId, personId' },
    };
  }
  if (organisationId && !(await findOrganisation(db, organisationId))) {
    return { holder: null, problem: { field: 'organisationId', code: 'invalid' } };
  }
  if (personId && !(await findPerson(db, personId))) {
    return { holder: null, problem: { field: 'personId', code: 'invalid' } };
  }
  return { holder: { organisationId: organisationId ?? null, personId: personId ?? null }, problem: null };
}

/** Names for many holders in two queries. */
export async function holderNames(db: Executor, rows: HolderIds[]) {
  const orgIds = [...new Set(rows.map((r) => r.organisationId).filter((id): id is string => id !== null))];
  const personIds = [...new Set(rows.map((r) => r.personId).filter((id): id is string => id !== null))];
  const [orgs, persons] = await Promise.all([organisationRefs(db, orgIds), personRefs(db, personIds)]);
  return (h: HolderIds): Holder => ({
    kind: h.organisationId ? 'organisation' : 'person',
    organisation: orgs.find((o) => o.id === h.organisationId) ?? null,
    person: persons.find((p) => p.id === h.personId) ?? null,
  });
}
