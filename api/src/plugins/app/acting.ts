import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import { logReads } from '../../access/reads.js';
import { PreconditionFailedError } from '../../errors.js';
import { actorOf } from './auth.js';

interface Pending {
  /** The handler asked to send (reply.send): the transaction may end now. */
  sending: () => void;
  /** Settles when the transaction has ended: the answer goes out only after the commit. */
  ended: Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    actingTransaction: Pending | null;
  }
}

/**
 * Each signed-in request runs in one transaction that tells the database who is acting (user,
 * role, poles), so row-level security sees them (src/db/rls.ts). Modules notice nothing: the
 * app's `db` resolves to that transaction (src/db/client.ts) and their own transactions become
 * savepoints. The answer leaves only after the commit, so the next request sees what this one
 * wrote, also when a handler sends the reply itself. Public routes (sign-in, refresh, health)
 * run outside: they touch only the sign-in tables, which have no row security.
 */
export default fp(
  async function acting(app: FastifyInstance) {
    app.decorateRequest('actingTransaction', null);

    app.addHook('onRoute', (route) => {
      const access = route.config?.access;
      if (!access || 'public' in access) return;
      const handler = route.handler;
      route.handler = async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
        const actor = actorOf(request);
        let sendingAsked = false;
        let release!: () => void;
        const sendRequested = new Promise<void>((resolve) => (release = resolve));
        const sending = () => {
          sendingAsked = true;
          release();
        };
        let endedOk!: () => void;
        let endedFailed!: (error: unknown) => void;
        const ended = new Promise<void>((resolve, reject) => {
          endedOk = resolve;
          endedFailed = reject;
        });
        ended.catch(() => undefined);
        request.actingTransaction = { sending, ended };
        let outcome: Promise<unknown> = Promise.resolve();
        try {
          const reads = request.admittedReads;
          await app.database.acting(
            {
              userId: actor.id,
              role: actor.role,
              // The actor's own poles: breaking the glass passes the policies by its setting.
              poles: reads?.poles ?? actor.poles,
              purpose: reads?.purpose ?? null,
              breakGlass: reads?.breakingGlass ?? false,
            },
            async () => {
              outcome = Promise.resolve()
                .then(() => (handler as (...a: unknown[]) => unknown).call(this, request, reply))
                .then(async (payload) => {
                  // The access log of what the answer names, in the same transaction.
                  if (reads) await logReads(app.database.db, request, actor, reads, payload);
                  return payload;
                });
              await Promise.race([outcome, sendRequested]);
            },
          );
          endedOk();
        } catch (failed) {
          let error = failed;
          // A 412 answers the record as it is now (`current`): what it names is read too, so it is
          // logged, in a transaction of its own (the update's rolled back).
          const reads = request.admittedReads;
          if (reads && failed instanceof PreconditionFailedError) {
            try {
              await app.database.acting(
                {
                  userId: actor.id,
                  role: actor.role,
                  poles: reads.poles,
                  purpose: reads.purpose,
                  breakGlass: reads.breakingGlass,
                },
                () => logReads(app.database.db, request, actor, reads, failed.current),
              );
            } catch (logFailed) {
              error = logFailed;
            }
          }
          // A send waiting for the commit answers this error itself (from onSend).
          endedFailed(error);
          request.actingTransaction = null;
          if (!sendingAsked) throw error;
        }
        request.actingTransaction = null;
        return outcome;
      } as RouteHandlerMethod;
    });

    app.addHook('onSend', async (request, _reply, payload) => {
      const pending = request.actingTransaction;
      if (!pending) return payload;
      request.actingTransaction = null;
      pending.sending();
      await pending.ended;
      return payload;
    });
  },
  { name: 'acting', dependencies: ['guard', 'database'] },
);
