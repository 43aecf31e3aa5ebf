import { spawn } from 'node:child_process';
import path from 'node:path';
import type { RunMode } from './config';

/** Runs `next dev|start` in the foreground (on `host`, or Next's default of every interface); resolves with its exit code. */
export function runNext({ mode, port, host, args, env }: { mode: RunMode; port: number; host?: string; args: string[]; env: NodeJS.ProcessEnv }): Promise<number> {
  const next = spawn(path.resolve('node_modules/.bin/next'), [mode, '-p', String(port), ...(host ? ['-H', host] : []), ...args], {
    env,
    stdio: 'inherit',
  });
  // Ctrl-C reaches the whole process group; a plain `kill` of this runner must reach Next too.
  const forward = (signal: NodeJS.Signals) => next.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    next.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}
