import { randomUUID } from 'node:crypto';
import { supportDueOn, type RecordRef } from '@smes/shared';
import { supportRequests } from '../../../db/schema/index.js';
import { bumpVersion } from '../../../db/versions.js';
import { brusselsInstant, todayInBrussels } from '../../../lib/dates.js';
import { matchKey } from '../../../lib/text.js';
import { organisationNamed } from '../../directory/organisations/keys.js';
import { organisationIndex, sectorsOn } from '../../directory/organisations/repository.js';
import { personKeys } from '../../directory/people/keys.js';
import { peopleIndex } from '../../directory/people/repository.js';
import {
  dayLabel,
  foundAgain,
  repeatedRows,
  rowChecks,
  text,
  type Applied,
  type ImportKindDefinition,
  type Planned,
} from '../../platform/imports/kind.js';
import { supportRequestFields as fields } from './import-fields.js';
import { followUpOf, type FollowUp } from './import-follow-up.js';
import { channelNamed, requesterKindNamed } from './import-labels.js';
import * as repo from './repository.js';

/** A code new to the platform, from a log: letters and digits (a digit at least, so never a name). */
const PERSON_CODE = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9._/-]{0,23}$/;
const DAY_MS = 86_400_000;

type Requester = Pick<
  typeof supportRequests.$inferInsert,
  | 'requesterKind'
  | 'requesterPersonId'
  | 'requesterOrganisationId'
  | 'requesterSectorIds'
  | 'requesterName'
  | 'requesterCallBack'
>;

interface Create {
  row: number;
  id: string;
  logNumber: string | null;
  receivedAt: Date;
  channel: NonNullable<ReturnType<typeof channelNamed>>;
  requester: Requester;
  person: { id: string; code: string; isNew: boolean };
  impasse: string;
  followUp: FollowUp;
}

interface Update {
  row: number;
  id: string;
  patch: Partial<typeof supportRequests.$inferInsert>;
}

/** The day, requester and person a row names without a log number: what finds it again. */
const keyOf = (day: string, requester: Requester, personId: string | null) =>
  [
    day,
    requester.requesterKind,
    requester.requesterPersonId ?? matchKey(requester.requesterName ?? ''),
    requester.requesterOrganisationId ?? '',
    personId ?? '*',
  ].join('|');

/**
 * The Support team's own request log (decision 30): one row per request. A row is found again by
 * the log's own number (kept on the request), else by its received day in Brussels, its
 * requester and its person concerned's code; so importing the log twice changes nothing. A
 * request found again keeps what the platform recorded: the row only stamps the log's number and
 * adds a first answer or a closing it lacks.
 */
