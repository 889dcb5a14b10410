import { createHash } from 'node:crypto';
import {
  IMPORT_KINDS,
  mayImport,
  mayReadImports,
  type ImportFieldList,
  type ImportKind,
  type ImportMapping,
  type ImportMappingList,
  type ImportReport,
  type ImportRowError,
  type ImportRowWarning,
  type ImportRunList,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from '../../../errors.js';
import { importMappings } from '../../../db/schema/index.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import type { ServiceContext } from '../../../types.js';
import { storableText, UNSTORABLE_TEXT } from '../../../lib/text.js';
import { importKind } from '../../import-kinds.js';
import { audit } from '../audit/service.js';
import type { ParsedRow, Planned } from './kind.js';
import { mapColumns, parseCell, readTable, type ReadOptions, type UploadedFile } from './reader/index.js';
import * as repo from './repository.js';

/** An import writes records of its kinds: the importer must be allowed to. */
function assertMayImport(ctx: ServiceContext, kind: ImportKind) {
  if (!mayImport(ctx.actor, kind)) throw new ForbiddenError();
}

/** Runs and mappings of a kind are for those who may read what it writes. */
function assertMayReadImports(ctx: ServiceContext, kind: ImportKind) {
  if (!mayReadImports(ctx.actor, kind)) throw new ForbiddenError();
}

export interface ImportInput {
  kind: ImportKind;
  file: UploadedFile;
  dryRun: boolean;
  mapping?: string | undefined;
  saveMapping?: string | undefined;
  via: 'api' | 'cli';
  /** The reader's limits (5 MiB, 100,000 rows by default); the benchmark raises them. */
  limits?: ReadOptions;
}

/**
 * Reads a partner's file, checks every row, and writes all of it in one transaction or nothing.
 * A dry run stops before writing and says what each row would do. Rows are matched on a stated
 * key, so running the same file twice changes nothing the second time.
 */
export async function runImport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ImportInput;
}): Promise<ImportReport> {
  assertMayImport(ctx, input.kind);
  if (input.dryRun) return checkAndWrite(ctx, input);
  // The rows are matched inside the transaction that writes them, one run of a kind at a time:
  // the same file sent twice at once (a double click, a retry after a timeout) would otherwise
  // plan `create` twice for each row. The second run waits, then finds the first one's rows.
  return ctx.db.transaction(async (tx) => {
    await repo.lockImportsOfKind(tx, input.kind);
    return checkAndWrite({ ...ctx, db: tx }, input);
  });
}

