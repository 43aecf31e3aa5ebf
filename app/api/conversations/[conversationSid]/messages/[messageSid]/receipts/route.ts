import { NextResponse } from 'next/server';
import { AppError } from '@/lib/api/app-error';
import { withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { conversationService } from '@/lib/twilio/conversation-service';

// Per-recipient delivery receipts of one message (statuses and Twilio error codes).
export const GET = withSession<{ conversationSid: string; messageSid: string }>({}, async ({ params }) => {
  if (!/^IM[0-9a-f]{32}$/.test(params.messageSid)) throw new AppError('not_found', 'No such message.');
  const service = await conversationService();
  const receipts = await service.conversations(parseConversationSid(params.conversationSid)).messages(params.messageSid).deliveryReceipts.list({ limit: 100 });
  return NextResponse.json({ receipts: receipts.map((receipt) => ({ status: receipt.status, errorCode: receipt.errorCode ?? null })) });
});
