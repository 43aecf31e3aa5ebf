import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { readRecentMessages } from '@/lib/conversations/read-conversation';
import { sendAsUser, ZSendMessage } from '@/lib/conversations/send-as-user';

export const GET = withSession<{ conversationSid: string }>({}, async ({ params }) =>
  NextResponse.json(await readRecentMessages(parseConversationSid(params.conversationSid)), { headers: { 'cache-control': 'no-store' } }),
);

export const POST = withSession<{ conversationSid: string }>({}, async ({ req, user, params }) => {
  const { body } = await readJson(req, ZSendMessage);
  const sent = await sendAsUser({ user, conversationSid: parseConversationSid(params.conversationSid), body });
  return NextResponse.json(sent, { status: 201 });
});
