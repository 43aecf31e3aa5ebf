import { cpus } from 'node:os';
import { cpuPercent } from './app-metrics';
import { type ProcessReading, readMachineCpu, readProcesses, totalOf } from './proc-stat';

/** The parts of a benchmark that share the machine (the app, the emulator, the database, the benchmark itself), each picked out of /proc. */
export type CpuParts = Record<string, (reading: ProcessReading) => boolean>;
export type CpuReading = { machine: ReturnType<typeof readMachineCpu>; parts: Record<string, { cpuSeconds: number }> };

/** CPU time so far of each part, and of the machine. */
export function readCpu(parts: CpuParts): CpuReading {
  const processes = readProcesses();
  const cpuOf = (isPart: (reading: ProcessReading) => boolean) => ({ cpuSeconds: totalOf(processes.filter(isPart)).cpuSeconds });
  return { machine: readMachineCpu(), parts: Object.fromEntries(Object.entries(parts).map(([name, isPart]) => [name, cpuOf(isPart)])) };
}

/**
 * Between two readings: each part's CPU as a percentage of one core, and how busy the whole
 * machine was (a percentage of all its cores) — whether a latency figure was the app's own or a
 * machine with nothing to spare. A process that ended in between is not counted.
 */
export function cpuShares(before: CpuReading, after: CpuReading, seconds: number) {
  const machineTotal = after.machine.totalSeconds - before.machine.totalSeconds;
  return {
    cores: cpus().length, // the machine's, whatever this process is pinned to
    machineBusyPercent: machineTotal > 0 ? Math.round(((after.machine.busySeconds - before.machine.busySeconds) / machineTotal) * 100) : null,
    percentOfACore: Object.fromEntries(Object.keys(after.parts).map((name) => [name, cpuPercent(before.parts[name] ?? { cpuSeconds: 0 }, after.parts[name]!, seconds)])),
  };
}
