import type { SupportRequest } from '@smes/shared';
import { describe, expect, it } from 'vitest';
import { fromLocalInput, promiseState, toLocalInput } from './follow-up-labels';

const request = (over: Partial<SupportRequest>): SupportRequest =>
  ({
    id: 'r',
    version: 1,
    dueOn: '2026-03-09',
    status: 'new',
    firstAnswer: null,
    answeredInTime: null,
    ...over,
  }) as SupportRequest;

const answer = (on: string) => ({ on, by: { id: 'u', displayName: 'Lise Fictive' }, how: 'phone' as const });

describe("a request's one-week promise", () => {
  it('is met or not once answered, whatever today is', () => {
    expect(
      promiseState(request({ firstAnswer: answer('2026-03-06'), answeredInTime: true }), '2026-04-01'),
    ).toEqual({
      kind: 'met',
      day: '2026-03-06',
    });
    expect(
      promiseState(request({ firstAnswer: answer('2026-03-10'), answeredInTime: false }), '2026-03-10'),
    ).toEqual({
      kind: 'late',
      day: '2026-03-10',
    });
  });

  it('is pending, due today or overdue while unanswered; a closed request without answer says so', () => {
    expect(promiseState(request({}), '2026-03-02').kind).toBe('pending');
    expect(promiseState(request({}), '2026-03-09').kind).toBe('dueToday');
    expect(promiseState(request({}), '2026-03-10')).toEqual({ kind: 'overdue', due: '2026-03-09' });
    expect(promiseState(request({ status: 'closed' }), '2026-03-10').kind).toBe('closedUnanswered');
  });
});

describe('the received date in a datetime-local field', () => {
  it('goes there and back to the same minute, and an incomplete value is none', () => {
    const at = new Date(2026, 2, 2, 9, 15).toISOString();
    expect(toLocalInput(at)).toBe('2026-03-02T09:15');
    expect(fromLocalInput(toLocalInput(at))).toBe(at);
    expect(fromLocalInput('2026-03-02')).toBeNull();
    expect(fromLocalInput('')).toBeNull();
  });
});
