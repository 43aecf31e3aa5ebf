import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readConfig } from 'conversations-emulator/client';
import { type Emulator, type EmulatorOptions, startEmulator, TwilioError } from 'conversations-emulator';

export type LocalEmulator = {
  readonly url: string;
  readonly numbers: readonly string[];
  close(): Promise<void>;
};

/** How long the emulator stays down during a restart: long enough for clients to notice. */
const RESTART_DOWN_MS = 1_500;

/**
 * Emulator mode (no Twilio credentials): the Twilio Conversations emulator runs inside this
 * process, its state kept in the data folder (or in memory for a throwaway run, unless
 * EMULATOR_STATE names a file).
 *
 * `POST /emulator/v1/Restart` simulates an outage: the emulator closes every connection,
 * stops, and starts again on the same port from its state file — what a crash and restart
 * does, so browsers can be seen reconnecting without losing or doubling anything.
 */
type Options = {
  dataDir: string;
  throwaway: boolean;
  /** The interface to listen on (the demo's: loopback unless SWITCHBOARD_HOST says otherwise). */
  host: string;
  /** The app's origin: its customer-phone page calls the control API (plus EMULATOR_CONTROL_ORIGINS). */
  appOrigin: string;
};

export async function startLocalEmulator({ dataDir, throwaway, host, appOrigin }: Options): Promise<LocalEmulator> {
  const config = readConfig(process.env, []);
  const options: EmulatorOptions = {
    ...config,
    host,
    controlOrigins: [appOrigin, ...config.controlOrigins],
    statePath: config.statePath ?? (throwaway ? undefined : path.join(dataDir, 'emulator.json')),
  };
  if (options.statePath) fs.mkdirSync(path.dirname(path.resolve(options.statePath)), { recursive: true });
  let current = await start(options);
  let restarting: Promise<void> | null = null;

  const restart = async () => {
    await current.close();
    await sleep(RESTART_DOWN_MS);
    current = await start(options);
    addRestartRoute(current);
  };
  const addRestartRoute = (emulator: Emulator) =>
    emulator.controlRoutes.post('/emulator/v1/Restart', () => {
      if (!options.statePath) throw new TwilioError(20001, 409, 'A restart needs a state file (EMULATOR_STATE or a data folder).');
      // Answer first: the server this request came in on is about to close.
      setImmediate(() => {
        restarting ??= restart().finally(() => (restarting = null));
      });
      return { status: 202, json: { restarting: true, down_ms: RESTART_DOWN_MS } };
    });
  addRestartRoute(current);

  return {
    // Listening on every interface, it is still reached on loopback from here.
    get url() {
      return isWildcard(host) ? `http://127.0.0.1:${current.port}` : current.url;
    },
    numbers: current.numbers,
    async close() {
      await restarting;
      await current.close();
    },
  };
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::';

async function start(options: EmulatorOptions): Promise<Emulator> {
  try {
    return await startEmulator(options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${options.port} is taken, so the Twilio emulator cannot start. Set EMULATOR_PORT to another port.`);
    }
    throw error;
  }
}
