import { db } from '@/lib/db/client';
import { getTwilioClient } from '@/lib/twilio/rest-client';

export type Health = { status: 'ok' | 'degraded'; checks: { database: 'ok' | 'unreachable'; twilio: 'ok' | 'unreachable' } };

const TIMEOUT_MS = 3_000;
// Probes poll often; Twilio's API has a rate limit and a bill: ask it at most this often.
const TWILIO_CACHE_MS = 15_000;

let twilioCheck: { at: number; ok: Promise<boolean> } | undefined;

/** Whether the database answers and Twilio (or the emulator) answers the app's credentials. */
export async function checkHealth(now = Date.now()): Promise<Health> {
  if (!twilioCheck || now - twilioCheck.at >= TWILIO_CACHE_MS) {
    twilioCheck = { at: now, ok: succeeds(() => getTwilioClient().conversations.v1.configuration().fetch()) };
  }
  const [database, twilio] = await Promise.all([succeeds(() => db.$queryRaw`SELECT 1`), twilioCheck.ok]);
  return {
    status: database && twilio ? 'ok' : 'degraded',
    checks: { database: database ? 'ok' : 'unreachable', twilio: twilio ? 'ok' : 'unreachable' },
  };
}

async function succeeds(probe: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), TIMEOUT_MS)));
  try {
    return await Promise.race([probe().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
