import { z } from 'zod';
import { AppError } from '@/lib/api/app-error';
import { getConversationServiceSid } from '@/lib/twilio/conversation-service';
import { MEDIA_SID } from '@/lib/twilio/sids';
import { twilioFetch } from '@/lib/twilio/twilio-fetch';

const MCS = 'https://mcs.us1.twilio.com';

/** The Media resource fields this needs (Media Content Service; see the Media resource docs). */
const ZMedia = z.object({
  channel_sid: z.string().nullable(),
  content_type: z.string(),
  filename: z.string().nullable(),
  links: z.object({ content: z.string().startsWith('/') }),
});

export type MediaContent = { body: ReadableStream<Uint8Array>; contentType: string; filename: string | null; size: number | null };

/**
 * A message attachment's content, fetched with the server's credentials for readers without an SDK
 * session (a supervisor monitoring, a colleague reading). Only media of this conversation: media not
 * attached to it is nobody's to read here, and answers as if absent.
 */
export async function fetchMediaContent(conversationSid: string, mediaSid: string): Promise<MediaContent> {
  if (!MEDIA_SID.test(mediaSid)) throw new AppError('not_found', 'No such attachment.');
  const serviceSid = await getConversationServiceSid();
  const metadata = await twilioFetch(`${MCS}/v1/Services/${serviceSid}/Media/${mediaSid}`);
  if (metadata.status === 404) throw new AppError('not_found', 'No such attachment.');
  if (!metadata.ok) throw new AppError('upstream_error', 'The attachment is not available right now.');
  const parsed = ZMedia.safeParse(await metadata.json().catch(() => null));
  if (!parsed.success) throw new AppError('upstream_error', 'The attachment is not available right now.');
  const media = parsed.data;
  if (media.channel_sid !== conversationSid) throw new AppError('not_found', 'No such attachment.');
  const content = await twilioFetch(`${MCS}${media.links.content}`);
  if (!content.ok || !content.body) throw new AppError('upstream_error', 'The attachment is not available right now.');
  const length = Number(content.headers.get('content-length'));
  return { body: content.body, contentType: media.content_type, filename: media.filename, size: Number.isFinite(length) && length > 0 ? length : null };
}
