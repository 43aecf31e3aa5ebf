import type { DeliverySummary } from '../domain/receipts';
import type { MessageRecord, ReceiptRecord } from '../store/records';
import { conversationUrl } from './conversations';
import type { Scope } from './scope';

export const messageUrl = (scope: Scope, m: Pick<MessageRecord, 'conversationSid' | 'sid'>) =>
  `${conversationUrl(scope, m.conversationSid)}/Messages/${m.sid}`;

export const messageJson = (m: MessageRecord, delivery: DeliverySummary | null, scope: Scope) => {
  const url = messageUrl(scope, m);
  return {
    account_sid: scope.accountSid,
    ...(scope.scoped ? { chat_service_sid: m.serviceSid } : {}),
    conversation_sid: m.conversationSid,
    sid: m.sid,
    index: m.index,
    author: m.author,
    body: m.body,
    media:
      m.media?.map((x) => ({ sid: x.sid, content_type: x.contentType, filename: x.filename, size: x.size, category: 'media' })) ??
      null,
    attributes: m.attributes,
    participant_sid: m.participantSid,
    date_created: m.dateCreated,
    date_updated: m.dateUpdated,
    url,
    delivery,
    links: { delivery_receipts: `${url}/Receipts`, channel_metadata: `${url}/ChannelMetadata` },
    content_sid: m.contentSid,
  };
};

export const receiptJson = (r: ReceiptRecord, scope: Scope) => ({
  account_sid: scope.accountSid,
  ...(scope.scoped ? { chat_service_sid: r.serviceSid } : {}),
  conversation_sid: r.conversationSid,
  sid: r.sid,
  message_sid: r.messageSid,
  channel_message_sid: r.channelMessageSid,
  participant_sid: r.participantSid,
  status: r.status,
  error_code: r.errorCode,
  date_created: r.dateCreated,
  date_updated: r.dateUpdated,
  url: `${messageUrl(scope, { conversationSid: r.conversationSid, sid: r.messageSid })}/Receipts/${r.sid}`,
});
