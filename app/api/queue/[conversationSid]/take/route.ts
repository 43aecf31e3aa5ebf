import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { applyAssignment } from '@/lib/routing/apply-assignment';
import { takeConversation } from '@/lib/routing/take-conversation';

export const POST = withSession<{ conversationSid: string }>({}, async ({ user, params }) => {
  const outcome = await takeConversation({ agentId: user.id, conversationSid: parseConversationSid(params.conversationSid) });
  // Awaited: the agent opens the conversation next, so they must be in it first.
  await applyAssignment(outcome);
  return NextResponse.json({ conversationSid: outcome.conversationSid });
});
