import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { ZConversationLabels } from '@/lib/labels/label-schema';
import { setConversationLabels } from '@/lib/labels/set-conversation-labels';

// The conversation's labels, all at once: whoever may write in it (setConversationLabels checks).
export const PUT = withSession<{ conversationSid: string }>({}, async ({ req, user, params }) => {
  const { labelIds } = await readJson(req, ZConversationLabels);
  return NextResponse.json({ labelIds: await setConversationLabels({ user, conversationSid: parseConversationSid(params.conversationSid), labelIds }) });
});
