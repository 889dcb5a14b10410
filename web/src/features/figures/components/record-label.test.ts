import type { FigureRecordItem } from '@smes/shared';
import { describe, expect, it } from 'vitest';
import { localName, recordLabel } from './record-label';

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

  it('names a registration by organisation and person in the screen’s language; a removed person as such', () => {
    const r = registration('Lotte Claes', { fr: 'Maison Tilleul', nl: 'Huis Linde' });
    expect(recordLabel(r, 'fr', REMOVED)).toBe('Maison Tilleul – Lotte Claes');
    expect(recordLabel(r, 'nl', REMOVED)).toBe('Huis Linde – Lotte Claes');
    // An organisation known by its Dutch name only keeps it in French.
    expect(recordLabel(registration(null, { nl: 'Huis Kastanje' }), 'fr', REMOVED)).toBe(
      'Huis Kastanje – Participant·e retiré·e',
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
});

describe('localName', () => {
  it('reads a FR/NL name in the screen’s language, else the other; a removed record has none', () => {
    const both = { fr: 'Maison des Glycines', nl: 'Huis van de Blauweregen' };
    expect(localName(both, 'nl')).toBe('Huis van de Blauweregen');
    expect(localName(both, 'fr')).toBe('Maison des Glycines');
    expect(localName({ fr: 'Le Relais' }, 'nl')).toBe('Le Relais');
    expect(localName('Groupe du jeudi', 'nl')).toBe('Groupe du jeudi');
    expect(localName(null, 'fr')).toBeNull();
  });
});
