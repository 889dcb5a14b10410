import type { FastifyInstance } from 'fastify';
import { breakdown, catalogue, computeValues } from '../figures/engine.js';
import type { FigureSource } from './figure-source.js';

/** The figure engine, as saved reports use it. */
export const engineSource: FigureSource = {
  catalogue: () => catalogue(),
  values: (db, period, ids) => computeValues(db, period, ids),
  breakdown: async (db, id, dimension, period) =>
    (await breakdown({ db, id, dimension, query: period })).rows,
};

/** Values are counted on the engine's counting connection (see api/src/plugins/app/db.ts). */
export const countingDb = (app: FastifyInstance) => app.countingDb;
