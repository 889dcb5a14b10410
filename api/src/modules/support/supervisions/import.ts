import type { SupervisionSessionStatus } from '@smes/shared';
import { randomUUID } from 'node:crypto';
import { supportSupervisionSessions } from '../../../db/schema/index.js';
import { bumpVersion } from '../../../db/versions.js';
import { todayInBrussels } from '../../../lib/dates.js';
import { matchKey } from '../../../lib/text.js';
import { organisationNamed } from '../../directory/organisations/keys.js';
import { organisationIndex } from '../../directory/organisations/repository.js';
import {
  dayLabel,
  field,
  foundAgain,
  repeatedRows,
  rowChecks,
  text,
  type Applied,
  type ImportKindDefinition,
  type Planned,
} from '../../platform/imports/kind.js';
import { normaliseHeader } from '../../platform/imports/reader/index.js';
import { supportStaffIndex } from '../requests/repository.js';
import * as repo from './repository.js';

/**
 * The columns of a supervision's sessions: the supervision named by the organisation and its
 * team, the day, the Support pair (by e-mail or name), held or cancelled with a reason, and how
 * many took part.
 */
export const supervisionSessionFields = [
  field(
    'organisation',
    'text',
    'Organisation',
    'Organisatie',
    ['institution', 'instelling', 'service', 'dienst'],
    true,
  ),
  field('team', 'text', 'Équipe', 'Team', ['équipe supervisée', 'gesuperviseerd team', 'ploeg'], true),
  field(
    'startsOn',
    'date',
    'Date de la séance',
    'Datum van de sessie',
    ['date', 'datum', 'séance', 'sessie', 'session date'],
    true,
  ),
  field(
    'firstWorker',
    'text',
    'Intervenant·e 1',
    'Begeleider 1',
    ['intervenant 1', 'intervenante 1', 'superviseur 1', 'supervisor 1', 'worker 1'],
    true,
  ),
  field(
    'secondWorker',
    'text',
    'Intervenant·e 2',
    'Begeleider 2',
    ['intervenant 2', 'intervenante 2', 'superviseur 2', 'supervisor 2', 'worker 2'],
    true,
  ),
  field('status', 'text', 'Statut', 'Status', ['état', 'state']),
  field('cancelReason', 'text', 'Motif d’annulation', 'Reden van annulering', [
    'motif d annulation',
    'motif',
    'reden',
    'cancel reason',
  ]),
  field('participants', 'integer', 'Participant·es', 'Deelnemers', [
    'participants',
    'nombre de participants',
    'aantal deelnemers',
    'participants count',
  ]),
];

const STATUS_WORDS: Record<SupervisionSessionStatus, string[]> = {
  planned: ['prévue', 'prévu', 'à venir', 'gepland', 'planned'],
  held: ['tenue', 'tenu', 'a eu lieu', 'réalisée', 'gehouden', 'heeft plaatsgevonden', 'held', 'done'],
  cancelled: ['annulée', 'annulé', 'geannuleerd', 'afgelast', 'cancelled', 'canceled'],
};
const statusOf = new Map(
  Object.entries(STATUS_WORDS).flatMap(([status, words]) =>
    [status, ...words].map((w) => [normaliseHeader(w), status as SupervisionSessionStatus]),
  ),
);

interface Values {
  status: SupervisionSessionStatus;
  cancelReason: string | null;
  participants: number | null;
}

/**
 * A supervision's sessions (issue 15): one row per session. The supervision is the agreement of
 * the organisation's team in force that day (the latest that started on or before it); a row is
 * found again by supervision and day, so importing the list twice changes nothing. A session
 * found again keeps what was recorded; the row only settles one still planned (held or cancelled).
 */
