import type {
  CreateSavedReportBody,
  SavedBreakdownChange,
  FieldError,
  SavedFigure,
  SavedReport,
  SavedReportChanges,
  SavedReportList,
  SavedReportListQuery,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { Executor } from '../../../db/client.js';
import { NotFoundError, ValidationError } from '../../../errors.js';
import type { ServiceContext } from '../../../types.js';
import { audit } from '../../platform/audit/service.js';
import type { CatalogueEntry, FigureSource } from './figure-source.js';
import * as repo from './repository.js';

const toReport = (row: repo.SavedReportRow): SavedReport => ({
  id: row.id,
  title: row.title,
  from: row.periodFrom,
  to: row.periodTo,
  savedAt: row.savedAt.toISOString(),
  savedBy: { id: row.savedById, name: row.savedByName },
  figures: row.figures,
});

/** What was asked, checked against the catalogue: unknown figures and dimensions name their field. */
function checkRequest(input: CreateSavedReportBody, catalogue: readonly CatalogueEntry[]) {
  const errors: FieldError[] = [];
  if (!input.title.trim()) errors.push({ field: 'title', code: 'required' });
  if (input.to < input.from) errors.push({ field: 'to', code: 'tooSmall' });
  const byId = new Map(catalogue.map((f) => [f.id, f]));
  const ids = input.figureIds ?? catalogue.map((f) => f.id);
  for (const [i, id] of (input.figureIds ?? []).entries()) {
    if (!byId.has(id)) errors.push({ field: `figureIds/${i}`, code: 'invalid' });
  }
  for (const [i, b] of (input.breakdowns ?? []).entries()) {
    if (!ids.includes(b.figureId)) errors.push({ field: `breakdowns/${i}/figureId`, code: 'invalid' });
    else if (!byId.get(b.figureId)!.dimensions.includes(b.dimension)) {
      errors.push({ field: `breakdowns/${i}/dimension`, code: 'invalid' });
    }
  }
  if (errors.length) throw new ValidationError(errors);
  // The catalogue's order (by pole, as the Reports page shows them), whatever order was sent.
  return catalogue.filter((f) => ids.includes(f.id));
}

/**
 * Saves a report as it is sent: the server computes every value and breakdown itself (nothing
 * the client says about values is taken), with each figure's version and wording of today.
 */
export async function saveReport({
  ctx,
  input,
  source,
  countingDb,
}: {
  ctx: ServiceContext;
  input: CreateSavedReportBody;
  source: FigureSource;
  /** Where values are counted (the engine's counting connection). */
  countingDb: Executor;
}): Promise<SavedReport> {
  assertCan(ctx.actor, 'reports', 'create');
  const entries = checkRequest(input, source.catalogue());
  const period = { from: input.from, to: input.to };
  const values = new Map(
    (
      await source.values(
        countingDb,
        period,
        entries.map((f) => f.id),
      )
    ).map((v) => [v.id, v]),
  );
  const breakdowns = input.breakdowns ?? [];
  const figures: SavedFigure[] = [];
  for (const entry of entries) {
    const computed = values.get(entry.id);
    const figure: SavedFigure = {
      id: entry.id,
      version: computed?.version ?? entry.version,
      pole: entry.pole,
      unit: entry.unit,
      label: { fr: entry.label.fr, nl: entry.label.nl },
      value: computed?.value ?? null,
      breakdowns: [],
    };
    if (entry.of) figure.of = [...entry.of];
    if (computed?.numerator !== undefined) figure.numerator = computed.numerator;
    if (computed?.denominator !== undefined) figure.denominator = computed.denominator;
    for (const b of breakdowns.filter((x) => x.figureId === entry.id)) {
      if (figure.breakdowns.some((x) => x.dimension === b.dimension)) continue;
      const rows = await source.breakdown(countingDb, entry.id, b.dimension, period);
      figure.breakdowns.push({ dimension: b.dimension, rows });
    }
    figures.push(figure);
  }
  const savedByName = (await repo.userName(ctx.db, ctx.actor.id)) ?? ctx.actor.email;
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertSavedReport(tx, {
      id: input.id,
      title: input.title.trim(),
      periodFrom: input.from,
      periodTo: input.to,
      savedById: ctx.actor.id,
      savedByName,
      figures,
    });
    await audit(tx, ctx, {
      action: 'create',
      resourceType: 'saved_report',
      resourceId: row.id,
      details: { from: input.from, to: input.to, figures: figures.length },
    });
    return toReport(row);
  });
}

