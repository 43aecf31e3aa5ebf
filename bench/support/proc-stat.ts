import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const PAGE_BYTES = 4096;

export type ProcessReading = { pid: number; command: string; group: number; cpuSeconds: number; residentBytes: number };

/** The CPU time and resident memory of some processes, together. */
export function totalOf(readings: ProcessReading[]): { cpuSeconds: number; residentBytes: number } {
  return readings.reduce((total, reading) => ({ cpuSeconds: total.cpuSeconds + reading.cpuSeconds, residentBytes: total.residentBytes + reading.residentBytes }), { cpuSeconds: 0, residentBytes: 0 });
}

/** Every process on the machine as /proc has it now: its command, process group, CPU time so far and resident memory. */
export function readProcesses(): ProcessReading[] {
  const readings: ProcessReading[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // The command is in parentheses and may hold spaces; the fields after it start at state (field 3).
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    readings.push({
      pid: Number(pid),
      command,
      group: Number(fields[2]), // pgrp
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND, // utime + stime
      residentBytes: Number(fields[21]) * PAGE_BYTES, // rss
    });
  }
  return readings;
}

/** The machine's CPU time so far, busy and in all, summed over its cores (the first line of /proc/stat). */
export function readMachineCpu(): { busySeconds: number; totalSeconds: number } {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = ticks.map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busySeconds: busy / TICKS_PER_SECOND, totalSeconds: (busy + idle! + iowait!) / TICKS_PER_SECOND };
}
