import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, runnerImport } from 'vite';
import type { Plugin } from 'vite';
import type * as RenderSignIn from './src/features/auth/prerender/render-sign-in';

const COMPRESSIBLE = /\.(js|css|html|svg|json|webmanifest)$/;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each text file of the build, at the
 * highest levels, once: the API sends them as they are (see api/src/plugins/external/static.ts).
 */
function precompress(): Plugin {
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'smes-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      await Promise.all(
        Object.values(bundle)
          .filter((file) => COMPRESSIBLE.test(file.fileName))
          .map(async (file) => {
            const source = file.type === 'chunk' ? file.code : file.source;
            const path = join(dir, file.fileName);
            await writeFile(
              `${path}.br`,
              await br(source, {
                params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
              }),
            );
            await writeFile(`${path}.gz`, await gz(source, { level: 9 }));
          }),
      );
    },
  };
}

/**
 * Writes `login.fr.html` and `login.nl.html` beside index.html: the same page with the sign-in
 * form already in it, rendered from the app's own components (src/features/auth/prerender). The
 * API sends one of them for /login, so a slow phone shows the form before the script arrives;
 * every other path keeps index.html (a signed-in person reloading a page never sees a sign-in form).
 */
function prerenderSignIn(): Plugin {
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  const src = fileURLToPath(new URL('./src', import.meta.url));
  return {
    name: 'smes-prerender-sign-in',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const index = bundle['index.html'];
      if (index?.type !== 'asset') throw new Error('prerenderSignIn: the build wrote no index.html');
      const shell = String(index.source);
      const { module } = await runnerImport<typeof RenderSignIn>(
        '/src/features/auth/prerender/render-sign-in.tsx',
        {
          configFile: false,
          logLevel: 'warn',
          root: fileURLToPath(new URL('.', import.meta.url)),
          resolve: { alias: { '@': src } },
        },
      );
      // The stylesheet comes inside the page, so nothing but the page itself stands before its
      // first paint (a linked one shares the slow line with the scripts). The API allows this
      // one inline style by its hash (api/src/plugins/external/helmet.ts).
      const link = /<link rel="stylesheet"[^>]* href="\/(assets\/[^"]+\.css)">/.exec(shell);
      const css = link ? bundle[link[1]!] : undefined;
      if (!link || css?.type !== 'asset') throw new Error('prerenderSignIn: no stylesheet in index.html');
      const styled = shell.replace(link[0], () => `<style>${String(css.source).trim()}</style>`);
      const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      for (const page of await module.renderSignInPages()) {
        const html = styled
          .replace('<html lang="fr">', () => `<html lang="${page.locale}">`)
          .replace('<title>Smes</title>', () => `<title>${escape(page.title)}</title>`)
          .replace('<div id="root"></div>', () => `${page.html}<div id="root"></div>`);
        if (!html.includes(page.html)) {
          throw new Error('prerenderSignIn: index.html no longer has <div id="root"></div>');
        }
        const path = join(dir, `login.${page.locale}.html`);
        await writeFile(path, html);
        await writeFile(
          `${path}.br`,
          await br(html, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        );
        await writeFile(`${path}.gz`, await gz(html, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress(), prerenderSignIn()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: 5173,
    // The API runs beside the dev server; the browser sees one origin, as in production.
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps stay in dist for whoever reads a production stack trace; no file points to them and
    // the server does not serve them.
    sourcemap: 'hidden',
  },
});
