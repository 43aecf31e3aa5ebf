import { startEmulator, type Emulator, type EmulatorOptions } from 'conversations-emulator';

/**
 * An in-memory emulator on a free port, wired as this process's Twilio (emulator mode). Webhook
 * retries take milliseconds, so a test can see them run out.
 */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const quiet = { info: () => undefined, warn: () => undefined };
  const emulator = await startEmulator({
    port: 0,
    rateLimit: false,
    ...options,
    carrier: { receiptDelays: { sentMs: 0, deliveredMs: 0 }, logger: quiet, ...options.carrier },
    webhooks: { retryDelaysMs: [10, 20, 40], logger: quiet, ...options.webhooks },
  });
  process.env.EMULATOR_URL = emulator.url;
  return emulator;
}
