import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { sendTemplate, ZSendTemplate } from '@/lib/templates/send-template';

/** Sends an approved content template (WhatsApp outside its 24-hour window, or any time). */
export const POST = withSession<{ conversationSid: string }>({}, async ({ req, user, params }) => {
  const input = await readJson(req, ZSendTemplate);
  const sent = await sendTemplate({ user, conversationSid: parseConversationSid(params.conversationSid), input });
  return NextResponse.json(sent, { status: 201 });
});
