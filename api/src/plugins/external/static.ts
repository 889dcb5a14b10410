import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { LOCALE_COOKIE, LOCALES } from '@smes/shared';
import type { Locale } from '@smes/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { notFoundProblem } from '../app/errors.js';

/** Vite names every file under assets/ by its content: a new build never reuses a name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html, the manifest and icons: kept, but asked again each time (a new build shows at once). */
const REVALIDATE = 'no-cache';

/**
 * Serves the built SPA from the same origin as the API. Unknown /api paths are problem-details
 * 404s; any other unknown path gets index.html so that the SPA's router can answer it. The
 * build's brotli/gzip copies (`.br`, `.gz`) are sent to browsers that take them; source maps
 * stay on the server (a 404), for whoever reads a production stack trace there.
 *
 * /login gets the same page with the sign-in form already written in it (`login.fr.html`,
 * `login.nl.html`, from the SPA's build), in the language chosen on the device (a cookie the SPA
 * writes) or else the browser's: a slow phone shows the form before the script has arrived.
 */
export default fp(
  async function spa(app: FastifyInstance) {
    const root = app.config.WEB_DIST_DIR;
    const hasSpa = existsSync(`${root}/index.html`);
    if (hasSpa) {
      await app.register(fastifyStatic, {
        root,
        wildcard: false,
        index: ['index.html'],
        preCompressed: true,
        cacheControl: false,
        allowedPath: (pathname) => !pathname.endsWith('.map'),
        setHeaders: (reply, path) => {
          void reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : REVALIDATE);
        },
      });
      if (signInPages(root).length > 0) {
        app.get('/login', { schema: { hide: true } }, (request, reply) => {
          void reply.header('vary', 'Accept-Language, Cookie');
          return reply.type('text/html').sendFile(`login.${signInLocale(request)}.html`);
        });
      }
    } else {
      app.log.warn({ root }, 'no built SPA found; run `pnpm build` to serve it');
    }
    app.setNotFoundHandler((request, reply) => {
      // A missing asset (a chunk of an older build, a source map) is a 404, never the index.
      const notAPage =
        request.url.startsWith('/api/') || request.url === '/api' || request.url.startsWith('/assets/');
      if (!hasSpa || notAPage || request.method !== 'GET') {
        return notFoundProblem(request, reply);
      }
      return reply.type('text/html').sendFile('index.html');
    });
  },
  { name: 'spa', dependencies: ['config', 'cookie'] },
);

/** The prerendered sign-in pages the SPA's build left in `root`, if any. */
function signInPages(root: string): string[] {
  const pages = LOCALES.map((locale) => `${root}/login.${locale}.html`);
  return pages.every((page) => existsSync(page)) ? pages : [];
}

/**
 * The sign-in pages carry the SPA's stylesheet inline, so that their first paint waits for
 * nothing else: the content security policy allows exactly those styles, by their hashes.
 */
export function signInStyleHashes(root: string): string[] {
  return signInPages(root).flatMap((page) =>
    [...readFileSync(page, 'utf8').matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
      ([, css]) => `'sha256-${createHash('sha256').update(css!, 'utf8').digest('base64')}'`,
    ),
  );
}

const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/**
 * The device's choice, else the browser's first language (as the SPA picks it from
 * `navigator.language`): Dutch for Dutch, French otherwise.
 */
export function signInLocale(request: FastifyRequest): Locale {
  const chosen = request.cookies[LOCALE_COOKIE];
  if (isLocale(chosen)) return chosen;
  const languages = (request.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((language) => language.tag && language.q > 0)
    .sort((a, b) => b.q - a.q);
  return languages[0]?.tag.startsWith('nl') ? 'nl' : 'fr';
}
