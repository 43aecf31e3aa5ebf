import { db } from '@/lib/db/client';

const RECEIPT_KEEP_MS = 7 * 24 * 60 * 60_000; // Twilio retries a webhook for far less than this
const EVERY_MS = 10 * 60_000;

let lastRun = 0;

/**
 * Webhook receipts and sessions only matter for a while; each app instance clears old ones at
 * most every ten minutes, from the traffic that creates them (no scheduler needed). Presence rows
 * are swept by the instances holding event streams (lib/live/local-streams.ts).
 */
export function pruneStaleRowsOccasionally(now = Date.now()): void {
  if (now - lastRun < EVERY_MS) return;
  lastRun = now;
  void Promise.all([
    db.webhookReceipt.deleteMany({ where: { receivedAt: { lt: new Date(now - RECEIPT_KEEP_MS) } } }),
    db.session.deleteMany({ where: { expiresAt: { lt: new Date(now) } } }),
  ]).catch((error: unknown) => console.warn('Pruning old rows failed; will try again later.', error));
}
