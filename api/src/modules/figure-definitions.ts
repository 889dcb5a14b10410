import type { RecordKind } from '@smes/shared';
import * as membership from './association/membership/figures.js';
import * as intervision from './connect/intervision/figures.js';
import * as representation from './connect/representation/figures.js';
import * as supportRequests from './support/requests/figures.js';
import * as supervisions from './support/supervisions/figures.js';
import * as trainings from './support/trainings/figures.js';
import type { FigureDefinition, RecordReader } from './reports/figures/define.js';

/**
 * Every figure the platform counts, each declared in its module's own `figures.ts`; a new
 * module adds one line here (its figures and the readers of its records' kinds).
 */
const modules = [intervision, representation, membership, supportRequests, supervisions, trainings];

export const FIGURES: readonly FigureDefinition[] = modules.flatMap((m) => m.figures);

export const RECORD_READERS: Partial<Record<RecordKind, RecordReader>> = Object.fromEntries(
  modules.flatMap((m) => m.readers).map((r) => [r.kind, r]),
);
