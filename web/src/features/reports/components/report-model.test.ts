import { describe, expect, it } from 'vitest';
import { displayUnit, groupByPole } from './report-model';

describe('a report’s figures', () => {
  it('come pole by pole in the activity report’s order, a pole not known yet last', () => {
    const figures = [
      { id: 'a', pole: 'association' },
      { id: 'h', pole: 'housing-first' },
      { id: 'x', pole: 'accounting' },
      { id: 'c', pole: 'connect' },
      { id: 'c2', pole: 'connect' },
    ];
    expect(groupByPole(figures).map((g) => [g.pole, g.figures.map((f) => f.id)])).toEqual([
      ['connect', ['c', 'c2']],
      ['housing-first', ['h']],
      ['association', ['a']],
      ['accounting', ['x']],
    ]);
  });

  it('show a difference of two sums of money as money, and any other difference as a number', () => {
    const units: Record<string, string> = { invoiced: 'money', received: 'money', entry: 'average' };
    expect(displayUnit({ unit: 'difference', of: ['invoiced', 'received'] }, (id) => units[id])).toBe(
      'money',
    );
    expect(displayUnit({ unit: 'difference', of: ['entry', 'entry'] }, (id) => units[id])).toBe('difference');
    expect(displayUnit({ unit: 'count' }, (id) => units[id])).toBe('count');
  });
});