export const supportRequestsImport: ImportKindDefinition = {
  kind: 'support_requests',
  fields,
  matchedOn:
    'the log’s number (kept on the request), else the received day in Brussels, the requester (directory person and organisation, or the non-professional kind and name) and the person concerned’s code; a request found again keeps what was recorded, the row only adds the log’s number, a first answer or a closing it lacks',
  shows: ['support_request', 'support_person'],
  start() {
    const creates: Create[] = [];
    const updates: Update[] = [];
    return {
      async plan(db, rows, { error: err }) {
        const [orgs, people, staff] = await Promise.all([
          organisationIndex(db),
          peopleIndex(db),
          repo.supportStaffIndex(db),
        ]);
        const cells = (values: Record<string, unknown>, key: string) => text(values[key]);
        const numbers = rows.map((r) => cells(r.values, 'logNumber')).filter((n): n is string => !!n);
        const codes = rows.map((r) => cells(r.values, 'personCode')).filter((c): c is string => !!c);
        const [byNumber, knownPersons] = await Promise.all([
          repo.requestsByLogNumbers(db, [...new Set(numbers)]),
          repo.personsByCodes(db, [...new Set(codes)]),
        ]);
        const requestOfNumber = new Map(byNumber.map((r) => [r.logNumber!, r]));
        const personOfCode = new Map(knownPersons.map((p) => [p.code.toLowerCase(), p]));
        const newPersons = new Map<string, { id: string; code: string }>();
        const sectors = new Map<string, string[]>();
        const today = todayInBrussels();
        const now = Date.now();

        // Requests received on the file's days, to find rows without a log number again.
        const instants = rows
          .map((r) => cells(r.values, 'receivedAt'))
          .filter((v): v is string => !!v)
          .map((v) => brusselsInstant(v).getTime());
        const sameDay = new Map<string, repo.RequestRow[]>();
        if (instants.length) {
          const around = await repo.requestsReceivedBetween(
            db,
            new Date(Math.min(...instants) - DAY_MS),
            new Date(Math.max(...instants) + 2 * DAY_MS),
          );
          for (const r of around) {
            const day = todayInBrussels(r.receivedAt);
            sameDay.set(day, [...(sameDay.get(day) ?? []), r]);
          }
        }

        const repeated = repeatedRows(err);
        const plans: Planned[] = [];
        for (const { row, values } of rows) {
          const at = cells(values, 'receivedAt');
          const impasse = cells(values, 'impasse');
          if (!at || !impasse) continue; // parseCell reported the empty required cell
          const receivedAt = brusselsInstant(at);
          const day = at.slice(0, 10);
          const checks = rowChecks(err);
          const { fail } = checks;
          if (receivedAt.getTime() > now) fail(row, 'receivedAt', 'afterToday', at);

          const channelCell = cells(values, 'channel');
          const channel = channelCell ? channelNamed(channelCell) : 'other';
          if (!channel) fail(row, 'channel', 'invalid', channelCell!);

          // The requester: a professional of the directory with their organisation, or a relative…
          const first = cells(values, 'requesterFirstName');
          const last = cells(values, 'requesterLastName');
          const email = cells(values, 'requesterEmail')?.toLowerCase() ?? null;
          const orgName = cells(values, 'requesterOrganisation');
          const kindCell = cells(values, 'requesterKind');
          const kind = kindCell
            ? requesterKindNamed(kindCell)
            : first || last || email || orgName
              ? 'professional'
              : undefined;
          if (!kind) fail(row, 'requesterKind', kindCell ? 'invalid' : 'required', kindCell ?? undefined);
          let requester: Requester | null = null;
          if (kind === 'professional') {
            const person =
              (email && people.byEmail.get(email)) ||
              (first && last && people.byName.get(personKeys(first, last).matchKey)) ||
              null;
            if (!person) {
              if (email || (first && last))
                fail(
                  row,
                  email ? 'requesterEmail' : 'requesterLastName',
                  'unknownReference',
                  email ?? `${first} ${last}`,
                );
              else fail(row, 'requesterLastName', 'required');
            }
            const org = orgName ? organisationNamed(orgs, orgName) : undefined;
            if (!orgName) fail(row, 'requesterOrganisation', 'required');
            else if (!org) fail(row, 'requesterOrganisation', 'unknownReference', orgName);
            if (person && org) {
              // The organisation's sectors on the received day (an old log's requests keep the
              // sectors they had then, not today's), as the form keeps those of its day.
              const sectorKey = `${org.id}|${day}`;
              if (!sectors.has(sectorKey)) sectors.set(sectorKey, await sectorsOn(db, org.id, day));
              requester = {
                requesterKind: 'professional',
                requesterPersonId: person.id,
                requesterOrganisationId: org.id,
                requesterSectorIds: sectors.get(sectorKey)!,
                requesterName: null,
                requesterCallBack: null,
              };
            }
          } else if (kind) {
            if (orgName) fail(row, 'requesterOrganisation', 'notAllowed', orgName);
            requester = {
              requesterKind: kind,
              requesterPersonId: null,
              requesterOrganisationId: null,
              requesterSectorIds: [],
              requesterName: [first, last].filter(Boolean).join(' ') || null,
              requesterCallBack: cells(values, 'callBack') ?? email,
            };
          }

          // The person concerned: by the code the log gives (a new person keeps it), else new.
          const code = cells(values, 'personCode');
          const known = code ? personOfCode.get(code.toLowerCase()) : undefined;
          // The platform's own codes may be letters only; a code new to it must look like one.
          if (code && !known && !PERSON_CODE.test(code)) fail(row, 'personCode', 'format', code);

          const followUp = followUpOf(values, { row, day, today, staff, fail });
          const number = cells(values, 'logNumber');
          if (checks.failed || !requester || !channel || !followUp) continue;

          const key = number
            ? `n:${number}`
            : `k:${keyOf(day, requester, known?.id ?? (code ? `new:${code}` : null))}`;
          if (repeated(row, key, number ? 'logNumber' : 'receivedAt')) continue;

          // Found again: by its number, else (not yet numbered) by day, requester and person.
          const found =
            (number && requestOfNumber.get(number)) ||
            (!code || known
              ? (sameDay.get(day) ?? []).find(
                  (r) =>
                    (r.logNumber === null || r.logNumber === number) &&
                    keyOf(day, r, known ? r.personId : null) === keyOf(day, requester, known?.id ?? null),
                )
              : undefined);
          if (found) {
            const patch: Update['patch'] = {};
            if (number && found.logNumber !== number) patch.logNumber = number;
            if (followUp.firstAnswerOn && found.firstAnswerOn === null && found.status !== 'closed') {
              patch.firstAnswerOn = followUp.firstAnswerOn;
              patch.firstAnswerBy = followUp.firstAnswerBy;
              patch.firstAnswerHow = followUp.firstAnswerHow;
            }
            if (followUp.closedOn && found.status !== 'closed') {
              patch.status = 'closed';
              patch.closedOn = followUp.closedOn;
              patch.closeReason = followUp.closeReason;
            }
            const changes = Object.keys(patch).filter(
              (k) => k !== 'firstAnswerBy' && k !== 'firstAnswerHow' && k !== 'closeReason',
            );
            if (changes.length) updates.push({ row, id: found.id, patch });
            const personCode = found.personId === known?.id ? known.code : (code ?? '');
            const label = [number, dayLabel(day), personCode, impasse.slice(0, 60)]
              .filter(Boolean)
              .join(' · ');
            plans.push(
              foundAgain(
                row,
                label,
                [
                  { kind: 'support_request', id: found.id },
                  { kind: 'support_person', id: found.personId },
                ],
                changes,
              ),
            );
            continue;
          }
          let person: Create['person'];
          if (known) person = { ...known, isNew: false };
          else {
            const reuse = code ? newPersons.get(code.toLowerCase()) : undefined;
            const made = reuse ?? { id: randomUUID(), code: code ?? repo.newCode('P') };
            if (code) newPersons.set(code.toLowerCase(), made);
            person = { ...made, isNew: !reuse };
          }
          creates.push({
            row,
            id: randomUUID(),
            logNumber: number,
            receivedAt,
            channel,
            requester,
            person,
            impasse,
            followUp,
          });
          const records: RecordRef[] = known ? [{ kind: 'support_person', id: known.id }] : [];
          plans.push({
            row,
            action: 'create',
            label: [number, dayLabel(day), person.code, impasse.slice(0, 60)].filter(Boolean).join(' · '),
            records,
          });
        }
        return plans;
      },

      async apply(tx) {
        const applied: Applied[] = [];
        for (const c of creates) {
          if (c.person.isNew) {
            await repo.insertPerson(tx, { id: c.person.id, code: c.person.code });
            applied.push({
              row: c.row,
              entityType: 'support_person',
              entityId: c.person.id,
              action: 'created',
            });
          }
          await repo.insertRequest(tx, {
            id: c.id,
            code: repo.newCode('S'),
            logNumber: c.logNumber,
            receivedAt: c.receivedAt,
            dueOn: supportDueOn(c.receivedAt),
            channel: c.channel,
            ...c.requester,
            personId: c.person.id,
            impasse: c.impasse,
            ...c.followUp,
          });
          applied.push({ row: c.row, entityType: 'support_request', entityId: c.id, action: 'created' });
        }
        await bumpVersion(
          tx,
          supportRequests,
          updates.map((u) => u.id),
        );
        for (const u of updates) {
          await repo.updateRequest(tx, u.id, u.patch);
          applied.push({ row: u.row, entityType: 'support_request', entityId: u.id, action: 'updated' });
        }
        return applied;
      },
    };
  },
};
