import 'server-only';
import { db } from '@/lib/db/client';
import { LIVE_CHANNEL } from './live-channel';

/** A statement's worth: 500 payloads of at most 7,900 bytes each. */
const MAX_PER_STATEMENT = 500;

type Waiting = { payload: string; sent: () => void; failed: (error: unknown) => void };
const waiting: Waiting[] = [];
let sending = false;

/**
 * NOTIFYs a payload on the live channel, together with whatever else is published meanwhile: while
 * one statement is on its way, the next payloads wait and then go out in one (in the order they
 * were published), so a busy instance spends a statement per batch, not per event, and an idle
 * one sends at once. Resolves when the payload's statement has run; fails with it.
 */
export function notifyTogether(payload: string): Promise<void> {
  return new Promise((sent, failed) => {
    waiting.push({ payload, sent, failed });
    // On the next microtask: what the same turn of work publishes goes out together.
    if (!sending) {
      sending = true;
      queueMicrotask(() => void sendWaiting());
    }
  });
}

async function sendWaiting(): Promise<void> {
  while (waiting.length > 0) {
    const batch = waiting.splice(0, MAX_PER_STATEMENT);
    try {
      // Volatile functions run after the sort: the notifications keep the published order.
      await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, event.payload) FROM unnest(${batch.map(({ payload }) => payload)}::text[]) WITH ORDINALITY AS event(payload, position) ORDER BY event.position`;
      for (const { sent } of batch) sent();
    } catch (error) {
      for (const { failed } of batch) failed(error);
    }
  }
  sending = false;
}