export const supervisionSessionsImport: ImportKindDefinition = {
  kind: 'support_supervision_sessions',
  fields: supervisionSessionFields,
  matchedOn:
    'the supervision (organisation, team, and the agreement in force that day) and the day; a session found again keeps what was recorded, the row only settles one still planned',
  start() {
    const creates: (Values & {
      row: number;
      id: string;
      supervisionId: string;
      startsOn: string;
      pair: [string, string];
    })[] = [];
    const updates: { row: number; id: string; patch: Values }[] = [];
    return {
      async plan(db, rows, { error: err }) {
        const [orgs, supervisions, staff] = await Promise.all([
          organisationIndex(db),
          repo.allSupervisions(db),
          supportStaffIndex(db),
        ]);
        const sessions = await repo.sessionsOf(
          db,
          supervisions.map((s) => s.id),
        );
        const sessionOf = new Map(sessions.map((s) => [`${s.supervisionId}|${s.startsOn}`, s]));
        const today = todayInBrussels();
        const cells = (values: Record<string, unknown>, key: string) => text(values[key]);
        const worker = (cell: string) =>
          staff.find(
            (s) => s.email.toLowerCase() === cell.toLowerCase() || matchKey(s.displayName) === matchKey(cell),
          );

        const repeated = repeatedRows(err);
        const plans: Planned[] = [];
        for (const { row, values } of rows) {
          const checks = rowChecks(err);
          const { fail } = checks;
          const orgName = cells(values, 'organisation');
          const team = cells(values, 'team');
          const day = cells(values, 'startsOn');
          const firstCell = cells(values, 'firstWorker');
          const secondCell = cells(values, 'secondWorker');
          if (!orgName || !team || !day || !firstCell || !secondCell) continue; // reported as required

          const org = organisationNamed(orgs, orgName);
          const ofTeam = org
            ? supervisions.filter((s) => s.organisationId === org.id && matchKey(s.team) === matchKey(team))
            : [];
          const supervision = ofTeam
            .filter((s) => s.startsOn <= day)
            .sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
          if (!org) fail(row, 'organisation', 'unknownReference', orgName);
          else if (!ofTeam.length) fail(row, 'team', 'unknownReference', team);
          else if (!supervision) fail(row, 'startsOn', 'beforeReceived', dayLabel(day));

          // The pair: two different workers of the Support pole.
          const first = worker(firstCell);
          const second = worker(secondCell);
          if (!first) fail(row, 'firstWorker', 'notSupportStaff', firstCell);
          if (!second) fail(row, 'secondWorker', 'notSupportStaff', secondCell);
          else if (first && first.id === second.id) fail(row, 'secondWorker', 'invalid', secondCell);

          // Held or cancelled (with its reason), or still planned; a day to come is not held.
          const statusCell = cells(values, 'status');
          const reason = cells(values, 'cancelReason');
          const participants = typeof values.participants === 'number' ? values.participants : null;
          const named = statusCell ? statusOf.get(normaliseHeader(statusCell)) : undefined;
          if (statusCell && !named) fail(row, 'status', 'invalid', statusCell);
          const status: SupervisionSessionStatus =
            named ?? (reason ? 'cancelled' : day <= today ? 'held' : 'planned');
          if (status === 'cancelled' && !reason) fail(row, 'cancelReason', 'required');
          if (status !== 'cancelled' && reason) fail(row, 'cancelReason', 'notAllowed', reason);
          if (participants !== null && status !== 'held')
            fail(row, 'participants', 'notAllowed', String(participants));
          if (participants !== null && participants < 0)
            fail(row, 'participants', 'tooSmall', String(participants));
          if (status === 'held' && day > today)
            fail(row, 'status', 'sessionToCome', statusCell ?? dayLabel(day));
          if (checks.failed || !supervision || !first || !second) continue;

          const key = `${supervision.id}|${day}`;
          if (repeated(row, key, 'startsOn')) continue;
          const label = [orgName, supervision.team, dayLabel(day)].join(' · ');
          const values_: Values = {
            status,
            cancelReason: status === 'cancelled' ? reason : null,
            participants: status === 'held' ? participants : null,
          };
          const found = sessionOf.get(key);
          if (found) {
            const settles = found.status === 'planned' && status !== 'planned';
            if (settles) updates.push({ row, id: found.id, patch: values_ });
            plans.push(
              foundAgain(
                row,
                label,
                [{ kind: 'support_supervision_session', id: found.id }],
                settles ? ['status'] : [],
              ),
            );
            continue;
          }
          creates.push({
            row,
            id: randomUUID(),
            supervisionId: supervision.id,
            startsOn: day,
            pair: [first.id, second.id],
            ...values_,
          });
          plans.push({ row, action: 'create', label, records: [] });
        }
        return plans;
      },

      async apply(tx) {
        const applied: Applied[] = [];
        for (const c of creates) {
          await repo.insertSession(tx, {
            id: c.id,
            supervisionId: c.supervisionId,
            startsOn: c.startsOn,
            firstWorkerId: c.pair[0],
            secondWorkerId: c.pair[1],
            status: c.status,
            cancelReason: c.cancelReason,
            participants: c.participants,
          });
          applied.push({
            row: c.row,
            entityType: 'support_supervision_session',
            entityId: c.id,
            action: 'created',
          });
        }
        await bumpVersion(
          tx,
          supportSupervisionSessions,
          updates.map((u) => u.id),
        );
        for (const u of updates) {
          await repo.updateSession(tx, u.id, u.patch);
          applied.push({
            row: u.row,
            entityType: 'support_supervision_session',
            entityId: u.id,
            action: 'updated',
          });
        }
        return applied;
      },
    };
  },
};
