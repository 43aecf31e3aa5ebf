import { NextResponse } from 'next/server';
import { AppError } from '@/lib/api/app-error';
import { withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { conversationService } from '@/lib/twilio/conversation-service';
import { MESSAGE_SID } from '@/lib/twilio/sids';
import { notFoundFromTwilio } from '@/lib/twilio/twilio-errors';

// Per-recipient delivery receipts of one message (statuses and Twilio error codes).
export const GET = withSession<{ conversationSid: string; messageSid: string }>({}, async ({ params }) => {
  if (!MESSAGE_SID.test(params.messageSid)) throw new AppError('not_found', 'No such message.');
  const service = await conversationService();
  const receipts = await service
    .conversations(parseConversationSid(params.conversationSid))
    .messages(params.messageSid)
    .deliveryReceipts.list({ limit: 100 })
    .catch((error: unknown) => {
      throw notFoundFromTwilio(error, 'No such message.');
    });
  return NextResponse.json({ receipts: receipts.map((receipt) => ({ status: receipt.status, errorCode: receipt.errorCode ?? null })) });
});
