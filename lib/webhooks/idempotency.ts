import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';

/** True the first time a webhook with this idempotency token arrives; false for Twilio's retries. */
export async function claimWebhook(idempotencyToken: string, eventType: string): Promise<boolean> {
  try {
    await db.webhookReceipt.create({ data: { idempotencyToken, eventType } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Processing failed: forget the token so Twilio's retry is processed. */
export async function releaseWebhook(idempotencyToken: string): Promise<void> {
  await db.webhookReceipt.deleteMany({ where: { idempotencyToken } });
}
