import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { readContactOfConversation } from '@/lib/contacts/read-contact';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';

// The person behind a conversation, with their history: null for a group or a team chat, and for
// a contact this user may not see.
export const GET = withSession<{ conversationSid: string }>({}, async ({ user, params }) =>
  NextResponse.json({ contact: await readContactOfConversation(user, parseConversationSid(params.conversationSid)) }, { headers: { 'cache-control': 'no-store' } }),
);
