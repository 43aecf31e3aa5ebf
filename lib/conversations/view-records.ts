import type { TTemplateAttribute } from '@/lib/templates/template-view';
import type { TSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';

// What a conversation, its messages and participants look like to every view: built on the server
// (from the index and Twilio's REST API) and in the browser (from the SDK), rendered the same.

export type DeliverySummary = {
  total: number;
  sent: DeliveryAmount;
  delivered: DeliveryAmount;
  read: DeliveryAmount;
  undelivered: DeliveryAmount;
  failed: DeliveryAmount;
};

export type DeliveryAmount = 'none' | 'some' | 'all';

export type ConversationRecord = {
  sid: string;
  friendlyName: string | null;
  switchboard: TSwitchboardAttributes | null;
  state: 'active' | 'inactive' | 'closed';
  lastMessageIndex: number | null;
  /** Last activity, for sorting: the last message's time, else the conversation's. */
  lastActivityAt: number;
  lastReadMessageIndex: number | null;
  dateCreated: number | null;
  /** Known from the server's index, not (yet) from the SDK: shown, not yet workable. */
  provisional?: boolean;
};

export type MediaRecord = { sid: string; filename: string | null; contentType: string; size: number };

export type MessageRecord = {
  sid: string;
  index: number;
  author: string | null;
  body: string | null;
  dateCreated: number;
  participantSid: string | null;
  media: MediaRecord[];
  delivery: DeliverySummary | null;
  /** Set by this app's composer, to match the server's copy with the optimistic one. */
  clientKey: string | null;
  /** Sent from a content template: what the customer saw (see lib/templates/send-template.ts). */
  template?: TTemplateAttribute | null;
  /** The content template it was sent from (any sender), when it was. */
  contentSid?: string | null;
};

export type ParticipantRecord = {
  sid: string;
  identity: string | null;
  type: string;
  lastReadMessageIndex: number | null;
};

export type Preview = { index: number; body: string | null; author: string | null; mediaCount: number; at: number };
