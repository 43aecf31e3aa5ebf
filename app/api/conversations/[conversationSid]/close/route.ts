import { withSession } from '@/lib/api/with-session';
import { closeConversation } from '@/lib/conversations/close-conversation';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';

export const POST = withSession<{ conversationSid: string }>({}, async ({ user, params }) => {
  await closeConversation({ user, conversationSid: parseConversationSid(params.conversationSid) });
  return new Response(null, { status: 204 });
});
