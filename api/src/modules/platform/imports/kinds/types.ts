import type { ImportPreviewRow, ImportRowError } from '@smes/shared';
import type { Executor } from '../../../../db/client.js';

/** A row whose cells were parsed into typed values by field key. */
export interface ParsedRow {
  row: number;
  values: Record<string, unknown>;
}

export interface Planned extends ImportPreviewRow {
  /** Set for `update`: what changes. */
  changes?: string[];
}

export interface Applied {
  row: number;
  entityType: string;
  entityId: string;
  action: 'created' | 'updated';
}

/** One kind of import: checks and matches every row first, then writes them all. */
export interface KindHandler {
  /** Every error found is pushed to `errors`; nothing is written. */
  plan(
    db: Executor,
    rows: ParsedRow[],
    errors: ImportRowError[],
    columnOf: (field: string) => string | null,
  ): Promise<Planned[]>;
  /** Writes what `plan` decided, in the caller's transaction. */
  apply(tx: Executor): Promise<Applied[]>;
}

export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
export const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String).filter(Boolean) : []);

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
