import type { FigureRecord } from '@smes/shared';
import { describe, expect, it } from 'vitest';
import { orderRecords } from './figure-records';

let n = 0;
const record = (kind: FigureRecord['kind'], fr: string, nl = fr): FigureRecord => ({
  kind,
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  fr,
  nl,
  groupId: null,
});

describe('orderRecords', () => {
  it('keeps sessions in the order the API sends them (by date), not by their dd/mm/yyyy label', () => {
    const sessions = [
      record('intervision_session', '10/10/2024 – Groupe Tilleul'),
      record('intervision_session', '14/11/2024 – Groupe Tilleul'),
      record('intervision_session', '02/12/2024 – Groupe Tilleul'),
      record('intervision_session', '09/01/2025 – Groupe Tilleul'),
    ];
    expect(orderRecords(sessions, 'fr').map((r) => r.fr)).toEqual(sessions.map((r) => r.fr));
  });

  it('sorts names by the label of the UI language', () => {
    const people = [
      record('intervision_registration', 'Youssef Amrani – Maison Tilleul'),
      record('intervision_registration', 'Camille Dubois – Huis Kastanje'),
      record('organisation', 'Maison Tilleul', 'Huis Linde'),
      record('organisation', 'Centre Ressac', 'Centrum Ressac'),
      record('organisation', 'Zénith', 'Antenne Zenit'),
    ];
    expect(orderRecords(people, 'fr').map((r) => r.fr)).toEqual([
      'Centre Ressac',
      'Maison Tilleul',
      'Zénith',
      'Camille Dubois – Huis Kastanje',
      'Youssef Amrani – Maison Tilleul',
    ]);
    expect(
      orderRecords(
        people.filter((r) => r.kind === 'organisation'),
        'nl',
      ).map((r) => r.nl),
    ).toEqual(['Antenne Zenit', 'Centrum Ressac', 'Huis Linde']);
  });
});
