import { AppError } from '@/lib/api/app-error';
import { getConversationServiceSid } from '@/lib/twilio/conversation-service';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { MEDIA_SID } from '@/lib/twilio/sids';

type McsMedia = { channel_sid?: string | null; links?: { content_direct_temporary?: string | null } };

/**
 * A temporary content URL for a message attachment, for readers without an SDK session
 * (Media Content Service; see the Media resource docs). Only media of this conversation.
 */
export async function mediaTemporaryUrl(conversationSid: string, mediaSid: string): Promise<string> {
  if (!MEDIA_SID.test(mediaSid)) throw new AppError('not_found', 'No such attachment.');
  const serviceSid = await getConversationServiceSid();
  const response = await getTwilioClient().request({ method: 'get', uri: `https://mcs.us1.twilio.com/v1/Services/${serviceSid}/Media/${mediaSid}` });
  if (response.statusCode === 404) throw new AppError('not_found', 'No such attachment.');
  if (response.statusCode >= 400) throw new AppError('upstream_error', 'The attachment is not available right now.');
  const media = (typeof response.body === 'string' ? JSON.parse(response.body) : response.body) as McsMedia;
  // Only media attached to this conversation (media not attached to any is nobody's to read).
  if (media.channel_sid !== conversationSid) throw new AppError('not_found', 'No such attachment.');
  const url = media.links?.content_direct_temporary;
  if (!url) throw new AppError('upstream_error', 'The attachment has no download link.');
  return url;
}
