import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { hostLocation, literalEnum, organisationName, SUPPORT_CHANNELS } from './index.js';

describe('organisation names', () => {
  it("names an organisation in the reader's language, falling back to the other one", () => {
    const both = { nameFr: 'Le Pont', nameNl: 'De Brug' };
    expect(organisationName(both, 'fr')).toBe('Le Pont');
    expect(organisationName(both, 'nl')).toBe('De Brug');
    expect(organisationName({ nameFr: "L'Îlot", nameNl: null }, 'nl')).toBe("L'Îlot");
    expect(organisationName({ nameFr: '  ', nameNl: 'Diogenes' }, 'fr')).toBe('Diogenes');
    expect(organisationName({ nameFr: null, nameNl: null }, 'fr')).toBe('');
  });

  it("a calendar's location names the host the same way", () => {
    const host = {
      id: '00000000-0000-4000-8000-000000000001',
      nameFr: null,
      nameNl: 'De Brug',
      street: 'Rue Fictive 1',
      postalCode: '1060',
      placeFr: 'Saint-Gilles',
      placeNl: 'Sint-Gillis',
    };
    expect(hostLocation(host, 'fr')).toBe('De Brug, Rue Fictive 1, 1060 Saint-Gilles');
    expect(hostLocation(host, 'nl')).toBe('De Brug, Rue Fictive 1, 1060 Sint-Gillis');
  });
});

describe('a list of values as a schema', () => {
  it('takes each value of the list and nothing else', () => {
    const channel = literalEnum(SUPPORT_CHANNELS);
    for (const value of SUPPORT_CHANNELS) expect(Value.Check(channel, value)).toBe(true);
    expect(Value.Check(channel, 'fax')).toBe(false);
    expect(Value.Check(channel, 'Phone')).toBe(false);
    expect(Value.Check(channel, null)).toBe(false);
  });
});