async function checkAndWrite(ctx: ServiceContext, input: ImportInput): Promise<ImportReport> {
  const sha256 = createHash('sha256').update(input.file.bytes).digest('hex');
  const table = await readTable(input.file, input.limits);
  const saved = input.mapping ? await repo.findMapping(ctx.db, input.kind, input.mapping) : undefined;
  if (input.mapping && !saved) throw new NotFoundError(`No saved mapping "${input.mapping}"`);

  const definition = importKind(input.kind);
  const fields = definition.fields;
  const cm = mapColumns(table.headers, fields, saved?.columns);
  const columns = table.headers.map((header, i) => ({ header, field: cm.mapping[i] ?? null }));
  const headerOf = new Map(Object.entries(cm.mapping).map(([i, key]) => [key, table.headers[Number(i)]!]));
  const columnOf = (field: string) => headerOf.get(field) ?? null;
  const errors: ImportRowError[] = [];
  const warnings: ImportRowWarning[] = [];
  for (const header of cm.duplicateHeaders)
    errors.push({ row: 1, column: header, field: header, code: 'duplicateRow' });

  // A NUL or half of a surrogate pair (an XLSX holds them as `_x0000_` or `&#xD800;`, a CSV as
  // a stray byte) cannot be stored: refused where it is, like any bad value, so nothing lands.
  const refused = new Set<string>();
  const unstorable = (row: number, index: number, cell: string) => {
    const header = storableText(table.headers[index] ?? '');
    refused.add(`${row}/${cm.mapping[index] ?? header}`);
    errors.push({
      row,
      column: header || null,
      field: cm.mapping[index] ?? header,
      code: 'invalid',
      value: storableText(cell),
    });
  };
  table.headers.forEach((header, i) => {
    if (UNSTORABLE_TEXT.test(header)) unstorable(table.headerRow, i, header);
  });
  for (const raw of table.rows)
    raw.cells.forEach((cell, i) => {
      if (UNSTORABLE_TEXT.test(cell)) unstorable(raw.rowNumber, i, cell);
    });

  const rows: ParsedRow[] = [];
  if (cm.missingRequired.length === 0) {
    for (const raw of table.rows) {
      const values: Record<string, unknown> = {};
      for (const [index, key] of Object.entries(cm.mapping)) {
        const spec = fields.find((f) => f.key === key)!;
        const cell = raw.cells[Number(index)] ?? '';
        if (UNSTORABLE_TEXT.test(cell)) continue; // refused above
        const parsed = parseCell(cell, spec.type, { required: spec.required ?? false });
        if (parsed.ok) values[key] = parsed.value;
        else
          errors.push({
            row: raw.rowNumber,
            column: columnOf(key),
            field: key,
            code: parsed.code,
            ...(cell ? { value: cell } : {}),
          });
      }
      rows.push({ row: raw.rowNumber, values });
    }
  }
  const handler = definition.start();
  const plans = cm.missingRequired.length
    ? []
    : await handler.plan(ctx.db, rows, {
        // A refused cell reads as empty to the plan, which need not say so a second time.
        error: (row, field, code, value) =>
          refused.has(`${row}/${field}`) ||
          errors.push({ row, field, column: columnOf(field), code, ...(value ? { value } : {}) }),
        warn: (row, field, code, value) =>
          warnings.push({ row, field, column: columnOf(field), code, ...(value ? { value } : {}) }),
        hasColumn: (field) => headerOf.has(field),
      });

  const rejected = errors.length > 0 || cm.missingRequired.length > 0;
  const count = (a: Planned['action']) => (rejected ? 0 : plans.filter((p) => p.action === a).length);
  const counts = {
    rows: table.rows.length,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    rejected: new Set(errors.map((e) => e.row)).size,
  };
  const report = (status: ImportReport['status'], runId: string | null): ImportReport => ({
    kind: input.kind,
    status,
    runId,
    file: {
      name: input.file.name,
      sha256,
      format: table.format,
      encoding: table.encoding ?? null,
      delimiter: table.delimiter ?? null,
    },
    columns,
    missingColumns: cm.missingRequired,
    counts,
    errors: errors.sort((a, b) => a.row - b.row).slice(0, 500),
    warnings: warnings.sort((a, b) => a.row - b.row).slice(0, 500),
    preview: plans.slice(0, 50).map(({ row, action, label, candidates, records }) => ({
      row,
      action,
      label,
      ...(records ? { records } : {}),
      ...(candidates ? { candidates } : {}),
    })),
  });
  const run = {
    kind: input.kind,
    fileName: input.file.name,
    fileSha256: sha256,
    format: table.format,
    mappingName: input.mapping ?? null,
    actorId: ctx.actor.id,
    actorEmail: ctx.actor.email,
    via: input.via,
    counts,
  };

  if (input.dryRun) return report(rejected ? 'rejected' : 'preview', null);
  if (rejected) {
    const row = await ctx.db.transaction(async (tx) => {
      const r = await repo.insertRun(tx, { ...run, status: 'rejected' });
      await audit(tx, ctx, {
        action: 'import',
        resourceType: 'import_run',
        resourceId: r.id,
        details: { kind: input.kind, status: 'rejected', counts },
      });
      return r;
    });
    return report('rejected', row.id);
  }
  const runId = await ctx.db.transaction(async (tx) => {
    const applied = await handler.apply(tx);
    const r = await repo.insertRun(tx, { ...run, status: 'applied' });
    await repo.insertRowLinks(
      tx,
      applied.map((a) => ({
        runId: r.id,
        rowNumber: a.row,
        entityType: a.entityType,
        entityId: a.entityId,
        action: a.action,
      })),
    );
    if (input.saveMapping) {
      await repo.saveMapping(
        tx,
        input.kind,
        input.saveMapping,
        Object.fromEntries(columns.map((c) => [c.header, c.field ?? ''])),
      );
    }
    await audit(tx, ctx, {
      action: 'import',
      resourceType: 'import_run',
      resourceId: r.id,
      details: { kind: input.kind, status: 'applied', counts },
    });
    return r.id;
  });
  return report('applied', runId);
}

