import { describe, expect, it } from 'vitest';
import type { FigureRecord } from '../api/types';
import { recordName, sortRecords } from './figure-records';

const rec = (id: string, name: FigureRecord['name'], date?: string): FigureRecord => ({
  kind: 'intervision_registration',
  id,
  name,
  ...(date ? { date } : {}),
});

describe('the records behind a figure', () => {
  it('are named in the user’s language, and a person removed by retention has no name', () => {
    const org = rec('o', { fr: 'Maison des Glycines', nl: 'Huis van de Blauweregen' });
    expect(recordName(org, 'nl')).toBe('Huis van de Blauweregen');
    expect(recordName(rec('f', { fr: 'Le Relais' }), 'nl')).toBe('Le Relais');
    expect(recordName(rec('r', null), 'fr')).toBeNull();
  });

  it('come in the user’s alphabetical order (accents as letters), then by date, removed ones last', () => {
    const items = [
      rec('1', null),
      rec('2', 'Émile Zola'),
      rec('3', 'Groupe du jeudi', '2020-11-12'),
      rec('4', 'Eva Peeters'),
      rec('5', 'Groupe du jeudi', '2020-10-08'),
    ];
    expect(sortRecords(items, 'fr').map((r) => r.id)).toEqual(['2', '4', '5', '3', '1']);
  });
});
