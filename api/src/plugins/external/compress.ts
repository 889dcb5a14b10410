import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Compresses what is worth it (API answers, the SPA's index) with brotli or gzip when the
 * browser asks. The SPA's assets are compressed once at build time and served as such by the
 * static plugin; answers already encoded are left alone.
 */
export default fp(
  async function compress(app: FastifyInstance) {
    await app.register(fastifyCompress, {
      encodings: ['br', 'gzip'],
      threshold: 1024,
      // Brotli's default (11) costs far more CPU per answer than it saves on the wire.
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    });
  },
  { name: 'compress' },
);
