import type { MediaRecord } from '../store/records';

export const MCS_HOST = 'https://mcs.us1.twilio.com';

/** The Media resource as MCS answers it; `links` are relative to the MCS host, as on Twilio. */
export const mediaJson = (m: MediaRecord, accountSid: string) => {
  const path = `/v1/Services/${m.serviceSid}/Media/${m.sid}`;
  return {
    sid: m.sid,
    account_sid: accountSid,
    service_sid: m.serviceSid,
    date_created: m.dateCreated,
    date_upload_completed: m.dateCreated,
    date_updated: m.dateUpdated,
    channel_sid: m.conversationSid,
    message_sid: m.messageSid,
    size: m.size,
    content_type: m.contentType,
    filename: m.filename,
    author: m.author,
    category: 'media',
    is_multipart_upstream: false,
    url: `${MCS_HOST}${path}`,
    links: { content: `${path}/Content` },
  };
};
