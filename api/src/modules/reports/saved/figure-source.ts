import type { SavedBreakdownRow } from '@smes/shared';
import type { Executor } from '../../../db/client.js';

/**
 * What saved reports need of the figure engine, in one place: the catalogue (labels, versions,
 * dimensions), values for a period and a breakdown's rows with their labels as they read now.
 */
export interface CatalogueEntry {
  id: string;
  pole: string;
  unit: string;
  version: number;
  label: { fr: string; nl: string };
  dimensions: readonly string[];
  of?: readonly string[];
}

export interface Period {
  from: string;
  to: string;
}

export interface ComputedValue {
  id: string;
  version: number;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface FigureSource {
  catalogue(): readonly CatalogueEntry[];
  values(db: Executor, period: Period, ids: readonly string[]): Promise<ComputedValue[]>;
  breakdown(db: Executor, id: string, dimension: string, period: Period): Promise<SavedBreakdownRow[]>;
}
