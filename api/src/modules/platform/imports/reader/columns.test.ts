import { describe, expect, it } from 'vitest';
import { mapColumns, normaliseHeader } from './columns.js';
import type { FieldSpec } from './types.js';

const FIELDS: FieldSpec[] = [
  { key: 'name', aliases: ['Nom', 'Naam', 'Dénomination', 'Benaming'], required: true, type: 'text' },
  { key: 'postalCode', aliases: ['Code postal', 'Postcode', 'CP'], required: true, type: 'text' },
  { key: 'email', aliases: ['E-mail', 'Courriel', 'Mail'], type: 'email' },
  { key: 'memberSince', aliases: ['Membre depuis', 'Lid sinds'], type: 'date' },
];

describe('normaliseHeader', () => {
  it('makes spellings of one title meet', () => {
    const forms = ['Code postal', 'code_postal', 'CODE POSTAL', ' Code-Postal ', 'CodePostal', 'postalCode'];
    expect(new Set(forms.slice(0, 5).map(normaliseHeader))).toEqual(new Set(['codepostal']));
    expect(normaliseHeader('postalCode')).toBe(normaliseHeader('Postal code'));
  });

  it('drops accents, ligatures, required-field stars and no-break spaces', () => {
    expect(normaliseHeader('Dénomination *')).toBe('denomination');
    expect(normaliseHeader('Œuvre\u00a0sociale')).toBe('oeuvresociale');
    expect(normaliseHeader('E-mail')).toBe(normaliseHeader('Email'));
  });
});

describe('mapColumns', () => {
  it('recognises French, Dutch and English titles', () => {
    expect(mapColumns(['Naam', 'Postcode', 'E-mail'], FIELDS).mapping).toEqual({
      0: 'name',
      1: 'postalCode',
      2: 'email',
    });
    expect(mapColumns(['DÉNOMINATION', 'code_postal', 'Courriel', 'Membre depuis'], FIELDS)).toEqual({
      mapping: { 0: 'name', 1: 'postalCode', 2: 'email', 3: 'memberSince' },
      unknownHeaders: [],
      missingRequired: [],
      duplicateHeaders: [],
    });
  });

  it('lists unknown headers and missing required fields, and skips empty titles', () => {
    const result = mapColumns(['Nom', '', 'Téléphone'], FIELDS);
    expect(result.mapping).toEqual({ 0: 'name' });
    expect(result.unknownHeaders).toEqual(['Téléphone']);
    expect(result.missingRequired).toEqual(['postalCode']);
  });

  it('feeds a field from the first of two matching columns and reports the other', () => {
    const result = mapColumns(['Nom', 'CP', 'Mail', 'E-mail'], FIELDS);
    expect(result.mapping).toEqual({ 0: 'name', 1: 'postalCode', 2: 'email' });
    expect(result.duplicateHeaders).toEqual(['E-mail']);
  });

  it('lets a saved mapping override aliases, map unknown titles and ignore columns', () => {
    const saved = { Nom: 'email', Organisatie: 'name', Mail: '', Zone: 'noSuchField' };
    const result = mapColumns(['NOM', 'Organisatie', 'Code postal', 'Mail', 'Zone'], FIELDS, saved);
    expect(result.mapping).toEqual({ 0: 'email', 1: 'name', 2: 'postalCode' });
    // A saved key that no longer exists is ignored rather than trusted.
    expect(result.unknownHeaders).toEqual(['Zone']);
    expect(result.missingRequired).toEqual([]);
  });
});
