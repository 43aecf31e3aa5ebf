import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CREDENTIALS } from 'conversations-emulator/client';
import { freePort } from '../../tests/support/free-port';

export type EmulatorProcess = {
  url: string;
  port: number;
  pid: number;
  serviceSid: string;
  /** Resident set size of the emulator process, from /proc (bytes). */
  rss(): number;
  stop(): Promise<void>;
};

/**
 * `npm run emulator` in a child process, so the emulator has a core of its own and its memory can be
 * read apart from the clients' (the bench process holds the SDK clients or the light protocol clients).
 */
export async function startEmulatorProcess(extraEnv: Record<string, string> = {}): Promise<EmulatorProcess> {
  const port = await freePort();
  const bin = fileURLToPath(new URL('bin/conversations-emulator.js', import.meta.resolve('conversations-emulator/package.json')));
  const child: ChildProcess = spawn(process.execPath, [bin, '--port', String(port)], {
    env: { ...process.env, EMULATOR_RATE_LIMIT: 'off', ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  let serviceSid = '';
  while (!serviceSid) {
    if (Date.now() > deadline) throw new Error('emulator did not start');
    try {
      const health = (await (await fetch(`${url}/emulator/v1/Health`)).json()) as { default_service_sid?: string };
      serviceSid = health.default_service_sid ?? '';
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const pid = child.pid ?? 0;
  return {
    url,
    port,
    pid,
    serviceSid,
    rss: () => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? '0');
      return kb * 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const credentials = DEFAULT_CREDENTIALS;
