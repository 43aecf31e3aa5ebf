import { create as contentDisposition } from 'content-disposition';
import { withSession } from '@/lib/api/with-session';
import { parseConversationSid } from '@/lib/conversations/conversation-sid';
import { fetchMediaContent } from '@/lib/conversations/media-content';

/** Pictures a browser shows as such; anything else a customer sent is downloaded, never rendered in the app's origin. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export const GET = withSession<{ conversationSid: string; mediaSid: string }>({}, async ({ params }) => {
  const media = await fetchMediaContent(parseConversationSid(params.conversationSid), params.mediaSid);
  const inline = INLINE_TYPES.has(media.contentType.toLowerCase());
  const headers = new Headers({
    'content-type': inline ? media.contentType : 'application/octet-stream',
    'content-disposition': contentDisposition(media.filename ?? (inline ? 'image' : 'attachment'), { type: inline ? 'inline' : 'attachment' }),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, max-age=300',
  });
  if (media.size !== null) headers.set('content-length', String(media.size));
  return new Response(media.body, { headers });
});
