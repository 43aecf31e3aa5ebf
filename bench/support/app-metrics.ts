import { readProcesses, totalOf } from './proc-stat';

export type Usage = { cpuSeconds: number; residentBytes: number };

export type AppMetrics = Usage & {
  /** The webhook answer-time histogram: upper bound (s) → cumulative count; empty on a build without it. */
  webhookBuckets: Map<number, number>;
};

/**
 * The Next process's CPU time, memory and webhook timings, from the app's own Prometheus metrics;
 * unknown (NaN, no buckets) when an overloaded app does not answer within a minute.
 */
export async function readAppMetrics(url: string, token: string): Promise<AppMetrics> {
  const response = await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(60_000) }).catch(() => null);
  const text = (await response?.text().catch(() => '')) ?? '';
  const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text)?.[1] ?? Number.NaN);
  const webhookBuckets = new Map<number, number>();
  for (const [, le, count] of text.matchAll(/^switchboard_webhook_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)) {
    webhookBuckets.set(le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), Number(count));
  }
  return {
    cpuSeconds: value('switchboard_process_process_cpu_seconds_total'),
    residentBytes: value('switchboard_process_process_resident_memory_bytes'),
    webhookBuckets,
  };
}

/**
 * The p-th percentile of webhook answer times between two readings, in ms, as the upper bound
 * of the histogram bucket it falls in (so "≤ this"); null when the build has no such histogram.
 */
export function webhookPercentileMs(before: AppMetrics, after: AppMetrics, p: number): { atMostMs: number; samples: number } | null {
  const bounds = [...after.webhookBuckets.keys()].sort((a, b) => a - b);
  const total = (after.webhookBuckets.get(Number.POSITIVE_INFINITY) ?? 0) - (before.webhookBuckets.get(Number.POSITIVE_INFINITY) ?? 0);
  if (bounds.length === 0 || total === 0) return null;
  const wanted = Math.ceil((p / 100) * total);
  const bound = bounds.find((le) => (after.webhookBuckets.get(le) ?? 0) - (before.webhookBuckets.get(le) ?? 0) >= wanted)!;
  return { atMostMs: bound * 1_000, samples: total };
}

/**
 * CPU time and resident memory of every process in a process group, from /proc: the whole app
 * (the runner holding the embedded database, and Next), where the metrics see only Next.
 */
export function processGroupUsage(group: number): Usage {
  return totalOf(readProcesses().filter((reading) => reading.group === group));
}

/** CPU use between two readings as a percentage of one core. */
export const cpuPercent = (before: Pick<Usage, 'cpuSeconds'>, after: Pick<Usage, 'cpuSeconds'>, seconds: number) => Math.round(((after.cpuSeconds - before.cpuSeconds) / seconds) * 100);
export const mebibytes = (bytes: number) => Math.round(bytes / 2 ** 20);
