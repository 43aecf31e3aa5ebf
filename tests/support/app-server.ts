import { spawn } from 'node:child_process';
import { DEFAULT_CREDENTIALS } from 'conversations-emulator/client';
import { freePort } from './free-port';

export type AppServer = {
  url: string;
  emulatorUrl: string;
  /** Passwords of the demo team when the app created it with random ones (a real database). */
  demoPasswords: ReadonlyMap<string, string>;
  /** The server's process group: npm, the runner (with the embedded database) and Next. */
  processGroup: number;
  stop(): Promise<void>;
};

type StartOptions = {
  startTimeoutMs?: number;
  /** Another checkout of the app to run (a benchmark compares designs); this one by default. */
  cwd?: string;
  /** A PostgreSQL database instead of the throwaway embedded one. */
  databaseUrl?: string;
  /** An emulator already running (with its default credentials) instead of one of its own. */
  emulatorUrl?: string;
};

/**
 * The production build (`npm start`) on a throwaway embedded database (or the PostgreSQL given)
 * with its emulator on a free port (or the one given), as a user would run it; the emulator's
 * rate limit is off so seeding is quick.
 * Starting takes a while on a busy machine (migrations on the embedded database, Next): a
 * server that is not up in time is stopped, not left behind.
 */
export async function startAppServer({ startTimeoutMs = 300_000, cwd, databaseUrl, emulatorUrl }: StartOptions = {}): Promise<AppServer> {
  const [port, emulatorPort] = [await freePort(), await freePort()];
  const child = spawn('npm', ['run', 'start', '--', '-p', String(port)], {
    cwd,
    env: {
      ...process.env,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { SWITCHBOARD_DB: 'memory' }),
      ...(emulatorUrl ? { EMULATOR_URL: emulatorUrl } : { EMULATOR_PORT: String(emulatorPort) }),
      EMULATOR_RATE_LIMIT: 'off',
      // The benchmarks drive the emulator with its well-known credentials.
      EMULATOR_AUTH_TOKEN: DEFAULT_CREDENTIALS.authToken,
      EMULATOR_API_SECRET: DEFAULT_CREDENTIALS.apiSecret,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group, so stopping it stops npm, the runner and Next together.
    detached: true,
  });
  // The start-up prints the demo team's passwords once when it makes random ones.
  const demoPasswords = new Map<string, string>();
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_096);
    for (const [, email, password] of output.matchAll(/^ {4}\S+\s+(\S+@\S+)\s+(\S+)$/gm)) demoPasswords.set(email!, password!);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGINT');
    });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error('the app did not start');
    }
    const ok = await fetch(`${url}/login`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, emulatorUrl: emulatorUrl ?? `http://127.0.0.1:${emulatorPort}`, demoPasswords, processGroup: child.pid!, stop };
}
