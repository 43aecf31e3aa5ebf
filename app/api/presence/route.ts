import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { listViewers, reportPresence } from '@/lib/collision/conversation-presence';
import { ZPresenceReport } from '@/lib/collision/presence-rules';

// Collision detection: who is viewing (and typing in) which conversation, across app instances.
export const GET = withSession({}, async () => NextResponse.json({ viewers: await listViewers() }, { headers: { 'cache-control': 'no-store' } }));

export const POST = withSession({}, async ({ req, user }) => {
  const { conversationSid, typing } = await readJson(req, ZPresenceReport);
  await reportPresence({ userId: user.id, conversationSid, typing });
  return new Response(null, { status: 204 });
});
