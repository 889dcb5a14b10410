import type { Organisation } from '@smes/shared';
import { describe, expect, it } from 'vitest';
import { toCreateBody, toUpdateBody, valuesFromOrganisation } from './organisation-form-values';

const ref = (id: string) => ({ id, code: id, labelFr: id, labelNl: id, retired: false });

const ilot: Organisation = {
  id: '00000000-0000-4000-8000-000000000001',
  version: 1,
  nameFr: "L'Îlot",
  nameNl: null,
  sectors: [ref('homeless'), ref('mental')],
  types: [],
  street: 'Rue de la Loi 1',
  postalCode: '1000',
  commune: ref('bxl'),
  city: null,
  languages: ['fr'],
  phone: null,
  email: null,
  website: null,
  notes: null,
  closedOn: null,
  externalRef: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('organisation form values', () => {
  it('leaves blanks out of a new organisation, trimmed', () => {
    const values = { ...valuesFromOrganisation(), nameFr: '  Diogenes asbl ', postalCode: '1000' };
    values.sectorIds = ['mental'];
    expect(toCreateBody(values)).toEqual({
      nameFr: 'Diogenes asbl',
      postalCode: '1000',
      sectorIds: ['mental'],
    });
  });

  it('sends only the changed fields on edit, a cleared one as null', () => {
    const initial = valuesFromOrganisation(ilot);
    const values = { ...initial, street: '', nameNl: 'Het Eilandje', sectorIds: ['mental', 'homeless'] };
    // Same sectors in another order: not a change.
    expect(toUpdateBody(values, initial)).toEqual({ street: null, nameNl: 'Het Eilandje' });
  });

  it('sends a changed list whole', () => {
    const initial = valuesFromOrganisation(ilot);
    expect(toUpdateBody({ ...initial, languages: ['fr', 'nl'] }, initial)).toEqual({
      languages: ['fr', 'nl'],
    });
    expect(toUpdateBody(initial, initial)).toEqual({});
  });
});
