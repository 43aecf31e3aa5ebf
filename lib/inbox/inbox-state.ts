import type { ConversationRecord, MessageRecord, ParticipantRecord, Preview } from '@/lib/conversations/view-records';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnecting' | 'disconnected' | 'denied';

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
  /**
   * Customer address → the contact's name, as the server knows it now: it wins over the name a
   * conversation's attributes were written with (a contact renamed or merged since).
   */
  contactNames: Record<string, string | null>;
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
  contactNames: {},
};
