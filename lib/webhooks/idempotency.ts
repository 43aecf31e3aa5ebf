import { db } from '@/lib/db/client';

/** True the first time a webhook with this idempotency token arrives; false for Twilio's retries. */
export async function claimWebhook(idempotencyToken: string, eventType: string): Promise<boolean> {
  // ON CONFLICT DO NOTHING, not a caught unique violation: a failed statement costs the pool its
  // connection, and retries come in floods exactly when the app is busiest.
  const { count } = await db.webhookReceipt.createMany({ data: [{ idempotencyToken, eventType }], skipDuplicates: true });
  return count === 1;
}

/** Processing failed: forget the token so Twilio's retry is processed. */
export async function releaseWebhook(idempotencyToken: string): Promise<void> {
  await db.webhookReceipt.deleteMany({ where: { idempotencyToken } });
}
