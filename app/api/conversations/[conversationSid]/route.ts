import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { readConversation } from '@/lib/conversations/read-conversation';

// Everyone on the team may read a conversation (read-only unless they own it or supervise).
export const GET = withSession<{ conversationSid: string }>({}, async ({ user, params }) =>
  NextResponse.json({ conversation: await readConversation(user, parseConversationSid(params.conversationSid)) }, { headers: { 'cache-control': 'no-store' } }),
);
