import { after } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { closeConversation } from '@/lib/conversations/close-conversation';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { offerQueuedWork } from '@/lib/routing/offer-queued-work';

export const POST = withSession<{ conversationSid: string }>({}, async ({ user, params }) => {
  await closeConversation({ user, conversationSid: parseConversationSid(params.conversationSid) });
  // The freed capacity may take the oldest waiting conversation.
  after(offerQueuedWork);
  return new Response(null, { status: 204 });
});
