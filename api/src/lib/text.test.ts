import { describe, expect, it } from 'vitest';
import { matchKey, searchKey, searchTerms } from './text.js';

describe('searchKey', () => {
  it('folds accents, case and punctuation', () => {
    expect(searchKey("L'Îlot")).toBe('l ilot');
    expect(searchKey('Sint-Jans-Molenbeek')).toBe('sint jans molenbeek');
    expect(searchKey('ŒUVRE Ça')).toBe('oeuvre ca');
  });

  it('keeps the French and Dutch names apart so a word cannot straddle them', () => {
    expect(searchKey('Maison', 'Huis')).toBe('maison | huis');
    expect(searchKey(null, 'Huis')).toBe('huis');
  });
});

describe('matchKey', () => {
  it('sees two spellings of one organisation as the same', () => {
    expect(matchKey('DIOGÈNES')).toBe(matchKey('Diogenes asbl'));
    expect(matchKey('Diogenes VZW')).toBe('diogenes');
    expect(matchKey('Le Foyer')).not.toBe(matchKey('Le Forum'));
  });
});

describe('searchTerms', () => {
  it('splits a search into folded words', () => {
    expect(searchTerms('  Îlot  Bruxelles ')).toEqual(['ilot', 'bruxelles']);
    expect(searchTerms('')).toEqual([]);
  });
});
