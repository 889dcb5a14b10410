import { randomUUID } from 'node:crypto';
import { supportTrainingEditions } from '../../../db/schema/index.js';
import { bumpVersion } from '../../../db/versions.js';
import { todayInBrussels } from '../../../lib/dates.js';
import { matchKey } from '../../../lib/text.js';
import { organisationNamed } from '../../directory/organisations/keys.js';
import { organisationIndex, sectorsOn } from '../../directory/organisations/repository.js';
import { personKeys } from '../../directory/people/keys.js';
import { peopleByIds, peopleIndex } from '../../directory/people/repository.js';
import {
  dayLabel,
  field,
  foundAgain,
  list,
  repeatedRows,
  rowChecks,
  text,
  type Applied,
  type ImportKindDefinition,
  type Planned,
} from '../../platform/imports/kind.js';
import { normaliseHeader, parseCell } from '../../platform/imports/reader/index.js';
import * as repo from './repository.js';

/**
 * The columns of a training edition's participant list. The edition is named by its module's
 * title (French or Dutch) and one of its days; the participant is a person of the directory
 * (by e-mail, else first and last name) with the organisation they came for.
 */
export const trainingParticipantFields = [
  field(
    'module',
    'text',
    'Formation',
    'Opleiding',
    ['module', 'titre', 'titel', 'training', 'intitulé de la formation'],
    true,
  ),
  field(
    'editionDay',
    'date',
    'Date de la formation',
    'Datum van de opleiding',
    ['date', 'datum', 'jour', 'dag', 'training date', 'première journée', 'eerste dag'],
    true,
  ),
  field('lastName', 'text', 'Nom', 'Naam', ['nom de famille', 'achternaam', 'familienaam', 'last name']),
  field('firstName', 'text', 'Prénom', 'Voornaam', ['first name', 'given name']),
  field('email', 'email', 'E-mail', 'E-mail', ['courriel', 'mail', 'adresse e-mail', 'e-mailadres']),
  field(
    'organisation',
    'text',
    'Organisation',
    'Organisatie',
    ['service', 'dienst', 'institution', 'instelling', 'employeur', 'werkgever'],
    true,
  ),
  field('registeredOn', 'date', 'Inscrit·e le', 'Ingeschreven op', [
    'inscrit le',
    'inscrite le',
    'date d’inscription',
    'date d inscription',
    'inschrijvingsdatum',
    'registered on',
  ]),
  field('attendance', 'list', 'Présent·e les', 'Aanwezig op', [
    'présences',
    'présent les',
    'présente les',
    'aanwezigheden',
    'attendance',
  ]),
];

/** "All days" in an attendance cell. */
const ALL_DAYS = new Set(['toutes', 'tous', 'tout', 'alle', 'all', 'x', 'oui', 'ja']);

interface Create {
  row: number;
  id: string;
  editionId: string;
  personId: string;
  organisationId: string;
  registeredOn: string;
  fee: string | null;
  sessionIds: string[];
}

/**
 * A training edition's participant list (issue 15): one row per participant. A row is found
 * again by its edition and person, so importing the list twice changes nothing; a participant
 * found again keeps what was recorded, the row only adds the days of presence it lacks. A
 * person the directory does not know is a row error (as in the request log): the list names
 * people to find, the people import is where they are created.
 */
