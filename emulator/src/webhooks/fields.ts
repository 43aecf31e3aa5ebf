import type { InboundSummary } from '../domain/inbound-summary';
import type { Origin } from '../domain/origin';
import type {
  ConversationRecord,
  MessageMedia,
  MessageRecord,
  MessagingBinding,
  ParticipantRecord,
  ReceiptRecord,
  UserRecord,
} from '../store/records';
import type { WebhookParams } from './signature';

/**
 * Twilio's webhook form fields for each resource, named as on the Webhooks page. Absent values (null)
 * are left out, as Twilio does; every value is a string on the wire.
 */
type Value = string | number | boolean | null | undefined;

export const fields = (entries: Record<string, Value | string[]>): WebhookParams => {
  const out: WebhookParams = {};
  for (const [name, value] of Object.entries(entries)) {
    if (value === null || value === undefined) continue;
    out[name] = Array.isArray(value) ? value : String(value);
  }
  return out;
};

const SOURCES: Record<Origin['source'], string> = { api: 'API', sdk: 'SDK', sms: 'SMS', whatsapp: 'WHATSAPP', system: 'API' };

/** Fields every request carries: who the account is and where the action came from. */
export const common = (accountSid: string, eventType: string, origin: Origin): WebhookParams =>
  fields({
    AccountSid: accountSid,
    EventType: eventType,
    Source: SOURCES[origin.source],
    ClientIdentity: origin.source === 'sdk' ? origin.clientIdentity : null,
  });

/** The Media field: a JSON array of the attached media. */
export const mediaJson = (media: readonly MessageMedia[] | null): string | null =>
  media && media.length > 0
    ? JSON.stringify(media.map((m) => ({ Sid: m.sid, Filename: m.filename, ContentType: m.contentType, Size: m.size, Category: 'media' })))
    : null;

export const conversationFields = (c: Pick<ConversationRecord, 'serviceSid' | 'messagingServiceSid' | 'friendlyName' | 'uniqueName' | 'attributes' | 'state'> & Partial<ConversationRecord>) =>
  fields({
    ConversationSid: c.sid,
    DateCreated: c.dateCreated,
    DateUpdated: c.dateUpdated,
    FriendlyName: c.friendlyName,
    UniqueName: c.uniqueName,
    Attributes: c.attributes,
    ChatServiceSid: c.serviceSid,
    MessagingServiceSid: c.messagingServiceSid,
    State: c.state,
  });

export const bindingFields = (binding: MessagingBinding | null) =>
  fields({
    'MessagingBinding.Type': binding ? binding.type.toUpperCase() : 'CHAT',
    'MessagingBinding.Address': binding?.address,
    'MessagingBinding.ProxyAddress': binding?.proxyAddress,
    'MessagingBinding.ProjectedAddress': binding?.projectedAddress,
  });

export const participantFields = (p: Pick<ParticipantRecord, 'conversationSid' | 'identity' | 'roleSid' | 'attributes' | 'messagingBinding'> & Partial<ParticipantRecord>) => ({
  ...fields({
    ConversationSid: p.conversationSid,
    ParticipantSid: p.sid,
    DateCreated: p.dateCreated,
    DateUpdated: p.dateUpdated,
    Identity: p.identity,
    RoleSid: p.roleSid,
    Attributes: p.attributes,
  }),
  ...bindingFields(p.messagingBinding),
});

export const messageFields = (m: Pick<MessageRecord, 'conversationSid' | 'body' | 'author' | 'participantSid' | 'attributes' | 'media'> & Partial<MessageRecord>) =>
  fields({
    ConversationSid: m.conversationSid,
    MessageSid: m.sid,
    Index: m.index,
    DateCreated: m.dateCreated,
    DateUpdated: m.dateUpdated,
    Body: m.body,
    Author: m.author,
    ParticipantSid: m.participantSid,
    Attributes: m.attributes,
    Media: mediaJson(m.media),
  });

export const userFields = (u: Pick<UserRecord, 'serviceSid' | 'identity' | 'roleSid' | 'attributes' | 'friendlyName'> & Partial<UserRecord>) =>
  fields({
    ChatServiceSid: u.serviceSid,
    UserSid: u.sid,
    DateCreated: u.dateCreated,
    DateUpdated: u.dateUpdated,
    Identity: u.identity,
    RoleSid: u.roleSid,
    Attributes: u.attributes,
    FriendlyName: u.friendlyName,
    IsOnline: u.isOnline,
    IsNotifiable: u.isNotifiable,
  });

export const receiptFields = (r: ReceiptRecord) =>
  fields({
    ConversationSid: r.conversationSid,
    ChatServiceSid: r.serviceSid,
    MessageSid: r.messageSid,
    DeliveryReceiptSid: r.sid,
    ChannelMessageSid: r.channelMessageSid,
    ParticipantSid: r.participantSid,
    Status: r.status,
    ErrorCode: r.errorCode,
    DateCreated: r.dateCreated,
    DateUpdated: r.dateUpdated,
  });

/**
 * An autocreating inbound message (Inbound Autocreation page): the number pair, or for a group MMS the
 * list of addresses, the projected address(es) and the author's address; the first message's body and media.
 */
export const inboundFields = (inbound: InboundSummary | undefined) => {
  if (!inbound) return {};
  const group = inbound.proxyAddress === null;
  const one = (list: string[]) => (list.length === 1 ? list[0] : list);
  return fields({
    'MessagingBinding.Type': inbound.channel.toUpperCase(),
    'MessagingBinding.Address': group ? inbound.addresses : inbound.authorAddress,
    'MessagingBinding.ProxyAddress': inbound.proxyAddress,
    'MessagingBinding.ProjectedAddress': group ? one(inbound.projectedAddresses) : null,
    'MessagingBinding.AuthorAddress': group ? inbound.authorAddress : null,
    MessageBody: inbound.body,
    Media: mediaJson(inbound.media),
  });
};
