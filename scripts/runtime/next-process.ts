import { spawn } from 'node:child_process';
import path from 'node:path';
import type { RunMode } from './config';

/**
 * How long the production server keeps an idle connection open. Node's default is 5 s: every browser
 * (and every agent's tab between two actions) that paused longer reconnects, all at once when traffic
 * returns — in the team benchmark each burst then waited 5 s for its connections. A minute also
 * outlasts the idle timeout of the usual proxy or load balancer in front (60 s), which must close first.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Runs `next dev|start` in the foreground (on `host`, or Next's default of every interface); resolves with its exit code. */
export function runNext({ mode, port, host, args, env }: { mode: RunMode; port: number; host?: string; args: string[]; env: NodeJS.ProcessEnv }): Promise<number> {
  const keepAlive = mode === 'start' && !args.some((arg) => arg.startsWith('--keepAliveTimeout')) ? ['--keepAliveTimeout', String(KEEP_ALIVE_TIMEOUT_MS)] : [];
  const next = spawn(path.resolve('node_modules/.bin/next'), [mode, '-p', String(port), ...(host ? ['-H', host] : []), ...keepAlive, ...args], {
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
