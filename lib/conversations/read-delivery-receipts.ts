import { AppError } from '@/lib/api/app-error';
import { conversationService } from '@/lib/twilio/conversation-service';
import { MESSAGE_SID } from '@/lib/twilio/sids';
import { notFoundFromTwilio } from '@/lib/twilio/twilio-errors';
import { parseConversationSid } from './conversation-sid';

export type DeliveryReceipt = { status: string; errorCode: number | null };

/** Per-recipient delivery receipts of one message (statuses and Twilio error codes); SIDs as in the URL. */
export async function readDeliveryReceipts({ conversationSid, messageSid }: { conversationSid: string; messageSid: string }): Promise<DeliveryReceipt[]> {
  if (!MESSAGE_SID.test(messageSid)) throw new AppError('not_found', 'No such message.');
  const service = await conversationService();
  const receipts = await service
    .conversations(parseConversationSid(conversationSid))
    .messages(messageSid)
    .deliveryReceipts.list({ limit: 100 })
    .catch((error: unknown) => {
      throw notFoundFromTwilio(error, 'No such message.');
    });
  return receipts.map((receipt) => ({ status: receipt.status, errorCode: receipt.errorCode ?? null }));
}
