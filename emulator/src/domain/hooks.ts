import type {
  ConversationRecord,
  ConversationState,
  MessagingBinding,
  MessageRecord,
  ParticipantRecord,
  UserRecord,
} from '../store/records';
import type { InboundSummary } from './inbound-summary';
import type { Origin } from './origin';

/**
 * The pre-action hook: called before every change, after the request has been fully validated and
 * before anything is written. Twilio's pre-action webhooks plug in here (`webhooks/`). The hook may
 *
 * - throw a `TwilioError` to reject the change (nothing is written), or
 * - return modifications (the fields Twilio lets a pre-action webhook change), which are applied and
 *   validated again before the change is committed.
 *
 * The hook receives every change, whatever its origin; deciding whether a webhook fires (REST changes
 * only with `X-Twilio-Webhook-Enabled: true`, filters, …) is the hook's business, not the domain's.
 */
export type PreActionName =
  | 'onConversationAdd'
  | 'onConversationUpdate'
  | 'onConversationRemove'
  | 'onMessageAdd'
  | 'onMessageUpdate'
  | 'onMessageRemove'
  | 'onParticipantAdd'
  | 'onParticipantUpdate'
  | 'onParticipantRemove'
  | 'onUserUpdate';

export type ProposedConversation = {
  friendlyName: string | null;
  uniqueName: string | null;
  attributes: string;
  messagingServiceSid: string | null;
  state: ConversationState;
};

export type ProposedMessage = {
  author: string;
  body: string | null;
  attributes: string;
  mediaSids: string[];
  participantSid: string | null;
};

export type ProposedParticipant = {
  identity: string | null;
  attributes: string;
  messagingBinding: MessagingBinding | null;
  roleSid: string | null;
};

export type ProposedUser = { friendlyName: string | null; attributes: string; roleSid: string };

type Base = { origin: Origin; serviceSid: string };

export type PreActionRequest =
  | (Base & {
      action: 'onConversationAdd';
      proposed: ProposedConversation;
      /** Autocreation: the inbound message creating it (the only pre-action webhook autocreation fires). */
      inbound?: InboundSummary;
    })
  | (Base & { action: 'onConversationUpdate'; conversation: ConversationRecord; proposed: ProposedConversation })
  | (Base & { action: 'onConversationRemove'; conversation: ConversationRecord })
  | (Base & { action: 'onMessageAdd'; conversation: ConversationRecord; proposed: ProposedMessage })
  | (Base & {
      action: 'onMessageUpdate';
      conversation: ConversationRecord;
      message: MessageRecord;
      proposed: ProposedMessage;
    })
  | (Base & { action: 'onMessageRemove'; conversation: ConversationRecord; message: MessageRecord })
  | (Base & { action: 'onParticipantAdd'; conversation: ConversationRecord; proposed: ProposedParticipant })
  | (Base & {
      action: 'onParticipantUpdate';
      conversation: ConversationRecord;
      participant: ParticipantRecord;
      proposed: ProposedParticipant;
    })
  | (Base & { action: 'onParticipantRemove'; conversation: ConversationRecord; participant: ParticipantRecord })
  | (Base & { action: 'onUserUpdate'; user: UserRecord; proposed: ProposedUser });

/** Fields a pre-action hook may change (Twilio's modifiable fields); others are ignored. */
export type PreActionModifications = Partial<{
  friendlyName: string | null;
  uniqueName: string | null;
  attributes: string;
  state: ConversationState;
  author: string;
  body: string | null;
  identity: string | null;
  roleSid: string | null;
}>;

export type PreActionHook = (request: PreActionRequest) => Promise<PreActionModifications | void>;

export const noopPreActionHook: PreActionHook = async () => undefined;
