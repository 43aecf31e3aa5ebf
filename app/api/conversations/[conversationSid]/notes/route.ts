import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { assertCanWrite } from '@/lib/conversations/conversation-access';
import { addNote, listNotes, ZNote } from '@/lib/notes/notes';

export const GET = withSession<{ conversationSid: string }>({}, async ({ params }) =>
  NextResponse.json({ notes: await listNotes(parseConversationSid(params.conversationSid)) }, { headers: { 'cache-control': 'no-store' } }),
);

// Notes are part of working a conversation: its owner and supervisors write them.
export const POST = withSession<{ conversationSid: string }>({}, async ({ req, user, params }) => {
  const conversationSid = parseConversationSid(params.conversationSid);
  const { body } = await readJson(req, ZNote);
  await assertCanWrite(user, conversationSid);
  return NextResponse.json({ note: await addNote({ author: user, conversationSid, body }) }, { status: 201 });
});
