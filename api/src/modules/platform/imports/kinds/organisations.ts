import type { ImportRowError } from '@smes/shared';
import type { Executor } from '../../../../db/client.js';
import { matchKey, searchKey } from '../../../../lib/text.js';
import * as orgRepo from '../../../directory/organisations/repository.js';
import { referenceLookup } from '../references.js';
import * as repo from '../repository.js';
import { chunks, list, text, type Applied, type KindHandler, type Planned } from './types.js';

const SCALARS = [
  'nameFr',
  'nameNl',
  'street',
  'postalCode',
  'city',
  'phone',
  'email',
  'website',
  'notes',
] as const;
type Scalar = (typeof SCALARS)[number];

interface Row {
  row: number;
  existingId: string | null;
  was?: repo.OrganisationRow;
  columns: Partial<Record<Scalar, string>> & {
    communeId?: string;
    languages?: string[];
    externalRef?: string;
  };
  sectorIds: string[];
  typeIds: string[];
}

/**
 * Organisations are matched on the partner's reference, else on the folded name
 * ("DIOGÈNES" = "Diogenes asbl"). Only filled cells change a record, and sectors and types are
 * added, never removed: re-importing the same file changes nothing.
 */
export function organisationsHandler(): KindHandler {
  const creates: Row[] = [];
  const updates: Row[] = [];

  return {
    async plan(db, rows, errors, columnOf) {
      const [sector, type, commune, language, index] = await Promise.all([
        referenceLookup(db, 'sector'),
        referenceLookup(db, 'organisation_type'),
        referenceLookup(db, 'commune'),
        referenceLookup(db, 'language'),
        repo.organisationIndex(db),
      ]);
      const err = (row: number, field: string, code: ImportRowError['code'], value?: string) =>
        errors.push({ row, field, column: columnOf(field), code, ...(value ? { value } : {}) });
      const seen = new Map<string, number>();
      const parsed: Row[] = [];

      for (const { row, values } of rows) {
        const nameFr = text(values.nameFr);
        const nameNl = text(values.nameNl);
        if (!nameFr && !nameNl) {
          err(row, columnOf('nameFr') ? 'nameFr' : 'nameNl', 'required');
          continue;
        }
        const ref = text(values.externalRef);
        const key = ref ? `ref:${ref}` : `name:${matchKey(nameFr ?? nameNl)}`;
        if (seen.has(key)) {
          err(row, ref ? 'externalRef' : 'nameFr', 'duplicateRow', String(seen.get(key)));
          continue;
        }
        seen.set(key, row);
        const ids = (field: string, lookup: (v: string) => { id: string } | null) =>
          list(values[field]).flatMap((v) => {
            const found = lookup(v);
            if (!found) err(row, field, 'unknownReference', v);
            return found ? [found.id] : [];
          });
        const sectorIds = ids('sectors', sector);
        const typeIds = ids('types', type);
        const languages = list(values.languages).flatMap((v) => {
          const found = language(v);
          if (!found) err(row, 'languages', 'unknownReference', v);
          return found ? [found.code] : [];
        });
        const postalCode = text(values.postalCode);
        const communeText = text(values.commune);
        const communeId =
          (communeText && commune(communeText)?.id) || (postalCode && commune(postalCode)?.id) || undefined;
        const columns: Row['columns'] = {};
        for (const k of SCALARS) {
          const v = text(values[k]);
          if (v) columns[k] = k === 'email' ? v.toLowerCase() : v;
        }
        if (communeText && !communeId) columns.city = communeText;
        if (communeId) columns.communeId = communeId;
        if (languages.length) columns.languages = languages;
        if (ref) columns.externalRef = ref;
        const existing = (ref && index.byRef.get(ref)) || index.byName.get(matchKey(nameFr ?? nameNl));
        parsed.push({ row, existingId: existing?.id ?? null, columns, sectorIds, typeIds });
      }

      const current = await repo.organisationsByIds(
        db,
        parsed.flatMap((p) => (p.existingId ? [p.existingId] : [])),
      );
      const classes = await repo.classificationSets(db, [...current.keys()]);
      const plans: Planned[] = [];
      for (const p of parsed) {
        const label = p.columns.nameFr ?? p.columns.nameNl ?? '';
        const was = p.existingId ? current.get(p.existingId) : undefined;
        if (!was) {
          creates.push(p);
          plans.push({ row: p.row, action: 'create', label });
          continue;
        }
        const changes = Object.entries(p.columns)
          .filter(([k, v]) => JSON.stringify(was[k as keyof typeof was]) !== JSON.stringify(v))
          .map(([k]) => k);
        const hasSector = classes.sectors.get(was.id);
        const hasType = classes.types.get(was.id);
        p.sectorIds = p.sectorIds.filter((id) => !hasSector?.has(id));
        p.typeIds = p.typeIds.filter((id) => !hasType?.has(id));
        if (p.sectorIds.length) changes.push('sectors');
        if (p.typeIds.length) changes.push('types');
        p.was = was;
        if (changes.length) updates.push(p);
        plans.push({
          row: p.row,
          action: changes.length ? 'update' : 'unchanged',
          label: was.nameFr ?? was.nameNl ?? label,
          changes,
        });
      }
      return plans;
    },

    async apply(tx: Executor) {
      const applied: Applied[] = [];
      for (const batch of chunks(creates, 500)) {
        const ids = await repo.insertOrganisations(
          tx,
          batch.map((p) => ({
            ...p.columns,
            searchKey: searchKey(p.columns.nameFr, p.columns.nameNl),
            matchKey: matchKey(p.columns.nameFr ?? p.columns.nameNl),
          })),
        );
        batch.forEach((p, i) => {
          p.existingId = ids[i]!;
          applied.push({ row: p.row, entityType: 'organisation', entityId: ids[i]!, action: 'created' });
        });
      }
      for (const p of updates) {
        const nameFr = p.columns.nameFr ?? p.was!.nameFr;
        const nameNl = p.columns.nameNl ?? p.was!.nameNl;
        await orgRepo.updateOrganisation(tx, p.existingId!, {
          ...p.columns,
          searchKey: searchKey(nameFr, nameNl),
          matchKey: matchKey(nameFr ?? nameNl),
        });
        applied.push({ row: p.row, entityType: 'organisation', entityId: p.existingId!, action: 'updated' });
      }
      await repo.addClassifications(tx, [...creates, ...updates]);
      return applied;
    },
  };
}
