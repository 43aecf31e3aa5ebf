import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { transferConversation, ZTransfer } from '@/lib/transfers/transfer-conversation';

// Agents transfer their own conversations; supervisors any (the rules decide, lib/transfers).
export const POST = withSession<{ conversationSid: string }>({}, async ({ req, user, params }) => {
  const { to, note } = await readJson(req, ZTransfer);
  const result = await transferConversation({ actor: user, conversationSid: parseConversationSid(params.conversationSid), to, note });
  return NextResponse.json(result);
});
