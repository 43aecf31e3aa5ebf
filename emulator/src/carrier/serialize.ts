import type { InboundOutcome } from '../domain/inbound';
import type { CarrierMedia, CarrierMessageRecord, RichContent } from '../store/records';

/** The control API's JSON for carrier records (snake_case, like the rest of the emulator). */
export const carrierMediaJson = (m: CarrierMedia, baseUrl: string) => ({
  sid: m.sid,
  content_type: m.contentType,
  filename: m.filename,
  size: m.size,
  url: `${baseUrl}/emulator/v1/Carrier/Media/${m.sid}/Content`,
});

/** The other numbers of the thread a message belongs to on this phone, sorted: a 1:1 thread has one. */
export const threadOf = (entry: Pick<CarrierMessageRecord, 'phone' | 'from' | 'to'>): string[] =>
  [...new Set([entry.from, ...entry.to])].filter((a) => a !== entry.phone).sort();

/** A template's rich parts as the phone page draws them. */
const richContentJson = (c: RichContent) => ({
  header_text: c.headerText,
  media_urls: c.mediaUrls,
  footer: c.footer,
  buttons: c.buttons.map((b) => ({ type: b.type, title: b.title, url: b.url, phone: b.phone })),
});

export const carrierMessageJson = (entry: CarrierMessageRecord, baseUrl: string) => ({
  sid: entry.sid,
  phone: entry.phone,
  direction: entry.direction,
  channel: entry.channel,
  from: entry.from,
  to: entry.to,
  thread: threadOf(entry),
  body: entry.body,
  media: entry.media.map((m) => carrierMediaJson(m, baseUrl)),
  status: entry.status,
  error_code: entry.errorCode,
  content: entry.content ? richContentJson(entry.content) : null,
  date_created: entry.dateCreated,
  date_updated: entry.dateUpdated,
});

export const routingJson = (routing: InboundOutcome) => ({
  outcome: routing.outcome,
  conversation_sid: 'conversationSid' in routing ? routing.conversationSid : null,
  message_sid: 'messageSid' in routing ? routing.messageSid : null,
  reason: 'reason' in routing ? routing.reason : null,
  code: 'code' in routing ? routing.code : null,
});
