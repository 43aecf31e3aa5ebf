import type { MessagingBinding, ParticipantRecord } from '../store/records';
import { conversationUrl } from './conversations';
import type { Scope } from './scope';

/** Only the binding fields a participant has, as in Twilio's examples. */
export const bindingJson = (binding: MessagingBinding | null) => {
  if (!binding) return null;
  const out: Record<string, string> = { type: binding.type };
  if (binding.address) out.address = binding.address;
  if (binding.proxyAddress) out.proxy_address = binding.proxyAddress;
  if (binding.projectedAddress) out.projected_address = binding.projectedAddress;
  return out;
};

export const participantUrl = (scope: Scope, p: Pick<ParticipantRecord, 'conversationSid' | 'sid'>) =>
  `${conversationUrl(scope, p.conversationSid)}/Participants/${p.sid}`;

export const participantJson = (p: ParticipantRecord, scope: Scope) => ({
  account_sid: scope.accountSid,
  ...(scope.scoped ? { chat_service_sid: p.serviceSid } : {}),
  conversation_sid: p.conversationSid,
  sid: p.sid,
  identity: p.identity,
  attributes: p.attributes,
  messaging_binding: bindingJson(p.messagingBinding),
  role_sid: p.roleSid,
  date_created: p.dateCreated,
  date_updated: p.dateUpdated,
  url: participantUrl(scope, p),
  last_read_message_index: p.lastReadMessageIndex,
  last_read_timestamp: p.lastReadTimestamp,
});
