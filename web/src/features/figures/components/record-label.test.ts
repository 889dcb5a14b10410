import type { FigureRecordItem } from '@smes/shared';
import { describe, expect, it } from 'vitest';
import { orderRecords, recordLabel } from './record-label';

const REMOVED = 'Participant·e retiré·e';
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const session = (date: string): FigureRecordItem => ({
  kind: 'intervision_session',
  id: id(),
  name: 'Groupe Tilleul',
  date,
  group: { id: 'g', name: 'Groupe Tilleul' },
});
const registration = (name: string | null, organisation: { fr?: string; nl?: string }): FigureRecordItem => ({
  kind: 'intervision_registration',
  id: id(),
  name,
  organisation: { id: 'o', name: organisation },
});

describe('recordLabel', () => {
  it('writes a session as its day in the screen’s format and its group', () => {
    expect(recordLabel(session('2024-12-02'), 'fr', REMOVED)).toBe('02/12/2024 – Groupe Tilleul');
    expect(recordLabel(session('2024-12-02'), 'nl', REMOVED)).toBe('02/12/2024 – Groupe Tilleul');
  });

  it('names a registration by person and organisation in the screen’s language; a removed person as such', () => {
    const r = registration('Lotte Claes', { fr: 'Maison Tilleul', nl: 'Huis Linde' });
    expect(recordLabel(r, 'fr', REMOVED)).toBe('Lotte Claes – Maison Tilleul');
    expect(recordLabel(r, 'nl', REMOVED)).toBe('Lotte Claes – Huis Linde');
    // An organisation known by its Dutch name only keeps it in French.
    expect(recordLabel(registration(null, { nl: 'Huis Kastanje' }), 'fr', REMOVED)).toBe(
      'Participant·e retiré·e – Huis Kastanje',
    );
  });
});

describe('a Support request behind a figure', () => {
  const request = (date: string, organisation?: { fr?: string; nl?: string }): FigureRecordItem => ({
    kind: 'support_request',
    id: id(),
    name: 'S-K7M2QA',
    date,
    ...(organisation ? { organisation: { id: 'o', name: organisation } } : {}),
  });

  it('reads as its day, its code and the requester’s organisation; a non-professional’s without one', () => {
    const r = request('2020-03-10', { fr: 'Service fictif', nl: 'Fictieve dienst' });
    expect(recordLabel(r, 'fr', REMOVED)).toBe('10/03/2020 – S-K7M2QA – Service fictif');
    expect(recordLabel(r, 'nl', REMOVED)).toBe('10/03/2020 – S-K7M2QA – Fictieve dienst');
    expect(recordLabel(request('2020-03-10'), 'nl', REMOVED)).toBe('10/03/2020 – S-K7M2QA');
  });

  it('comes in date order', () => {
    const requests = ['2020-01-03', '2020-02-10', '2020-11-17'].map((d) => request(d));
    expect(orderRecords([...requests].reverse(), 'fr', REMOVED).map((r) => r.date)).toEqual(
      requests.map((r) => r.date),
    );
  });
});

describe('orderRecords', () => {
  it('keeps sessions in date order, not in the order of their dd/mm/yyyy label', () => {
    const sessions = ['2024-10-10', '2024-11-14', '2024-12-02', '2025-01-09'].map(session);
    expect(orderRecords([...sessions].reverse(), 'fr', REMOVED).map((s) => s.date)).toEqual(
      sessions.map((s) => s.date),
    );
  });

  it('sorts names by the label of the screen’s language', () => {
    const organisations: FigureRecordItem[] = [
      { kind: 'organisation', id: id(), name: { fr: 'Maison Tilleul', nl: 'Huis Linde' } },
      { kind: 'organisation', id: id(), name: { fr: 'Centre Ressac', nl: 'Centrum Ressac' } },
      { kind: 'organisation', id: id(), name: { fr: 'Zénith', nl: 'Antenne Zenit' } },
    ];
    expect(orderRecords(organisations, 'fr', REMOVED).map((o) => recordLabel(o, 'fr', REMOVED))).toEqual([
      'Centre Ressac',
      'Maison Tilleul',
      'Zénith',
    ]);
    expect(orderRecords(organisations, 'nl', REMOVED).map((o) => recordLabel(o, 'nl', REMOVED))).toEqual([
      'Antenne Zenit',
      'Centrum Ressac',
      'Huis Linde',
    ]);
  });
});
