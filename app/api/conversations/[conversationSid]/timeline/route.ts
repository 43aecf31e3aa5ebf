import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { customerTimeline } from '@/lib/orchestration/customer-timeline';

// Everyone on the team reads a conversation; its customer's timeline is part of reading it.
export const GET = withSession<{ conversationSid: string }>({}, async ({ params }) =>
  NextResponse.json({ timeline: await customerTimeline(parseConversationSid(params.conversationSid)) }, { headers: { 'cache-control': 'no-store' } }),
);
