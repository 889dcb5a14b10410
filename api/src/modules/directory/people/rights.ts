import type { FieldError, PersonErasure, PersonExport, RecordKind } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { acrossPoles } from '../../../db/client.js';
import { ConflictError, NotFoundError } from '../../../errors.js';
import { todayInBrussels } from '../../../lib/dates.js';
import type { ServiceContext } from '../../../types.js';
import { PERSON_RIGHTS } from '../../person-rights.js';
import { whoHasSeen } from '../../platform/access-log/repository.js';
import { auditOfRecords } from '../../platform/audit/repository.js';
import { audit, toAuditEntry } from '../../platform/audit/service.js';
import * as repo from './repository.js';

const declarations = () => Object.values(PERSON_RIGHTS);

/**
 * Erases a person of the directory (art. 17): what identifies them is blanked everywhere each
 * module declares (their row and merged duplicates, free text pointing at them), the rows stay
 * so counts stay true. Refused (409 `legalHold`, naming the kind, the hold and until when)
 * while a record kind's legal hold applies. Administrators only; audited (`erase`).
 */
export async function erasePerson({
  ctx,
  id,
  today = todayInBrussels(),
}: {
  ctx: ServiceContext;
  id: string;
  today?: string;
}): Promise<PersonErasure> {
  assertCan(ctx.actor, 'person_rights', 'delete');
  return ctx.db.transaction(async (tx) => {
    // Every pole's rows about the person, readable by the caller or not: across the row security.
    return acrossPoles(tx, async () => {
      const found = await repo.namesOfPersonAndMerged(tx, id);
      if (!found.some((p) => p.id === id)) throw new NotFoundError('No such person');
      const holds: FieldError[] = [];
      for (const hold of declarations().flatMap((d) => d.holds ?? [])) {
        const until = await hold.until(tx, id, today);
        if (until)
          holds.push({
            field: 'id',
            code: 'legalHold',
            message: `${hold.kind} under the ${hold.hold} hold until ${until}`,
            params: { kind: hold.kind, hold: hold.hold, until },
          });
      }
      if (holds.length) throw new ConflictError('The person cannot be erased: a legal hold applies', holds);
      const names = found.flatMap((p) => [p.firstName, p.lastName]).filter(Boolean);
      const blanked: PersonErasure['blanked'] = [];
      for (const erasure of declarations().flatMap((d) => d.erase ?? [])) {
        const count = await erasure.erase(tx, id, names);
        if (count > 0) blanked.push({ kind: erasure.kind, name: erasure.name, count });
      }
      const people = await repo.blankPerson(tx, id, today);
      blanked.unshift({ kind: 'person', name: 'people', count: people.length });
      await audit(tx, ctx, {
        action: 'erase',
        resourceType: 'person',
        resourceId: id,
        details: { blanked: Object.fromEntries(blanked.map((b) => [b.name, b.count])) },
      });
      return { personId: id, erasedOn: today, blanked };
    });
  });
}

/**
 * Everything the system holds about a person (art. 15): each module's rows, the audit of
 * changes to them, and who has seen them (the access log). Administrators only; audited (`export`).
 */
export async function exportPerson({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<PersonExport> {
  assertCan(ctx.actor, 'person_rights', 'export');
  return ctx.db.transaction(async (tx) =>
    acrossPoles(tx, async () => {
      const person = await repo.findPerson(tx, id);
      if (!person) throw new NotFoundError('No such person');
      const records: PersonExport['records'] = [];
      for (const part of declarations().flatMap((d) => d.export ?? [])) {
        const rows = await part.rows(tx, id);
        if (rows.length) records.push({ kind: part.kind, name: part.name, rows });
      }
      const ids = new Set<string>([id]);
      const refs = new Map<string, { kind: RecordKind; id: string }>([
        [`person:${id}`, { kind: 'person', id }],
      ]);
      for (const r of records)
        for (const row of r.rows)
          if (typeof row.id === 'string') {
            ids.add(row.id);
            refs.set(`${r.kind}:${row.id}`, { kind: r.kind, id: row.id });
          }
      const seenBy: PersonExport['seenBy'] = [];
      for (const ref of refs.values())
        for (const read of await whoHasSeen(tx, ref.kind, ref.id))
          seenBy.push({
            at: read.at.toISOString(),
            userId: read.userId,
            role: read.role,
            kind: ref.kind,
            recordId: ref.id,
            purpose: read.purpose,
            reason: read.reason,
            flagged: read.flagged,
          });
      seenBy.sort((a, b) => b.at.localeCompare(a.at));
      const changes = (await auditOfRecords(tx, [...ids])).map(toAuditEntry);
      await audit(tx, ctx, {
        action: 'export',
        resourceType: 'person',
        resourceId: id,
        purpose: 'data_subject_request',
        details: { records: Object.fromEntries(records.map((r) => [r.name, r.rows.length])) },
      });
      return { generatedAt: new Date().toISOString(), personId: id, records, changes, seenBy };
    }),
  );
}
