import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { listMyConversations } from '@/lib/conversations/list-my-conversations';

export const GET = withSession({}, async ({ user }) =>
  NextResponse.json({ conversations: await listMyConversations(user.id) }, { headers: { 'cache-control': 'no-store' } }),
);