export async function listReports({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SavedReportListQuery;
}): Promise<SavedReportList> {
  assertCan(ctx.actor, 'reports', 'read');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const { items, total } = await repo.listSavedReports(ctx.db, { page, pageSize });
  return {
    items: items.map((row) => {
      const { figures: _figures, ...summary } = toReport({ ...row, figures: [] });
      return summary;
    }),
    total,
    page,
    pageSize,
  };
}

/** The report as it was sent, from the stored values alone: a reprint is the same document. */
export async function getReport({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<SavedReport> {
  assertCan(ctx.actor, 'reports', 'read');
  const row = await repo.findSavedReport(ctx.db, id);
  if (!row) throw new NotFoundError('No such report');
  return toReport(row);
}

/** Rounds away the binary noise of a difference of sums of money (0.1 + 0.2). */
const roundDelta = (n: number) => Math.round(n * 1e6) / 1e6;

/** The bars of the breakdowns sent whose values differ today, bar by bar (a bar gone counts 0). */
async function breakdownChanges(
  source: FigureSource,
  countingDb: Executor,
  figure: SavedFigure,
  period: { from: string; to: string },
  offered: readonly string[],
): Promise<SavedBreakdownChange[]> {
  const changes: SavedBreakdownChange[] = [];
  for (const sent of figure.breakdowns.filter((b) => offered.includes(b.dimension))) {
    const today = await source.breakdown(countingDb, figure.id, sent.dimension, period);
    const keys = [...new Set([...sent.rows.map((r) => r.key), ...today.map((r) => r.key)])];
    for (const key of keys) {
      const before = sent.rows.find((r) => r.key === key);
      const after = today.find((r) => r.key === key);
      const stored = before?.value ?? 0;
      const current = after?.value ?? 0;
      if (stored === current) continue;
      const label = (before ?? after)!.label;
      changes.push({
        dimension: sent.dimension,
        key,
        label,
        stored,
        current,
        delta: roundDelta(current - stored),
      });
    }
  }
  return changes;
}

/**
 * Which figures read differently today for the same period (a record corrected since, a
 * definition changed), and by how much: computed now, compared with what was sent, the bars of
 * the breakdowns sent included.
 */
export async function reportChanges({
  ctx,
  id,
  source,
  countingDb,
}: {
  ctx: ServiceContext;
  id: string;
  source: FigureSource;
  countingDb: Executor;
}): Promise<SavedReportChanges> {
  const report = await getReport({ ctx, id });
  const period = { from: report.from, to: report.to };
  const catalogue = new Map(source.catalogue().map((f) => [f.id, f]));
  const ids = report.figures.map((f) => f.id).filter((f) => catalogue.has(f));
  const now = new Map((await source.values(countingDb, period, ids)).map((v) => [v.id, v]));
  const changes: SavedReportChanges['changes'] = [];
  for (const figure of report.figures) {
    const current = now.get(figure.id);
    const currentValue = current?.value ?? null;
    const breakdowns = current
      ? await breakdownChanges(source, countingDb, figure, period, catalogue.get(figure.id)!.dimensions)
      : [];
    const same = current && current.version === figure.version && currentValue === figure.value;
    if (same && breakdowns.length === 0) continue;
    changes.push({
      id: figure.id,
      label: figure.label,
      unit: figure.unit,
      stored: figure.value,
      current: currentValue,
      delta: currentValue !== null && figure.value !== null ? roundDelta(currentValue - figure.value) : null,
      storedVersion: figure.version,
      currentVersion: current?.version ?? null,
      breakdowns,
    });
  }
  return { checkedAt: new Date().toISOString(), changes };
}
