import { readJson, withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { snoozeConversation, unsnoozeConversation } from '@/lib/snooze/snooze-conversation';
import { ZSnooze } from '@/lib/snooze/snooze-schema';

// Snooze (until a time and/or the customer's reply) and unsnooze: whoever may write in it.
export const PUT = withSession<{ conversationSid: string }>({}, async ({ req, user, params }) => {
  await snoozeConversation({ user, conversationSid: parseConversationSid(params.conversationSid), snooze: await readJson(req, ZSnooze) });
  return new Response(null, { status: 204 });
});

export const DELETE = withSession<{ conversationSid: string }>({}, async ({ user, params }) => {
  await unsnoozeConversation({ user, conversationSid: parseConversationSid(params.conversationSid) });
  return new Response(null, { status: 204 });
});
