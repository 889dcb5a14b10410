import { duesMoneyLines } from './association/membership/money-lines.js';
import { intervisionFeeMoneyLines } from './connect/intervision/money-lines.js';
import { supervisionFeeMoneyLines } from './support/supervisions/money-lines.js';
import { trainingFeeMoneyLines } from './support/trainings/money-lines.js';
import type { MoneyLinesDeclaration } from './accounting/money-lines/define.js';

/**
 * Every module's money lines (`<module>/money-lines.ts`): what `GET /api/money-lines` and the
 * accounting export gather for a period.
 */
export const MONEY_LINES: readonly MoneyLinesDeclaration[] = [
  duesMoneyLines,
  intervisionFeeMoneyLines,
  supervisionFeeMoneyLines,
  trainingFeeMoneyLines,
];
