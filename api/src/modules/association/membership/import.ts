import { organisationNamed } from '../../directory/organisations/keys.js';
import { organisationIndex } from '../../directory/organisations/repository.js';
import { personKeys } from '../../directory/people/keys.js';
import { peopleIndex } from '../../directory/people/repository.js';
import {
  commonFields,
  field,
  text,
  type Applied,
  type ImportKindDefinition,
  type Planned,
} from '../../platform/imports/kind.js';
import { periodCovering, periodProblem } from './periods.js';
import * as membership from './repository.js';
import { memberships } from '../../../db/schema/index.js';
import { bumpVersion } from '../../../db/versions.js';

const fields = [
  field('organisation', 'text', 'Organisation', 'Organisatie', [
    'institution',
    'instelling',
    'membre',
    'lid',
    'member',
  ]),
  field('firstName', 'text', 'Prénom', 'Voornaam', ['first name']),
  field('lastName', 'text', 'Nom', 'Achternaam', ['naam', 'last name']),
  commonFields.email,
  field(
    'startsOn',
    'date',
    'Membre depuis',
    'Lid sinds',
    ['depuis', 'sinds', 'date adhésion', 'toetreding', 'member since', 'start'],
    true,
  ),
  field('endsOn', 'date', "Fin d'adhésion", 'Lid tot', [
    'jusqu’au',
    "jusqu'au",
    'tot',
    'einde',
    'end',
    'member until',
  ]),
];

interface Row {
  row: number;
  holder: membership.HolderIds;
  startsOn: string;
  endsOn: string | null;
  existingId: string | null;
}

/**
 * A members list names organisations (reference or name) or people (e-mail, else first and last
 * name) already in the directory, with the day they became members. A period that already
 * covers that day is the same membership; another overlapping one is refused, as in the form.
 */
export const membersImport: ImportKindDefinition = {
  kind: 'members',
  fields,
  matchedOn:
    'the organisation (reference or name) or the person (e-mail, else first and last name) of the directory, and a period covering the start day',
  start() {
    const creates: Row[] = [];
    const updates: Row[] = [];
    return {
      async plan(db, rows, { error: err }) {
        const [orgs, people] = await Promise.all([organisationIndex(db), peopleIndex(db)]);
        const seen = new Map<string, number>();
        const plans: Planned[] = [];
        const resolved: {
          row: number;
          holder: membership.HolderIds;
          startsOn: string;
          endsOn: string | null;
          label: string;
        }[] = [];
        for (const { row, values } of rows) {
          const startsOn = text(values.startsOn);
          if (!startsOn) continue; // parseCell reported it
          const endsOn = text(values.endsOn);
          const orgName = text(values.organisation);
          const email = text(values.email)?.toLowerCase();
          const first = text(values.firstName);
          const last = text(values.lastName);
          let holder: membership.HolderIds | null = null;
          let label = '';
          if (orgName) {
            const org = organisationNamed(orgs, orgName);
            if (org) holder = { organisationId: org.id, personId: null };
            else err(row, 'organisation', 'unknownReference', orgName);
            label = orgName;
          } else if (email || (first && last)) {
            const person =
              (email && people.byEmail.get(email)) ||
              (first && last && people.byName.get(personKeys(first, last).matchKey));
            if (person) holder = { organisationId: null, personId: person.id };
            else err(row, email ? 'email' : 'lastName', 'unknownReference', email ?? `${first} ${last}`);
            label = [first, last].filter(Boolean).join(' ') || email || '';
          } else {
            err(row, 'organisation', 'required');
          }
          if (!holder) continue;
          if (endsOn && endsOn < startsOn) {
            err(row, 'endsOn', 'tooSmall', endsOn);
            continue;
          }
          const key = holder.organisationId ?? holder.personId!;
          if (seen.has(key)) {
            err(row, orgName ? 'organisation' : 'lastName', 'duplicateRow', String(seen.get(key)));
            continue;
          }
          seen.set(key, row);
          resolved.push({ row, holder, startsOn, endsOn, label });
        }

        // Every period of every holder named, in one query, then checked row by row in memory.
        const periods = await membership.periodsOf(
          db,
          resolved.map((r) => r.holder),
        );
        const holderOf = (p: membership.HolderIds) => p.organisationId ?? p.personId!;
        const byHolder = new Map<string, typeof periods>();
        for (const p of periods) byHolder.set(holderOf(p), [...(byHolder.get(holderOf(p)) ?? []), p]);
        for (const { row, holder, startsOn, endsOn, label } of resolved) {
          const own = byHolder.get(holderOf(holder)) ?? [];
          // A row naming a running membership again may end it; either way the period must fit
          // among the holder's others, as the form checks.
          const covering = periodCovering(own, startsOn);
          const problem = covering
            ? periodProblem(own, covering.startsOn, endsOn ?? covering.endsOn, covering.id)
            : periodProblem(own, startsOn, endsOn);
          if (problem) {
            err(row, problem.field, problem.code, problem.field === 'endsOn' ? (endsOn ?? '') : startsOn);
            continue;
          }
          if (covering) {
            const changed = endsOn !== null && covering.endsOn !== endsOn;
            if (changed)
              updates.push({ row, holder, startsOn: covering.startsOn, endsOn, existingId: covering.id });
            plans.push({
              row,
              action: changed ? 'update' : 'unchanged',
              label,
              ...(changed ? { changes: ['endsOn'] } : {}),
            });
            continue;
          }
          creates.push({ row, holder, startsOn, endsOn, existingId: null });
          plans.push({ row, action: 'create', label });
        }
        return plans;
      },

      async apply(tx) {
        const applied: Applied[] = [];
        for (const r of creates) {
          const m = await membership.insertMembership(tx, {
            ...r.holder,
            startsOn: r.startsOn,
            endsOn: r.endsOn,
          });
          applied.push({ row: r.row, entityType: 'membership', entityId: m.id, action: 'created' });
        }
        await bumpVersion(
          tx,
          memberships,
          updates.map((r) => r.existingId!),
        );
        for (const r of updates) {
          await membership.updateMembership(tx, r.existingId!, { endsOn: r.endsOn });
          applied.push({ row: r.row, entityType: 'membership', entityId: r.existingId!, action: 'updated' });
        }
        return applied;
      },
    };
  },
};
