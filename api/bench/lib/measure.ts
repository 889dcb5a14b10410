import { performance } from 'node:perf_hooks';

export interface Latency {
  iterations: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Runs `fn` `warmup` times unmeasured, then `iterations` times one after another, timing each. */
export async function timeIt(
  fn: () => Promise<void>,
  { warmup, iterations }: { warmup: number; iterations: number },
): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    iterations,
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    maxMs: round(samples[samples.length - 1] ?? Number.NaN),
  };
}

/** Seconds since `start` (a `performance.now()`), to one decimal. */
export function secondsSince(start: number): number {
  return Math.round((performance.now() - start) / 100) / 10;
}
