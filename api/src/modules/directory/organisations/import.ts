import { organisationName, postalCodeContradictsCommune } from '@smes/shared';
import { chunks } from '../../../lib/chunks.js';
import {
  commonFields,
  field,
  list,
  text,
  type Applied,
  type ImportKindDefinition,
  type Planned,
} from '../../platform/imports/kind.js';
import { referenceLookup } from '../reference/lookup.js';
import { organisationKeys } from './keys.js';
import * as repo from './repository.js';
import { organisations } from '../../../db/schema/index.js';
import { bumpVersion } from '../../../db/versions.js';

const fields = [
  commonFields.externalRef,
  field('nameFr', 'text', 'Nom', 'Franse naam', [
    'nom fr',
    'nom français',
    'dénomination',
    'name fr',
    'french name',
    'institution',
    'organisation',
  ]),
  field('nameNl', 'text', 'Nom néerlandais', 'Naam', [
    'naam nl',
    'nederlandse naam',
    'benaming',
    'name nl',
    'dutch name',
    'organisatie',
    'instelling',
  ]),
  field('sectors', 'list', 'Secteurs', 'Sectoren', ['secteur', 'sector', 'sectors']),
  field('types', 'list', "Types d'organisation", 'Organisatietypes', [
    'type',
    'types',
    'soort',
    'organisatietype',
    'organisation type',
  ]),
  field('street', 'text', 'Adresse', 'Adres', ['rue', 'straat', 'address', 'street']),
  field('postalCode', 'text', 'Code postal', 'Postcode', ['cp', 'postal code', 'zip']),
  field('commune', 'text', 'Commune', 'Gemeente', ['localité', 'ville', 'stad', 'municipality', 'city']),
  field('languages', 'list', 'Langues', 'Talen', ['langue', 'taal', 'language', 'languages']),
  commonFields.phone,
  commonFields.email,
  field('website', 'text', 'Site web', 'Website', ['site', 'url', 'web']),
  field('notes', 'text', 'Remarques', 'Opmerkingen', ['notes', 'commentaire', 'remarks', 'comments']),
];

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
export const organisationsImport: ImportKindDefinition = {
  kind: 'organisations',
  fields,
  matchedOn:
    'the partner’s reference, else the name without case, accents or legal form (`DIOGÈNES` = `Diogenes asbl`)',
  start() {
    const creates: Row[] = [];
    const updates: Row[] = [];
    return {
      async plan(db, rows, { error: err, warn, hasColumn }) {
        const [sector, type, commune, language, index] = await Promise.all([
          referenceLookup(db, 'sector'),
          referenceLookup(db, 'organisation_type'),
          referenceLookup(db, 'commune'),
          referenceLookup(db, 'language'),
          repo.organisationIndex(db),
        ]);
        const seen = new Map<string, number>();
        const parsed: Row[] = [];

        for (const { row, values } of rows) {
          const nameFr = text(values.nameFr);
          const nameNl = text(values.nameNl);
          if (!nameFr && !nameNl) {
            err(row, hasColumn('nameFr') ? 'nameFr' : 'nameNl', 'required');
            continue;
          }
          const ref = text(values.externalRef);
          const { matchKey } = organisationKeys(nameFr, nameNl);
          const key = ref ? `ref:${ref}` : `name:${matchKey}`;
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
          const named = communeText ? commune(communeText) : null;
          const communeId = named?.id || (postalCode && commune(postalCode)?.id) || undefined;
          if (postalCodeContradictsCommune(postalCode, named))
            warn(row, 'postalCode', 'postalCodeCommune', postalCode!);
          const columns: Row['columns'] = {};
          for (const k of SCALARS) {
            const v = text(values[k]);
            if (v) columns[k] = k === 'email' ? v.toLowerCase() : v;
          }
          if (communeText && !communeId) columns.city = communeText;
          if (communeId) columns.communeId = communeId;
          if (languages.length) columns.languages = languages;
          if (ref) columns.externalRef = ref;
          const existing = (ref && index.byRef.get(ref)) || index.byName.get(matchKey);
          parsed.push({ row, existingId: existing?.id ?? null, columns, sectorIds, typeIds });
        }

        const current = await repo.organisationsByIds(
          db,
          parsed.flatMap((p) => (p.existingId ? [p.existingId] : [])),
        );
        const classes = await repo.classificationSets(db, [...current.keys()]);
        // A new row whose name is alike an organisation already there is said, not refused.
        const news = parsed.filter((p) => !(p.existingId && current.has(p.existingId)));
        const alike = await repo.findSimilarToMany(
          db,
          news.map((p) => organisationKeys(p.columns.nameFr, p.columns.nameNl).searchKey),
        );
        const candidatesOf = new Map(news.map((p, i) => [p, alike.get(i)]));
        const plans: Planned[] = [];
        for (const p of parsed) {
          const label = organisationName(
            { nameFr: p.columns.nameFr ?? null, nameNl: p.columns.nameNl ?? null },
            'fr',
          );
          const was = p.existingId ? current.get(p.existingId) : undefined;
          if (!was) {
            creates.push(p);
            const candidates = candidatesOf.get(p);
            plans.push({ row: p.row, action: 'create', label, ...(candidates ? { candidates } : {}) });
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
            label: organisationName(was, 'fr') || label,
            changes,
          });
        }
        return plans;
      },

      async apply(tx) {
        const applied: Applied[] = [];
        for (const batch of chunks(creates, 500)) {
          const ids = await repo.insertOrganisations(
            tx,
            batch.map((p) => ({
              ...p.columns,
              ...organisationKeys(p.columns.nameFr, p.columns.nameNl),
            })),
          );
          batch.forEach((p, i) => {
            p.existingId = ids[i]!;
            applied.push({ row: p.row, entityType: 'organisation', entityId: ids[i]!, action: 'created' });
          });
        }
        // A new version for each organisation the file changed: an edit open on one is told.
        await bumpVersion(
          tx,
          organisations,
          updates.map((p) => p.existingId!),
        );
        for (const p of updates) {
          const nameFr = p.columns.nameFr ?? p.was!.nameFr;
          const nameNl = p.columns.nameNl ?? p.was!.nameNl;
          await repo.updateOrganisation(tx, p.existingId!, {
            ...p.columns,
            ...organisationKeys(nameFr, nameNl),
          });
          applied.push({
            row: p.row,
            entityType: 'organisation',
            entityId: p.existingId!,
            action: 'updated',
          });
        }
        await repo.addClassifications(tx, [...creates, ...updates]);
        return applied;
      },
    };
  },
};
