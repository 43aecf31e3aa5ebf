import path from 'node:path';
import { readConfig } from '@/emulator/src/config';
import { type Emulator, startEmulator } from '@/emulator/src/index';

/**
 * Emulator mode (no Twilio credentials): the Twilio Conversations emulator runs inside this
 * process, its state kept in the data folder (or in memory for a throwaway run).
 */
export async function startLocalEmulator({ dataDir, throwaway }: { dataDir: string; throwaway: boolean }): Promise<Emulator> {
  const config = readConfig(process.env, []);
  try {
    return await startEmulator({
      port: config.port,
      statePath: config.statePath ?? (throwaway ? undefined : path.join(dataDir, 'emulator.json')),
      credentials: config.credentials,
      numbers: config.numbers,
      rateLimit: config.rateLimit,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${config.port} is taken, so the Twilio emulator cannot start. Set EMULATOR_PORT to another port.`);
    }
    throw error;
  }
}
