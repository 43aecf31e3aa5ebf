import { db } from '@/lib/db/client';

const RECEIPT_KEEP_MS = 7 * 24 * 60 * 60_000; // Twilio retries a webhook for far less than this
const PRESENCE_KEEP_MS = 60 * 60_000;
const EVERY_MS = 10 * 60_000;

let lastRun = 0;

/**
 * Webhook receipts, presence rows and sessions only matter for a while; each app instance
 * clears old ones at most every ten minutes, from the traffic that creates them (no scheduler
 * needed).
 */
export function pruneStaleRowsOccasionally(now = Date.now()): void {
  if (now - lastRun < EVERY_MS) return;
  lastRun = now;
  void Promise.all([
    db.webhookReceipt.deleteMany({ where: { receivedAt: { lt: new Date(now - RECEIPT_KEEP_MS) } } }),
    db.conversationPresence.deleteMany({ where: { viewingAt: { lt: new Date(now - PRESENCE_KEEP_MS) } } }),
    db.session.deleteMany({ where: { expiresAt: { lt: new Date(now) } } }),
  ]).catch((error: unknown) => console.warn('Pruning old rows failed; will try again later.', error));
}
