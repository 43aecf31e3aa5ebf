import { readdirSync, readFileSync } from 'node:fs';

export type Usage = { cpuSeconds: number; residentBytes: number };

/** The Next process's CPU time and memory, from the app's own Prometheus metrics (METRICS_TOKEN). */
export async function appMetrics(url: string, token: string): Promise<Usage> {
  const text = await (await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { cpuSeconds: value('switchboard_process_process_cpu_seconds_total'), residentBytes: value('switchboard_process_process_resident_memory_bytes') };
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const PAGE_BYTES = 4096;

/**
 * CPU time and resident memory of every process in a process group, from /proc: the whole app
 * (the runner holding the embedded database, and Next), where the metrics see only Next.
 */
export function processGroupUsage(group: number): Usage {
  let ticks = 0;
  let pages = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // Fields after the command (which may hold spaces): state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== group) continue; // pgrp
    ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    pages += Number(fields[21]); // rss
  }
  return { cpuSeconds: ticks / TICKS_PER_SECOND, residentBytes: pages * PAGE_BYTES };
}

/** CPU use between two readings as a percentage of one core. */
export const cpuPercent = (before: Usage, after: Usage, seconds: number) => Math.round(((after.cpuSeconds - before.cpuSeconds) / seconds) * 100);
export const mebibytes = (bytes: number) => Math.round(bytes / 2 ** 20);
