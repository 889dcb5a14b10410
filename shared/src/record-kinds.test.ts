import { describe, expect, it } from 'vitest';
import type { Actor } from './access.js';
import {
  kindName,
  kindPole,
  mayBreakGlass,
  RECORD_KIND_KEYS,
  RECORD_KINDS,
  recordPath,
  rowScope,
} from './record-kinds.js';

describe('the registry of record kinds', () => {
  it('gives a pole-scoped or assigned kind a pole, and an everyone-signed-in kind none', () => {
    for (const kind of RECORD_KIND_KEYS) {
      const scope = RECORD_KINDS[kind].scope;
      expect(kindPole(kind) === null, `${kind} (${scope})`).toBe(scope === 'signed-in');
    }
  });

  it('names every kind in French and Dutch, singular and plural', () => {
    expect(kindName('intervision_registration', 'fr', 3)).toBe("Inscriptions à l'intervision");
    expect(kindName('intervision_registration', 'nl')).toBe('Inschrijving voor intervisie');
    for (const kind of RECORD_KIND_KEYS) {
      for (const locale of ['fr', 'nl'] as const) {
        expect(kindName(kind, locale, 1).length, kind).toBeGreaterThan(0);
        expect(kindName(kind, locale, 2).length, kind).toBeGreaterThan(0);
      }
    }
  });

  it('links a record to its page, or to the page it is shown on', () => {
    expect(recordPath('organisation', { id: 'o1' })).toBe('/directory/organisations/o1');
    expect(recordPath('intervision_registration', { id: 'r1', parentId: 'g1' })).toBe(
      '/intervision/groups/g1',
    );
    expect(recordPath('intervision_registration', { id: 'r1' })).toBeNull();
    expect(recordPath('sector', { id: 's1' })).toBeNull();
  });

  it("shows a pole's records to its members only, and an assigned kind's to its workers' own", () => {
    const connectWorker: Actor = { role: 'worker', poles: ['connect'] };
    const supportWorker: Actor = { role: 'worker', poles: ['support'] };
    const accountant: Actor = { role: 'accountant', poles: [] };
    expect(rowScope(connectWorker, 'intervision_registration')).toBe('all');
    expect(rowScope(supportWorker, 'intervision_registration')).toBe('none');
    expect(rowScope(supportWorker, 'person')).toBe('all');
    expect(rowScope(accountant, 'person')).toBe('none');
    expect(rowScope(accountant, 'due')).toBe('all');
    // Support's requests: every row to the pole's members (scope `pole`), nothing to another pole.
    expect(rowScope(supportWorker, 'support_request')).toBe('all');
    expect(rowScope({ role: 'coordinator', poles: ['support'] }, 'support_person')).toBe('all');
    expect(rowScope(connectWorker, 'support_request')).toBe('none');
    expect(rowScope(accountant, 'support_person')).toBe('none');
  });

  it("lets a role the kind names break the glass into another pole's records, no one else", () => {
    expect(mayBreakGlass({ role: 'coordinator', poles: ['support'] }, 'intervision_registration')).toBe(true);
    expect(mayBreakGlass({ role: 'worker', poles: ['support'] }, 'intervision_registration')).toBe(false);
    expect(mayBreakGlass({ role: 'accountant', poles: [] }, 'intervision_registration')).toBe(false);
    expect(mayBreakGlass({ role: 'admin', poles: [] }, 'person')).toBe(true);
  });
});
