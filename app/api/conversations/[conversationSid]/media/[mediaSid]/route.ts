import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { mediaTemporaryUrl } from '@/lib/conversations/media-url';

export const GET = withSession<{ conversationSid: string; mediaSid: string }>({}, async ({ params }) =>
  NextResponse.json({ url: await mediaTemporaryUrl(parseConversationSid(params.conversationSid), params.mediaSid) }, { headers: { 'cache-control': 'no-store' } }),
);