export async function listImportRuns({
  ctx,
  page = 1,
  pageSize = 50,
}: {
  ctx: ServiceContext;
  page?: number;
  pageSize?: number;
}): Promise<ImportRunList> {
  assertCan(ctx.actor, 'imports', 'read');
  const kinds = IMPORT_KINDS.filter((kind) => mayReadImports(ctx.actor, kind));
  const { items, total } = await repo.listRuns(ctx.db, kinds, page, pageSize);
  return {
    items: items.map((r) => ({ ...r, at: r.at.toISOString() })),
    total,
    page,
    pageSize,
  };
}

export async function listImportMappings({
  ctx,
  kind,
}: {
  ctx: ServiceContext;
  kind: ImportKind;
}): Promise<ImportMappingList> {
  assertMayReadImports(ctx, kind);
  const rows = await repo.listMappings(ctx.db, kind);
  return { items: rows.map(toMapping) };
}

/** The columns a kind fills, for those who may see its imports. */
export function importFields({ ctx, kind }: { ctx: ServiceContext; kind: ImportKind }): ImportFieldList {
  assertMayReadImports(ctx, kind);
  return {
    items: importKind(kind).fields.map((f) => ({
      key: f.key,
      required: f.required ?? false,
      headerFr: f.headerFr,
      headerNl: f.headerNl,
    })),
  };
}

/** The template partners fill: the column titles in French or Dutch, as Belgian Excel reads CSV. */
export function importTemplate(kind: ImportKind, lang: 'fr' | 'nl'): string {
  const headers = importKind(kind).fields.map((f) => (lang === 'fr' ? f.headerFr : f.headerNl));
  return `\uFEFF${headers.map((h) => (/[;"\n]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h)).join(';')}\r\n`;
}

/** Saves a partner's column titles under a name; every field named must be one of the kind's. */
export async function saveImportMapping({
  ctx,
  kind,
  name,
  columns,
  ifMatch,
  createOnly = false,
}: {
  ctx: ServiceContext;
  kind: ImportKind;
  name: string;
  columns: Record<string, string>;
  /** The version replaced (`If-Match`), or `createOnly` (`If-None-Match: *`): a new name only. */
  ifMatch: IfMatch;
  createOnly?: boolean;
}): Promise<ImportMapping> {
  assertMayImport(ctx, kind);
  const known = new Set(importKind(kind).fields.map((f) => f.key));
  const bad = Object.entries(columns).find(([, key]) => key !== '' && !known.has(key));
  if (bad) throw new ValidationError([{ field: `columns/${bad[0]}`, code: 'invalid' }]);
  return ctx.db.transaction(async (tx) => {
    const current = async () => {
      const now = await repo.findMapping(tx, kind, name.trim());
      return now && toMapping(now);
    };
    if (createOnly) {
      if (!(await repo.insertMapping(tx, kind, name.trim(), columns))) {
        throw new PreconditionFailedError((await current())!);
      }
    } else {
      const existing = await repo.findMapping(tx, kind, name.trim());
      if (!existing) throw new NotFoundError('No such mapping');
      await claimVersion(tx, importMappings, existing.id, ifMatch, current, 'mapping');
      await repo.updateMapping(tx, existing.id, columns);
    }
    const row = (await repo.findMapping(tx, kind, name.trim()))!;
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'import_mapping',
      resourceId: row.id,
      details: { kind, name },
    });
    return toMapping(row);
  });
}

const toMapping = (r: {
  id: string;
  version: number;
  kind: ImportKind;
  name: string;
  columns: Record<string, string>;
}): ImportMapping => ({ id: r.id, version: r.version, kind: r.kind, name: r.name, columns: r.columns });
