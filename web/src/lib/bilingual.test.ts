import { describe, expect, it } from 'vitest';
import { communeForPostalCode, isCurrent, otherOrganisationName, pickLabel, today } from './bilingual';

describe('bilingual labels', () => {
  const sector = { labelFr: 'Santé mentale', labelNl: 'Geestelijke gezondheidszorg' };

  it('picks the label in the user language', () => {
    expect(pickLabel(sector, 'fr')).toBe('Santé mentale');
    expect(pickLabel(sector, 'nl')).toBe('Geestelijke gezondheidszorg');
  });

  it('gives the other name only when it says something more', () => {
    expect(otherOrganisationName({ nameFr: 'Le Pont', nameNl: 'De Brug' }, 'fr')).toBe('De Brug');
    expect(otherOrganisationName({ nameFr: 'Smes', nameNl: 'Smes' }, 'nl')).toBeNull();
    expect(otherOrganisationName({ nameFr: "L'Îlot", nameNl: null }, 'nl')).toBeNull();
  });
});

describe('communes by postal code', () => {
  const communes = [
    { id: 'bxl', postalCodes: ['1000', '1020'], retired: false },
    { id: 'ixl', postalCodes: ['1050'], retired: false },
    { id: 'old', postalCodes: ['1999'], retired: true },
  ];

  it('finds the commune of a Brussels postal code', () => {
    expect(communeForPostalCode(communes, '1020')?.id).toBe('bxl');
    expect(communeForPostalCode(communes, ' 1050 ')?.id).toBe('ixl');
  });

  it('finds nothing for other codes, partial codes or retired communes', () => {
    expect(communeForPostalCode(communes, '4000')).toBeUndefined();
    expect(communeForPostalCode(communes, '105')).toBeUndefined();
    expect(communeForPostalCode(communes, '1999')).toBeUndefined();
  });
});

describe('current affiliations', () => {
  it('counts an affiliation as current until the end of its last day', () => {
    expect(isCurrent({ endsOn: null }, '2026-03-10')).toBe(true);
    expect(isCurrent({ endsOn: '2026-03-10' }, '2026-03-10')).toBe(true);
    expect(isCurrent({ endsOn: '2026-03-09' }, '2026-03-10')).toBe(false);
  });

  it('writes today as a local calendar day', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
