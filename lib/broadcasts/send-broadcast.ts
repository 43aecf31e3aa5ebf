import 'server-only';
import { db } from '@/lib/db/client';
import { log } from '@/lib/observability/log';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { twilioErrorOf } from '@/lib/twilio/twilio-errors';
import { announceProgress } from './announce-progress';
import { messageStatusUrl } from './message-status-url';

/** Messages per second from one number (Twilio queues beyond its throughput; we stay under it). */
const ratePerSecond = () => Math.max(1, Number(process.env.BROADCAST_MESSAGES_PER_SECOND ?? 25));
const IN_FLIGHT = 8;
const BATCH = 200;
const MAX_ATTEMPTS = 6;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Twilio's 429: wait as long as it says, or back off exponentially (with jitter). */
const backoffMs = (attempt: number, error: unknown) => {
  const retryAfter = Number((error as { headers?: Record<string, string> }).headers?.['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  return Math.min(30_000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
};

type Outcome = { messageSid: string } | { failed: { code: string; message: string } };

async function sendOne(broadcast: { fromNumber: string; body: string }, to: string): Promise<Outcome> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const message = await getTwilioClient().messages.create({ from: broadcast.fromNumber, to, body: broadcast.body, statusCallback: messageStatusUrl() });
      return { messageSid: message.sid };
    } catch (error) {
      const { status, code, message } = twilioErrorOf(error);
      if (status === 429 && attempt < MAX_ATTEMPTS) {
        await sleep(backoffMs(attempt, error));
        continue;
      }
      return { failed: { code: String(code ?? status ?? 'error'), message: message ?? 'Twilio refused the message.' } };
    }
  }
}

/**
 * Sends a broadcast's pending recipients, paced to the number's throughput with a few requests in
 * flight, backing off on 429. Each recipient's outcome is written as it happens, so the rows say
 * exactly where it stands (an app restart mid-send leaves the rest PENDING: not resumed on its own,
 * since two instances resuming one broadcast would text customers twice); supervisors' screens hear
 * about progress on the live stream.
 */
export async function sendBroadcast(broadcastId: string): Promise<void> {
  const broadcast = await db.broadcast.findUnique({ where: { id: broadcastId }, select: { id: true, fromNumber: true, body: true } });
  if (!broadcast) return;
  const interval = 1000 / ratePerSecond();
  for (;;) {
    const batch = await db.broadcastRecipient.findMany({ where: { broadcastId, status: 'PENDING' }, select: { id: true, address: true }, orderBy: { id: 'asc' }, take: BATCH });
    if (batch.length === 0) break;
    const inFlight = new Set<Promise<void>>();
    let nextStart = Date.now();
    for (const recipient of batch) {
      const wait = nextStart - Date.now();
      if (wait > 0) await sleep(wait);
      nextStart = Math.max(nextStart, Date.now()) + interval;
      const work = (async () => {
        const outcome = await sendOne(broadcast, recipient.address);
        await db.broadcastRecipient.update({
          where: { id: recipient.id },
          data: 'messageSid' in outcome ? { status: 'QUEUED', messageSid: outcome.messageSid } : { status: 'FAILED', errorCode: outcome.failed.code, errorMessage: outcome.failed.message },
        });
        await announceProgress(broadcastId);
      })().catch((error: unknown) => log.warn('broadcast.recipient_failed', { broadcastId, error }));
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }
  await db.broadcast.update({ where: { id: broadcastId }, data: { status: 'SENT', finishedAt: new Date() } });
  await announceProgress(broadcastId, { now: true });
}
