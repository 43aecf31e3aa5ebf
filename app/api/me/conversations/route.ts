import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { listMyConversations } from '@/lib/conversations/list-my-conversations';
import { isConversationSid } from '@/lib/twilio/sids';

// `?sid=`: just that one, when it is the user's (the inbox lists a conversation the moment it is assigned).
export const GET = withSession({}, async ({ req, user }) => {
  const sid = req.nextUrl.searchParams.get('sid');
  const conversations = sid === null ? await listMyConversations(user.id) : isConversationSid(sid) ? await listMyConversations(user.id, { sid }) : [];
  return NextResponse.json({ conversations }, { headers: { 'cache-control': 'no-store' } });
});
