import type { ConversationRecord, ConversationTimers } from '../store/records';
import { base, type Scope } from './scope';

export const timersJson = (timers: ConversationTimers) => {
  const out: Record<string, string> = {};
  if (timers.dateInactive) out.date_inactive = timers.dateInactive;
  if (timers.dateClosed) out.date_closed = timers.dateClosed;
  return out;
};

export const bindingsJson = (c: ConversationRecord) =>
  c.bindings?.email ? { email: { address: c.bindings.email.address, name: c.bindings.email.name } } : {};

export const conversationUrl = (scope: Scope, sid: string) => `${base(scope)}/Conversations/${sid}`;

export const conversationJson = (c: ConversationRecord, scope: Scope) => {
  const url = conversationUrl(scope, c.sid);
  return {
    account_sid: scope.accountSid,
    chat_service_sid: c.serviceSid,
    messaging_service_sid: c.messagingServiceSid,
    sid: c.sid,
    friendly_name: c.friendlyName,
    unique_name: c.uniqueName,
    attributes: c.attributes,
    state: c.state,
    date_created: c.dateCreated,
    date_updated: c.dateUpdated,
    timers: timersJson(c.timers),
    url,
    links: {
      participants: `${url}/Participants`,
      messages: `${url}/Messages`,
      webhooks: `${url}/Webhooks`,
      export: `${url}/Export`,
    },
    bindings: bindingsJson(c),
  };
};

/** ConversationWithParticipants has the same shape minus the `export` link. */
export const conversationWithParticipantsJson = (c: ConversationRecord, scope: Scope) => {
  const json = conversationJson(c, scope);
  const { export: _export, ...links } = json.links;
  return { ...json, links };
};
