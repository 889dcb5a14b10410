import type { ImportRowError } from '@smes/shared';
import type { Executor } from '../../../../db/client.js';
import { matchKey } from '../../../../lib/text.js';
import * as membership from '../../../association/membership/repository.js';
import * as repo from '../repository.js';
import { text, type Applied, type KindHandler, type Planned } from './types.js';

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
export function membersHandler(): KindHandler {
  const creates: Row[] = [];
  const updates: Row[] = [];

  return {
    async plan(db, rows, errors, columnOf) {
      const [orgs, people] = await Promise.all([repo.organisationIndex(db), repo.peopleIndex(db)]);
      const err = (row: number, field: string, code: ImportRowError['code'], value?: string) =>
        errors.push({ row, field, column: columnOf(field), code, ...(value ? { value } : {}) });
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
          const org = orgs.byRef.get(orgName) ?? orgs.byName.get(matchKey(orgName));
          if (org) holder = { organisationId: org.id, personId: null };
          else err(row, 'organisation', 'unknownReference', orgName);
          label = orgName;
        } else if (email || (first && last)) {
          const person =
            (email && people.byEmail.get(email)) ||
            (first && last && people.byName.get(matchKey(`${last} ${first}`)));
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
        const covering = own.find(
          (p) => p.startsOn <= startsOn && (p.endsOn === null || p.endsOn >= startsOn),
        );
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
        if (
          own.some(
            (p) => (endsOn === null || p.startsOn <= endsOn) && (p.endsOn === null || p.endsOn >= startsOn),
          )
        ) {
          err(row, 'startsOn', 'overlaps', startsOn);
          continue;
        }
        creates.push({ row, holder, startsOn, endsOn, existingId: null });
        plans.push({ row, action: 'create', label });
      }
      return plans;
    },

    async apply(tx: Executor) {
      const applied: Applied[] = [];
      for (const r of creates) {
        const m = await membership.insertMembership(tx, {
          ...r.holder,
          startsOn: r.startsOn,
          endsOn: r.endsOn,
        });
        applied.push({ row: r.row, entityType: 'membership', entityId: m.id, action: 'created' });
      }
      for (const r of updates) {
        await membership.updateMembership(tx, r.existingId!, { endsOn: r.endsOn });
        applied.push({ row: r.row, entityType: 'membership', entityId: r.existingId!, action: 'updated' });
      }
      return applied;
    },
  };
}
