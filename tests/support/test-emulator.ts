import { startEmulator, type Emulator } from 'conversations-emulator';

/** An in-memory emulator on a free port, wired as this process's Twilio (emulator mode). */
export async function startTestEmulator(): Promise<Emulator> {
  const emulator = await startEmulator({ port: 0, rateLimit: false });
  process.env.EMULATOR_URL = emulator.url;
  return emulator;
}
