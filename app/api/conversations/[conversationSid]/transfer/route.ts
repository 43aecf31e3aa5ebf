import { after, NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { offerQueuedWork } from '@/lib/routing/offer-queued-work';
import { transferConversation, ZTransfer } from '@/lib/transfers/transfer-conversation';

// Agents transfer their own conversations; supervisors any (the rules decide, lib/transfers).
export const POST = withSession<{ conversationSid: string }>({}, async ({ req, user, params }) => {
  const { to, note } = await readJson(req, ZTransfer);
  const conversationSid = parseConversationSid(params.conversationSid);
  const result = await transferConversation({ actor: user, conversationSid, to, note });
  // Back in the queue: someone else may take it now (not whoever just handed it back).
  if (result.to === null && result.from) {
    const notBackTo = { conversationSid, agentId: result.from };
    after(() => offerQueuedWork({ notBackTo }));
  }
  return NextResponse.json(result);
});
