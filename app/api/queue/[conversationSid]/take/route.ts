import { NextResponse } from 'next/server';
import { AppError } from '@/lib/api/app-error';
import { withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { applyAssignment } from '@/lib/routing/apply-assignment';
import { takeConversation } from '@/lib/routing/take-conversation';

export const POST = withSession<{ conversationSid: string }>({}, async ({ user, params }) => {
  const outcome = await takeConversation({ agentId: user.id, conversationSid: parseConversationSid(params.conversationSid) });
  // Awaited: the agent opens the conversation next, so they must be in it first.
  if (!(await applyAssignment(outcome))) throw new AppError('upstream_error', 'Twilio did not let you join it; it is back in the queue.');
  return NextResponse.json({ conversationSid: outcome.conversationSid });
});
