import { chunks } from '../../../lib/chunks.js';
import {
  commonFields,
  field,
  text,
  type Applied,
  type ImportKindDefinition,
  type Planned,
} from '../../platform/imports/kind.js';
import { organisationNamed } from '../organisations/keys.js';
import { organisationIndex } from '../organisations/repository.js';
import { referenceLookup } from '../reference/lookup.js';
import { personKeys } from './keys.js';
import * as repo from './repository.js';
import { people } from '../../../db/schema/index.js';
import { bumpVersion } from '../../../db/versions.js';

const fields = [
  commonFields.externalRef,
  field('firstName', 'text', 'Prénom', 'Voornaam', ['first name', 'firstname', 'given name'], true),
  field(
    'lastName',
    'text',
    'Nom',
    'Achternaam',
    ['nom de famille', 'familienaam', 'naam', 'last name', 'surname'],
    true,
  ),
  commonFields.email,
  commonFields.phone,
  field('language', 'text', 'Langue', 'Taal', ['language']),
  field('organisation', 'text', 'Organisation', 'Organisatie', [
    'institution',
    'service',
    'structure',
    'instelling',
    'dienst',
    'employer',
    'organisation ref',
  ]),
  field('function', 'text', 'Fonction', 'Functie', ['poste', 'job title', 'function', 'rôle']),
  field('startsOn', 'date', 'Depuis le', 'Sinds', [
    'date de début',
    'début',
    'vanaf',
    'startdatum',
    'start date',
    'since',
  ]),
];

interface Row {
  row: number;
  existingId: string | null;
  columns: Partial<Record<'firstName' | 'lastName' | 'email' | 'phone' | 'externalRef' | 'language', string>>;
  affiliation: { organisationId: string; function: string | null; startsOn: string | null } | null;
}

/**
 * People are matched on the partner's reference, else their e-mail, else their folded name.
 * The organisation column names an organisation of the directory (its reference or its name);
 * a person gets an affiliation to it unless they already have a current one.
 */
export const peopleImport: ImportKindDefinition = {
  kind: 'people',
  fields,
  matchedOn: 'the partner’s reference, else the e-mail, else first and last name',
  start() {
    const creates: Row[] = [];
    const updates: Row[] = [];
    return {
      async plan(db, rows, { error: err }) {
        const [language, index, orgs] = await Promise.all([
          referenceLookup(db, 'language'),
          repo.peopleIndex(db),
          organisationIndex(db),
        ]);
        const seen = new Map<string, number>();
        const parsed: Row[] = [];
        for (const { row, values } of rows) {
          const firstName = text(values.firstName);
          const lastName = text(values.lastName);
          if (!firstName || !lastName) continue; // parseCell already reported the empty required cell
          const ref = text(values.externalRef);
          const email = text(values.email)?.toLowerCase() ?? null;
          const nameKey = personKeys(firstName, lastName).matchKey;
          const key = ref ? `ref:${ref}` : email ? `email:${email}` : `name:${nameKey}`;
          if (seen.has(key)) {
            err(
              row,
              ref ? 'externalRef' : email ? 'email' : 'lastName',
              'duplicateRow',
              String(seen.get(key)),
            );
            continue;
          }
          seen.set(key, row);
          const columns: Row['columns'] = { firstName, lastName };
          for (const k of ['email', 'phone', 'externalRef'] as const) {
            const v = text(values[k]);
            if (v) columns[k] = k === 'email' ? v.toLowerCase() : v;
          }
          const lang = text(values.language);
          if (lang) {
            const found = language(lang);
            if (found) columns.language = found.code;
            else err(row, 'language', 'unknownReference', lang);
          }
          let affiliation: Row['affiliation'] = null;
          const orgName = text(values.organisation);
          if (orgName) {
            const org = organisationNamed(orgs, orgName);
            if (!org) err(row, 'organisation', 'unknownReference', orgName);
            else
              affiliation = {
                organisationId: org.id,
                function: text(values.function),
                startsOn: text(values.startsOn),
              };
          }
          const existing =
            (ref && index.byRef.get(ref)) || (email && index.byEmail.get(email)) || index.byName.get(nameKey);
          parsed.push({ row, existingId: existing?.id ?? null, columns, affiliation });
        }

        const ids = parsed.flatMap((p) => (p.existingId ? [p.existingId] : []));
        const [current, pairs] = await Promise.all([
          repo.peopleByIds(db, ids),
          repo.currentAffiliationPairs(db, ids),
        ]);
        const plans: Planned[] = [];
        for (const p of parsed) {
          const label = `${p.columns.firstName} ${p.columns.lastName}`;
          const was = p.existingId ? current.get(p.existingId) : undefined;
          if (!was) {
            creates.push(p);
            plans.push({ row: p.row, action: 'create', label });
            continue;
          }
          const changes = Object.entries(p.columns)
            .filter(([k, v]) => was[k as keyof typeof was] !== v)
            .map(([k]) => k);
          if (p.affiliation && pairs.has(`${was.id}:${p.affiliation.organisationId}`)) p.affiliation = null;
          if (p.affiliation) changes.push('affiliation');
          if (changes.length) updates.push(p);
          plans.push({ row: p.row, action: changes.length ? 'update' : 'unchanged', label, changes });
        }
        return plans;
      },

      async apply(tx) {
        const applied: Applied[] = [];
        for (const batch of chunks(creates, 500)) {
          const ids = await repo.insertPeople(
            tx,
            batch.map((p) => ({
              ...p.columns,
              firstName: p.columns.firstName!,
              lastName: p.columns.lastName!,
              ...personKeys(p.columns.firstName!, p.columns.lastName!),
            })),
          );
          batch.forEach((p, i) => {
            p.existingId = ids[i]!;
            applied.push({ row: p.row, entityType: 'person', entityId: ids[i]!, action: 'created' });
          });
        }
        await bumpVersion(
          tx,
          people,
          updates.map((p) => p.existingId!),
        );
        for (const p of updates) {
          await repo.updatePerson(tx, p.existingId!, {
            ...p.columns,
            ...personKeys(p.columns.firstName!, p.columns.lastName!),
          });
          applied.push({ row: p.row, entityType: 'person', entityId: p.existingId!, action: 'updated' });
        }
        await repo.insertAffiliations(
          tx,
          [...creates, ...updates].flatMap((p) =>
            p.affiliation ? [{ personId: p.existingId!, ...p.affiliation }] : [],
          ),
        );
        return applied;
      },
    };
  },
};
