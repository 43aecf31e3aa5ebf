import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { readDeliveryReceipts } from '@/lib/conversations/read-delivery-receipts';

export const GET = withSession<{ conversationSid: string; messageSid: string }>({}, async ({ params }) =>
  NextResponse.json({ receipts: await readDeliveryReceipts(params) }),
);
