import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { changedFields, isEditConflict, recordValue, sendVersioned } from './versioned';

const loaded = {
  id: 'o1',
  version: 3,
  nameFr: 'Asbl Départ',
  phone: '02 000 00 00',
  sectors: [{ id: 's1' }],
};

/** A server that refuses version 3 with `current`, then accepts what it is sent. */
function server(current: Record<string, unknown>) {
  const sent: number[] = [];
  const send = (version: number) => {
    sent.push(version);
    if (version !== current.version) {
      return Promise.reject(new ApiError({ status: 412, code: 'PRECONDITION_FAILED', current }));
    }
    return Promise.resolve({ ...current, version: version + 1 });
  };
  return { sent, send };
}

describe('an update refused as stale (412)', () => {
  it('is resent with the new version when the fields the user changed are as they loaded them', async () => {
    const s = server({ ...loaded, version: 4, nameFr: 'Asbl Changée ailleurs' });
    const saved = await sendVersioned(loaded, { phone: '02 111 11 11' }, s.send);
    expect(s.sent).toEqual([3, 4]);
    expect(saved).toMatchObject({ version: 5 });
  });

  it('is not resent when a field the user changed differs: both values are said', async () => {
    const s = server({ ...loaded, version: 4, phone: '02 222 22 22' });
    const refused = await sendVersioned(
      loaded,
      { phone: '02 111 11 11', nameFr: 'Asbl Neuve' },
      s.send,
    ).catch((e: unknown) => e);
    expect(s.sent).toEqual([3]);
    expect(isEditConflict(refused)).toBe(true);
    if (!isEditConflict(refused)) return;
    expect(refused.fields).toEqual([{ field: 'phone', mine: '02 111 11 11', theirs: '02 222 22 22' }]);
    expect(refused.current.version).toBe(4);
  });

  it('is resent when the other person already saved the value the user sends', async () => {
    const s = server({ ...loaded, version: 4, phone: '02 111 11 11', nameFr: 'Asbl Changée ailleurs' });
    const saved = await sendVersioned(loaded, { phone: '02 111 11 11' }, s.send);
    expect(s.sent).toEqual([3, 4]);
    expect(saved).toMatchObject({ version: 5, phone: '02 111 11 11' });
  });

  it('compares an id list with the record’s list of objects, in any order', () => {
    expect(recordValue(loaded, 'sectorIds')).toEqual(['s1']);
    expect(recordValue({ commune: { id: 'c1' } }, 'communeId')).toBe('c1');
    expect(recordValue({ host: null }, 'hostOrganisationId')).toBeNull();
  });
});

describe('the fields an update sends', () => {
  it('are only those the user changed, lists compared in any order and blank as null', () => {
    const body = { nameFr: 'Asbl Départ', phone: '', sectorIds: ['s1'], nameNl: 'Vzw Vertrek' };
    expect(changedFields({ ...loaded, phone: null }, body)).toEqual({ nameNl: 'Vzw Vertrek' });
  });
});
