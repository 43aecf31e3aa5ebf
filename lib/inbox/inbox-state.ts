import type { TSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnecting' | 'disconnected' | 'denied';

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
};

export type PendingAttachment = { id: string; name: string; size: number; contentType: string };

export type PendingMessage = {
  clientKey: string;
  body: string;
  attachments: PendingAttachment[];
  createdAt: number;
  status: 'sending' | 'failed';
  /** 0..1 while files upload. */
  progress: number | null;
  error: string | null;
};

export type ParticipantRecord = {
  sid: string;
  identity: string | null;
  type: string;
  lastReadMessageIndex: number | null;
};

export type Preview = { index: number; body: string | null; author: string | null; mediaCount: number; at: number };

export type ThreadRecord = {
  messages: MessageRecord[];
  hasOlder: boolean;
  loadingOlder: boolean;
  loaded: boolean;
};

export type InboxState = {
  connection: ConnectionStatus;
  /** True once the connection was up at least once: later drops are "reconnecting". */
  everConnected: boolean;
  ready: boolean;
  fatalError: string | null;
  identity: string | null;
  conversations: Record<string, ConversationRecord>;
  threads: Record<string, ThreadRecord>;
  pending: Record<string, PendingMessage[]>;
  participants: Record<string, Record<string, ParticipantRecord>>;
  previews: Record<string, Preview>;
  /** Conversation SID → identities typing there now. */
  typing: Record<string, string[]>;
  /** Identity → display name (Twilio User friendlyName). */
  userNames: Record<string, string>;
};

export const INITIAL_INBOX_STATE: InboxState = {
  connection: 'connecting',
  everConnected: false,
  ready: false,
  fatalError: null,
  identity: null,
  conversations: {},
  threads: {},
  pending: {},
  participants: {},
  previews: {},
  typing: {},
  userNames: {},
};
