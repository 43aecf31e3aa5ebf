import type { MediaRecord } from '../store/records';

export const MCS_HOST = 'https://mcs.us1.twilio.com';

/** The path of a Media resource, as MCS names it (without the emulator's `/mcs` mount). */
export const mediaPath = (m: Pick<MediaRecord, 'serviceSid' | 'sid'>) => `/v1/Services/${m.serviceSid}/Media/${m.sid}`;

/**
 * The Media resource as MCS answers it, to the `twilio` helper and to the SDK alike (Media resource
 * page): `url` on Twilio's host, `links.content` relative to it, and `links.content_direct_temporary`,
 * a URL that needs no credentials for a while (what the SDK's `getContentTemporaryUrl()` returns).
 */
export const mediaJson = (m: MediaRecord, accountSid: string, temporaryContentUrl: string) => ({
  sid: m.sid,
  account_sid: accountSid,
  service_sid: m.serviceSid,
  date_created: m.dateCreated,
  date_upload_updated: m.dateCreated,
  date_updated: m.dateUpdated,
  channel_sid: m.conversationSid,
  message_sid: m.messageSid,
  size: m.size,
  content_type: m.contentType,
  filename: m.filename,
  author: m.author,
  category: 'media',
  is_multipart_upstream: false,
  url: `${MCS_HOST}${mediaPath(m)}`,
  links: { content: `${mediaPath(m)}/Content`, content_direct_temporary: temporaryContentUrl },
});
