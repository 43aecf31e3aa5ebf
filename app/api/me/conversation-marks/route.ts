import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { readConversationMarks } from '@/lib/conversations/read-conversation-marks';

// The user's own conversations' labels and snoozes, and the team's labels.
export const GET = withSession({}, async ({ user }) => NextResponse.json(await readConversationMarks(user.id), { headers: { 'cache-control': 'no-store' } }));
