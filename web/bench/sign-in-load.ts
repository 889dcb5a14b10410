/**
 * How long a phone on a slow 4G network waits for the sign-in form, cold cache, and how much
 * JavaScript that first load carries. Serves the built SPA (web/dist) with the real API in
 * production mode, loads /login in Chromium with the network at 150 ms round trip and
 * 1.6 Mbit/s down (750 kbit/s up) and the CPU 4× slower, a fresh profile each run.
 * Each run also loads a bare static page with a password field from the same server, under the
 * same profile: the machine's load weighs on both, so "the SPA's own cost" (the difference) can be
 * compared between runs on a busy machine. The load average is written down too.
 *
 *   pnpm --filter @smes/web bench      # builds, runs 5 loads, writes bench/results.md
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const WEB_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const DIST = join(WEB_DIR, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = 3900 + Math.floor(Math.random() * 90);
const PROFILE = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;

/** The same-run comparison: plain HTML, no script, no stylesheet; removed after the run. */
const BASELINE = 'bench-baseline.html';
writeFileSync(
  join(DIST, BASELINE),
  '<!doctype html><html lang="fr"><head><meta charset="UTF-8" />' +
    '<meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>Smes</title></head>' +
    '<body><form><label>Adresse e-mail <input type="email" /></label>' +
    '<label>Mot de passe <input type="password" /></label><button>Se connecter</button></form></body></html>',
);
const loadBefore = loadavg();
const cpus = availableParallelism();

const dataDir = mkdtempSync(join(tmpdir(), 'smes-bench-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  cwd: join(WEB_DIR, '..', 'api'),
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    WEB_DIST_DIR: DIST,
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: 'admin@smes.test',
    ADMIN_PASSWORD: 'Kanaal-Zenne-Tram-81-Molenbeek',
  },
  stdio: 'ignore',
});

