import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { startConversation } from '@/lib/conversations/start-conversation';
import { ZStartConversation } from '@/lib/conversations/start-conversation-schema';

export const POST = withSession({}, async ({ req, user }) => {
  const input = await readJson(req, ZStartConversation);
  return NextResponse.json(await startConversation({ agentId: user.id, input }), { status: 201 });
});
