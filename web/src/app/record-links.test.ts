import { describe, expect, it } from 'vitest';
import type { RouteObject } from 'react-router';
import { RECORD_KIND_KEYS, RECORD_KINDS } from '@smes/shared';
import { routes } from './router';

/** Every path of the SPA's router, from its nested routes. */
function paths(list: RouteObject[], prefix = ''): string[] {
  return list.flatMap((r) => {
    const here = r.path ? `${prefix}/${r.path}`.replace(/\/+/g, '/') : prefix;
    return [...(r.path ? [here] : []), ...paths(r.children ?? [], here)];
  });
}

describe("record kinds' links", () => {
  it('each lead to a page of the SPA', () => {
    const known = new Set(paths(routes).map((p) => p.replace(/:[^/]+/g, ':')));
    for (const kind of RECORD_KIND_KEYS) {
      const link = RECORD_KINDS[kind].link;
      if (link) expect(known, `${kind}: ${link}`).toContain(link.replace(/:[^/]+/g, ':'));
    }
  });
});