async function ready() {
  for (let i = 0; i < 720; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the API did not start');
}

/**
 * Installed in the page before anything of it runs (a string: a function would reach the page
 * as this file's transpiled source, with helpers the page does not have).
 */
const WATCHER = `
  const marks = (window.benchMarks = {});
  const mark = (name) => {
    marks[name] = -1;
    requestAnimationFrame(() => (marks[name] = performance.now()));
  };
  const observer = new MutationObserver(() => {
    const field = document.querySelector('input[type="password"]');
    if (!marks.usable && field && !field.disabled && field.getBoundingClientRect().height > 0) {
      mark('usable');
    }
    const send = document.querySelector('form button[type="submit"]:not(:disabled)');
    if (!marks.sendable && send && !document.getElementById('sign-in-prerendered')) mark('sendable');
    if (marks.usable && marks.sendable) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  await ready();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic'],
  });
  const times: number[] = [];
  const baselineTimes: number[] = [];
  const sendableTimes: number[] = [];
  let scripts: { url: string; transferred: number; gzip: number }[] = [];
  let documentHeaders: Record<string, string> = {};
  let documentSent = 0;
  for (let run = 0; run < RUNS * 2; run++) {
    // Odd runs load the bare page, even ones the SPA: both see the same load, one after the other.
    const baseline = run % 2 === 1;
    // A fresh context: nothing cached, no cookie (cold cache, as a first visit).
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
      locale: 'fr-BE',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILE });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const transferred = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => transferred.set(e.requestId, e.encodedDataLength));

    // Timed inside the page, from the navigation's start, by a watcher installed before anything
    // of the page runs: the first frame with the form usable (its password field laid out and
    // enabled, so a person can type: the page sent in the HTML already is, see README.md), then
    // the first frame where the app has taken the form over and can send it (its button enabled).
    // In the page rather than polled from here: on a loaded machine a poll lags behind the frame.
    await page.addInitScript(WATCHER);
    const markOf = async (name: string) =>
      Math.round(
        (await (
          await page.waitForFunction(
            (n) => {
              const at = (window as unknown as { benchMarks?: Record<string, number> }).benchMarks?.[n];
              return at !== undefined && at > 0 ? at : false;
            },
            name,
            { timeout: 60_000 },
          )
        ).jsonValue()) as number,
      );

    await page.goto(`http://localhost:${PORT}/${baseline ? BASELINE : 'login'}`, { waitUntil: 'commit' });
    (baseline ? baselineTimes : times).push(await markOf('usable'));
    if (baseline) {
      await page.waitForLoadState('networkidle');
      await context.close();
      continue;
    }
    sendableTimes.push(await markOf('sendable'));
    await page.waitForLoadState('networkidle');
    const documentId = [...urls].find(([, url]) => new URL(url).pathname === '/login')?.[0];
    if (documentId) {
      const response = await page.request.get(`http://localhost:${PORT}/login`, {
        headers: { 'accept-encoding': 'br, gzip' },
      });
      documentHeaders = response.headers();
      documentSent = transferred.get(documentId) ?? 0;
    }
    scripts = [...urls]
      .filter(([, url]) => url.endsWith('.js'))
      .map(([id, url]) => {
        const file = join(DIST, new URL(url).pathname);
        return {
          url: new URL(url).pathname,
          transferred: transferred.get(id) ?? 0,
          gzip: gzipSync(readFileSync(file)).length,
        };
      });
    await context.close();
  }
  await browser.close();

  const loadAfter = loadavg();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
  const totalGzip = scripts.reduce((sum, s) => sum + s.gzip, 0);
  const totalSent = scripts.reduce((sum, s) => sum + s.transferred, 0);
  const report = [
    '# Sign-in page on a slow phone',
    '',
    `Run on ${new Date().toISOString().slice(0, 10)} with \`pnpm --filter @smes/web bench\`: the built SPA served by the`,
    'API in production mode, /login opened in Chromium at 360×740 with touch, a fresh profile each',
    `time (cold cache), network ${PROFILE.latency} ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU ${CPU_SLOWDOWN}× slower.`,
    '',
    '| Measure | Result | Target |',
    '| --- | --- | --- |',
    `| Time to the sign-in form (on screen, its fields enabled), median of ${RUNS} | ${s(median(times))} | < 2 s |`,
    `| Each run | ${times.map(s).join(', ')} | |`,
    `| Time until the app has taken the form over and can send it, median | ${s(median(sendableTimes))} | |`,
    `| Each run | ${sendableTimes.map(s).join(', ')} | |`,
    `| Same run, a bare static page with a password field (same server, profile), median | ${s(median(baselineTimes))} | |`,
    `| Each run | ${baselineTimes.map(s).join(', ')} | |`,
    `| The SPA's own cost to the form (median of the differences, run by run) | ${s(median(times.map((t, i) => t - baselineTimes[i]!)))} | |`,
    `| The SPA's own cost until it can send (same) | ${s(median(sendableTimes.map((t, i) => t - baselineTimes[i]!)))} | |`,
    `| JavaScript of the first load, gzip | ${kb(totalGzip)} | < 150 KB |`,
    `| The same as sent (brotli) | ${kb(totalSent)} | |`,
    '',
    `Machine load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(loadAfter)} after (${cpus} cores).`,
    '',
    `The page itself (\`/login\`, index.html): ${kb(documentSent)} sent, \`content-encoding: ${documentHeaders['content-encoding'] ?? 'none'}\`, \`cache-control: ${documentHeaders['cache-control'] ?? 'none'}\`.`,
    '',
    'Scripts loaded:',
    '',
    ...scripts.map((s) => `- \`${s.url}\`: ${kb(s.gzip)} gzip, ${kb(s.transferred)} sent`),
    '',
  ].join('\n');
  // Written as Prettier would (the lint step checks every file), so a fresh run never fails the lint.
  const prettier = await import('prettier');
  const resultsFile = join(WEB_DIR, 'bench', 'results.md');
  const options = await prettier.resolveConfig(resultsFile);
  const formatted = await prettier.format(report, { ...options, filepath: resultsFile });
  writeFileSync(resultsFile, formatted);
  process.stdout.write(formatted);
} finally {
  server.kill('SIGTERM');
  rmSync(join(DIST, BASELINE), { force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
