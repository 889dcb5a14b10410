import type { RecordKind } from '@smes/shared';
import { describe, expect, it } from 'vitest';
import type { ModuleMergeLinks } from '../db/merge-links.js';
import type { ModulePersonRights } from '../db/person-rights.js';
import { MERGE_LINKS } from './merge-links.js';
import { PERSON_RIGHTS } from './person-rights.js';

/**
 * The kinds that point at a person (a merge moves them) and that no module's person-rights
 * declaration exports: what the art. 15 export would leave out, and the art. 17 erasure forget.
 */
function undeclared(
  links: readonly ModuleMergeLinks[],
  rights: Readonly<Record<string, ModulePersonRights>>,
): RecordKind[] {
  const declared = new Set(Object.values(rights).flatMap((r) => (r.export ?? []).map((part) => part.kind)));
  const pointing = links.flatMap((m) => (m.person?.links ?? []).map((link) => link.kind));
  return [...new Set(pointing)].filter((kind) => !declared.has(kind));
}

describe("the registry of a person's rights", () => {
  it('declares what every module holds about a person wherever a merge link points at people', () => {
    expect(undeclared(MERGE_LINKS, PERSON_RIGHTS)).toEqual([]);
  });

  it('catches a module that points at people and declares no person-rights entry', () => {
    const newModule: ModuleMergeLinks = {
      person: {
        links: [
          {
            kind: 'tenant',
            name: 'requests',
            column: null,
            count: () => Promise.resolve(0),
            move: () => Promise.resolve(0),
          },
        ],
      },
    };
    expect(undeclared([...MERGE_LINKS, newModule], PERSON_RIGHTS)).toEqual(['tenant']);
  });
});