export const trainingParticipantsImport: ImportKindDefinition = {
  kind: 'support_training_participants',
  fields: trainingParticipantFields,
  matchedOn:
    'the edition (its module’s title in French or Dutch and one of its days) and the person (directory person by e-mail, else by first and last name); a participant found again keeps what was recorded, the row only adds the days of presence it lacks',
  shows: ['support_training_participant'],
  start() {
    const creates: Create[] = [];
    const attendance: { row: number; editionId: string; participantId: string; sessionIds: string[] }[] = [];
    return {
      async plan(db, rows, { error: err }) {
        const [orgs, people, modules, editions] = await Promise.all([
          organisationIndex(db),
          peopleIndex(db),
          repo.listModules(db).then((rows) => rows.map((r) => r.module)),
          repo.listEditions(db, {}),
        ]);
        const sessions = await repo.sessionsOf(
          db,
          editions.map((e) => e.id),
        );
        const participants = await repo.participantsOf(
          db,
          editions.map((e) => e.id),
        );
        const present = await repo.attendanceOf(
          db,
          sessions.map((s) => s.id),
        );
        const moduleOf = new Map<string, repo.ModuleRow[]>();
        for (const m of modules)
          for (const title of new Set([matchKey(m.titleFr), matchKey(m.titleNl)]))
            moduleOf.set(title, [...(moduleOf.get(title) ?? []), m]);
        const daysOf = new Map<string, repo.SessionRow[]>();
        for (const s of sessions) daysOf.set(s.editionId, [...(daysOf.get(s.editionId) ?? []), s]);
        const participantOf = new Map(participants.map((p) => [`${p.editionId}|${p.personId}`, p]));
        const presentAt = new Set(present.map((a) => `${a.sessionId}|${a.participantId}`));
        const named = new Map<string, number>();
        for (const p of participants) named.set(p.editionId, (named.get(p.editionId) ?? 0) + 1);
        const today = todayInBrussels();
        const cells = (values: Record<string, unknown>, key: string) => text(values[key]);

        // The people the rows name, to refuse an erased one (art. 17) as the form does.
        const found = (values: Record<string, unknown>) => {
          const email = cells(values, 'email')?.toLowerCase();
          const first = cells(values, 'firstName');
          const last = cells(values, 'lastName');
          return (
            (email && people.byEmail.get(email)) ||
            (first && last && people.byName.get(personKeys(first, last).matchKey)) ||
            undefined
          );
        };
        const rowsOfPeople = await peopleByIds(db, [
          ...new Set(rows.map((r) => found(r.values)?.id).filter((id): id is string => !!id)),
        ]);

        const repeated = repeatedRows(err);
        const plans: Planned[] = [];
        for (const { row, values } of rows) {
          const checks = rowChecks(err);
          const { fail } = checks;
          const title = cells(values, 'module');
          const day = cells(values, 'editionDay');
          const orgName = cells(values, 'organisation');
          if (!title || !day || !orgName) continue; // parseCell reported the empty required cell

          // The edition: the module by its title, then the edition that has this day.
          const candidates = (moduleOf.get(matchKey(title)) ?? []).flatMap((m) =>
            editions.filter(
              (e) => e.moduleId === m.id && (daysOf.get(e.id) ?? []).some((s) => s.heldOn === day),
            ),
          );
          let edition: repo.EditionRow | undefined;
          if (!moduleOf.has(matchKey(title))) fail(row, 'module', 'unknownReference', title);
          else if (candidates.length === 0) fail(row, 'editionDay', 'unknownReference', dayLabel(day));
          else if (candidates.length > 1) fail(row, 'editionDay', 'duplicateRow', dayLabel(day));
          else edition = candidates[0];
          if (edition && edition.participantCount !== null)
            // A partner's edition that counts its participants without names.
            fail(row, 'module', 'notAllowed', title);

          // The person, as the directory knows them.
          const email = cells(values, 'email');
          const first = cells(values, 'firstName');
          const last = cells(values, 'lastName');
          const person = found(values);
          if (!person) {
            if (email || (first && last))
              fail(row, email ? 'email' : 'lastName', 'unknownReference', email ?? `${first} ${last}`);
            else fail(row, first ? 'lastName' : 'firstName', 'required');
          } else if (rowsOfPeople.get(person.id)?.erasedOn) fail(row, email ? 'email' : 'lastName', 'erased');
          const org = organisationNamed(orgs, orgName);
          if (!org) fail(row, 'organisation', 'unknownReference', orgName);

          // The days present: each one of the edition's, or "all".
          const days = daysOf.get(edition?.id ?? '') ?? [];
          const said = list(values.attendance);
          let sessionIds: string[] = [];
          if (said.length === 1 && ALL_DAYS.has(normaliseHeader(said[0]!)))
            sessionIds = days.map((s) => s.id);
          else
            for (const cell of said) {
              const parsed = parseCell(cell, 'date');
              const session = parsed.ok ? days.find((s) => s.heldOn === parsed.value) : undefined;
              if (!parsed.ok) fail(row, 'attendance', parsed.code, cell);
              else if (edition && !session) fail(row, 'attendance', 'unknownReference', cell);
              else if (session) sessionIds.push(session.id);
            }
          if (sessionIds.some((id) => days.find((s) => s.id === id)!.heldOn > today))
            fail(row, 'attendance', 'sessionToCome', said.join(', '));

          const registeredCell = cells(values, 'registeredOn');
          if (registeredCell && registeredCell > today)
            fail(row, 'registeredOn', 'afterToday', registeredCell);
          if (checks.failed || !edition || !person || !org) continue;

          const key = `${edition.id}|${person.id}`;
          if (repeated(row, key, email ? 'email' : 'lastName')) continue;
          const moduleTitle = modules.find((m) => m.id === edition.moduleId)!.titleFr;
          const label = [[last, first].filter(Boolean).join(' ') || email, moduleTitle, dayLabel(day)]
            .filter(Boolean)
            .join(' · ');

          const known = participantOf.get(key);
          if (known) {
            const missing = sessionIds.filter((s) => !presentAt.has(`${s}|${known.id}`));
            if (missing.length)
              attendance.push({ row, editionId: edition.id, participantId: known.id, sessionIds: missing });
            plans.push(
              foundAgain(
                row,
                label,
                [{ kind: 'support_training_participant', id: known.id }],
                missing.length ? ['attendance'] : [],
              ),
            );
            continue;
          }
          const count = (named.get(edition.id) ?? 0) + 1;
          if (edition.capacity !== null && count > edition.capacity) {
            err(row, 'module', 'editionFull', title);
            continue;
          }
          named.set(edition.id, count);
          // Registered on the day the list says, else its first day (or today, for one to come).
          const first_ = days[0]?.heldOn ?? today;
          creates.push({
            row,
            id: randomUUID(),
            editionId: edition.id,
            personId: person.id,
            organisationId: org.id,
            registeredOn: registeredCell ?? (first_ < today ? first_ : today),
            fee: edition.fee,
            sessionIds,
          });
          plans.push({ row, action: 'create', label, records: [] });
        }
        return plans;
      },

      async apply(tx) {
        const applied: Applied[] = [];
        for (const c of creates) {
          await repo.insertParticipant(tx, {
            id: c.id,
            editionId: c.editionId,
            personId: c.personId,
            organisationId: c.organisationId,
            sectorIds: await sectorsOn(tx, c.organisationId, c.registeredOn),
            registeredOn: c.registeredOn,
            fee: c.fee,
          });
          await repo.addAttendance(tx, c.id, c.sessionIds);
          applied.push({
            row: c.row,
            entityType: 'support_training_participant',
            entityId: c.id,
            action: 'created',
          });
        }
        // Attendance is a change of the edition (as on its page): its version is bumped.
        await bumpVersion(tx, supportTrainingEditions, [
          ...new Set([...creates.filter((c) => c.sessionIds.length), ...attendance].map((a) => a.editionId)),
        ]);
        for (const a of attendance) {
          await repo.addAttendance(tx, a.participantId, a.sessionIds);
          applied.push({
            row: a.row,
            entityType: 'support_training_participant',
            entityId: a.participantId,
            action: 'updated',
          });
        }
        return applied;
      },
    };
  },
};
