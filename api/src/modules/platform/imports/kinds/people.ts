import type { ImportRowError } from '@smes/shared';
import type { Executor } from '../../../../db/client.js';
import { matchKey, searchKey } from '../../../../lib/text.js';
import { updatePerson } from '../../../directory/people/repository.js';
import { referenceLookup } from '../references.js';
import * as repo from '../repository.js';
import { chunks, text, type Applied, type KindHandler, type Planned } from './types.js';

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
export function peopleHandler(): KindHandler {
  const creates: Row[] = [];
  const updates: Row[] = [];

  return {
    async plan(db, rows, errors, columnOf) {
      const [language, index, orgs] = await Promise.all([
        referenceLookup(db, 'language'),
        repo.peopleIndex(db),
        repo.organisationIndex(db),
      ]);
      const err = (row: number, field: string, code: ImportRowError['code'], value?: string) =>
        errors.push({ row, field, column: columnOf(field), code, ...(value ? { value } : {}) });
      const seen = new Map<string, number>();
      const parsed: Row[] = [];
      for (const { row, values } of rows) {
        const firstName = text(values.firstName);
        const lastName = text(values.lastName);
        if (!firstName || !lastName) continue; // parseCell already reported the empty required cell
        const ref = text(values.externalRef);
        const email = text(values.email)?.toLowerCase() ?? null;
        const nameKey = matchKey(`${lastName} ${firstName}`);
        const key = ref ? `ref:${ref}` : email ? `email:${email}` : `name:${nameKey}`;
        if (seen.has(key)) {
          err(row, ref ? 'externalRef' : email ? 'email' : 'lastName', 'duplicateRow', String(seen.get(key)));
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
          const org = orgs.byRef.get(orgName) ?? orgs.byName.get(matchKey(orgName));
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

    async apply(tx: Executor) {
      const applied: Applied[] = [];
      for (const batch of chunks(creates, 500)) {
        const ids = await repo.insertPeople(
          tx,
          batch.map((p) => ({
            ...p.columns,
            firstName: p.columns.firstName!,
            lastName: p.columns.lastName!,
            searchKey: searchKey(`${p.columns.firstName} ${p.columns.lastName}`),
            matchKey: matchKey(`${p.columns.lastName} ${p.columns.firstName}`),
          })),
        );
        batch.forEach((p, i) => {
          p.existingId = ids[i]!;
          applied.push({ row: p.row, entityType: 'person', entityId: ids[i]!, action: 'created' });
        });
      }
      for (const p of updates) {
        await updatePerson(tx, p.existingId!, {
          ...p.columns,
          searchKey: searchKey(`${p.columns.firstName} ${p.columns.lastName}`),
          matchKey: matchKey(`${p.columns.lastName} ${p.columns.firstName}`),
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
}
