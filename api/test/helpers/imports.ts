import type { ImportKind } from '@smes/shared';
import { runImport } from '../../src/modules/platform/imports/service.js';
import type { ServiceContext } from '../../src/types.js';
import type { TestApp } from './app.js';
import type { UserFixture } from './factories.js';

/** A CSV as Belgian Excel saves it: BOM, `;`, CRLF. */
export const csv = (rows: string[][]) =>
  new TextEncoder().encode(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`);

/** The context the import service gets for `user`, as a route builds it (no session behind it). */
export const importContext = (t: TestApp, user: UserFixture): ServiceContext => ({
  db: t.app.database.db,
  actor: { ...user, locale: null, sessionId: '00000000-0000-4000-8000-000000000000' },
  ip: '127.0.0.1',
});

/** A file of `kind` imported as the context's actor, under the database role a request runs with. */
export const importFile = (
  t: TestApp,
  ctx: ServiceContext,
  kind: ImportKind,
  file: { name: string; bytes: Uint8Array },
  dryRun = false,
) =>
  t.app.database.acting({ userId: ctx.actor.id, role: ctx.actor.role, poles: ctx.actor.poles }, () =>
    runImport({ ctx, input: { kind, file, dryRun, via: 'api' } }),
  );
