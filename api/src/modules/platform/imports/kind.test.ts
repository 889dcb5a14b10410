import { describe, expect, it } from 'vitest';
import { dayLabel, foundAgain, repeatedRows, rowChecks, type PlanContext } from './kind.js';

/** The errors a plan reports, as the report would list them. */
function reported() {
  const errors: Parameters<PlanContext['error']>[] = [];
  const error: PlanContext['error'] = (...args) => {
    errors.push(args);
  };
  return { errors, error };
}

describe('import plan helpers', () => {
  it('names a day as the report shows it', () => {
    expect(dayLabel('2026-12-02')).toBe('02/12/2026');
  });

  it('refuses a row that names what an earlier row names, naming that row, and keeps the first', () => {
    const { errors, error } = reported();
    const repeated = repeatedRows(error);
    expect(repeated(2, 'a', 'email')).toBe(false);
    expect(repeated(3, 'b', 'email')).toBe(false);
    expect(repeated(5, 'a', 'lastName')).toBe(true);
    expect(repeated(6, 'a', 'email')).toBe(true);
    expect(errors).toEqual([
      [5, 'lastName', 'duplicateRow', '2'],
      [6, 'email', 'duplicateRow', '2'],
    ]);
  });

  it('reports every error of a row and remembers that the row had one', () => {
    const { errors, error } = reported();
    const checks = rowChecks(error);
    expect(checks.failed).toBe(false);
    checks.fail(4, 'status', 'invalid', 'peut-être');
    checks.fail(4, 'cancelReason', 'required');
    expect(checks.failed).toBe(true);
    expect(errors).toEqual([
      [4, 'status', 'invalid', 'peut-être'],
      [4, 'cancelReason', 'required'],
    ]);
    expect(rowChecks(error).failed).toBe(false);
  });

  it('plans a record found again as an update naming its changes, else as unchanged', () => {
    const records = [{ kind: 'support_request' as const, id: 'r1' }];
    expect(foundAgain(7, 'N-1 · 02/12/2026', records, ['status'])).toEqual({
      row: 7,
      action: 'update',
      label: 'N-1 · 02/12/2026',
      records,
      changes: ['status'],
    });
    expect(foundAgain(8, 'N-2', records, [])).toEqual({ row: 8, action: 'unchanged', label: 'N-2', records });
  });
});
