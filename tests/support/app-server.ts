import { spawn } from 'node:child_process';
import { DEFAULT_CREDENTIALS } from 'conversations-emulator/client';
import { freePort } from './free-port';

export type AppServer = {
  url: string;
  emulatorUrl: string;
  /** The server's process group: npm, the runner (with the embedded database) and Next. */
  processGroup: number;
  stop(): Promise<void>;
};

/**
 * The production build (`npm start`) on a throwaway embedded database with its emulator on a
 * free port, as a user would run it; the emulator's rate limit is off so seeding is quick.
 * Starting takes a while on a busy machine (migrations on the embedded database, Next): a
 * server that is not up in time is stopped, not left behind. `emulatorUrl`: an emulator already
 * running (with the well-known credentials) instead of the one the runner starts in its process.
 */
export async function startAppServer({ startTimeoutMs = 300_000, emulatorUrl }: { startTimeoutMs?: number; emulatorUrl?: string } = {}): Promise<AppServer> {
  const [port, emulatorPort] = [await freePort(), await freePort()];
  const child = spawn('npm', ['run', 'start', '--', '-p', String(port)], {
    env: {
      ...process.env,
      SWITCHBOARD_DB: 'memory',
      ...(emulatorUrl ? { EMULATOR_URL: emulatorUrl } : { EMULATOR_PORT: String(emulatorPort) }),
      EMULATOR_RATE_LIMIT: 'off',
      // The benchmarks drive the emulator with its well-known credentials.
      EMULATOR_AUTH_TOKEN: DEFAULT_CREDENTIALS.authToken,
      EMULATOR_API_SECRET: DEFAULT_CREDENTIALS.apiSecret,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    // Its own process group, so stopping it stops npm, the runner and Next together.
    detached: true,
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
  return { url, emulatorUrl: emulatorUrl ?? `http://127.0.0.1:${emulatorPort}`, processGroup: child.pid!, stop };
}
