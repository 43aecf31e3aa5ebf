import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { latestHandoff } from '@/lib/transfers/latest-handoff';

export const GET = withSession<{ conversationSid: string }>({}, async ({ params }) =>
  NextResponse.json({ handoff: await latestHandoff(parseConversationSid(params.conversationSid)) }, { headers: { 'cache-control': 'no-store' } }),
);
