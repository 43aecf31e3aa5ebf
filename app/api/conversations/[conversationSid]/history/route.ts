import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { readConversationHistory } from '@/lib/supervision/conversation-history';

export const GET = withSession<{ conversationSid: string }>({ roles: SUPERVISOR_ROLES }, async ({ params }) =>
  NextResponse.json(await readConversationHistory(parseConversationSid(params.conversationSid)), { headers: { 'cache-control': 'no-store' } }),
);
