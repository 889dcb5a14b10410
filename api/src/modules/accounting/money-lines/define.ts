import type { MoneyLine, RecordKind } from '@smes/shared';
import type { Executor } from '../../../db/client.js';

/**
 * A line as a module lists it; the registry adds which declaration listed it and the analytic
 * code the accountant set for it (decision 23).
 */
export type ModuleMoneyLine = Omit<MoneyLine, 'source' | 'recordKind' | 'analyticCode'>;

/**
 * How a module lists the money it received for a period, declared in its own folder
 * (`<module>/money-lines.ts`, calling its repository) and listed in
 * api/src/modules/money-lines.ts. The accounting export gathers these lines and nothing else.
 */
export interface MoneyLinesDeclaration {
  /** Stable id, on each line: `<module>.<what>`. */
  id: string;
  /** What its lines are, in both languages: how the accountant finds it to set its code. */
  label: { fr: string; nl: string };
  /** The kind of record each line comes from. */
  recordKind: RecordKind;
  /** The lines dated from `from` to `to` (both included), amounts as exact decimal strings. */
  list(db: Executor, period: { from: string; to: string }): Promise<ModuleMoneyLine[]>;
}

export const defineMoneyLines = (declaration: MoneyLinesDeclaration): MoneyLinesDeclaration => declaration;
