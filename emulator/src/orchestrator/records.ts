/**
 * Conversation Orchestrator (Conversations API v2), Memory and Programmable Messaging state: one
 * persisted section of the emulator's state (`State.orchestrator`). Records are plain JSON in the
 * helper's own camelCase shapes, keyed by id; `seq` orders lists.
 */

export type V2Channel = 'SMS' | 'WHATSAPP' | 'RCS' | 'CHAT' | 'VOICE';
export const V2_CHANNELS: readonly V2Channel[] = ['SMS', 'WHATSAPP', 'RCS', 'CHAT', 'VOICE'];

export const GROUPING_TYPES = ['GROUP_BY_PROFILE', 'GROUP_BY_PARTICIPANT_ADDRESSES', 'GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE'] as const;
export type GroupingType = (typeof GROUPING_TYPES)[number];

export type CaptureRule = { from: string; to: string; metadata: Record<string, unknown> };
export type StatusTimeouts = { inactive?: number; closed?: number };
export type ChannelSetting = { statusTimeouts?: StatusTimeouts; captureRules?: CaptureRule[] };
export type StatusCallback = { url: string; method: string };

/** What a configuration write may set (validated). */
export type ConfigurationFields = {
  displayName: string;
  description: string | null;
  conversationGroupingType: GroupingType;
  memoryStoreId: string | null;
  channelSettings: Partial<Record<V2Channel, ChannelSetting>>;
  statusCallbacks: StatusCallback[];
  intelligenceConfigurationIds: string[];
  memoryExtractionEnabled: boolean;
  conversationsV1Bridge: { serviceId: string } | null;
};

export type ConfigurationRecord = ConfigurationFields & { id: string; seq: number; createdAt: string; updatedAt: string; version: number };

export type OperationError = { type: string; title: string; status: number; detail: string; instance: string };

/** A queued configuration (or conversation) write: applied once, a moment after it was accepted. */
export type OperationRecord = {
  id: string;
  seq: number;
  status: 'PENDING' | 'COMPLETED' | 'FAILED';
  createdAt: string;
  completedAt: string | null;
  related: Record<string, string>;
  error: OperationError | null;
  /** What to apply; kept so a restart mid-operation finishes it. */
  work:
    | { kind: 'config-create'; fields: ConfigurationFields }
    | { kind: 'config-update'; fields: ConfigurationFields; expectedVersion: number }
    | { kind: 'config-delete' }
    | { kind: 'conversation-delete' };
};

export type IdempotencyRecord = { fingerprint: string; operationId: string; at: number };

export type ConversationStatus = 'ACTIVE' | 'INACTIVE' | 'CLOSED';

export type V2Address = { channel: V2Channel; address: string; channelId?: string };

export type V2ConversationRecord = {
  id: string;
  seq: number;
  configurationId: string;
  status: ConversationStatus;
  name: string | null;
  createdAt: string;
  updatedAt: string;
  metadata: Record<string, unknown>;
  /** Emulator time (ms) of the last communication: both timeouts count from it. */
  lastCommunicationAt: number;
  /** The grouping key it holds while open (null once closed). */
  groupKey: string | null;
  /** The channel whose statusTimeouts apply (that of its first communication). */
  channel: V2Channel | null;
  /** The v1 conversation the bridge keeps for it, once one exists. */
  v1ConversationSid: string | null;
};

export type ParticipantType = 'HUMAN_AGENT' | 'CUSTOMER' | 'AI_AGENT' | 'AGENT' | 'UNKNOWN';

export type V2ParticipantRecord = {
  id: string;
  seq: number;
  conversationId: string;
  name: string | null;
  type: ParticipantType;
  profileId: string | null;
  addresses: V2Address[];
  createdAt: string;
  updatedAt: string;
};

export type V2AddressRef = { address: string; channel: V2Channel; participantId?: string };

export type CommunicationRecord = {
  id: string;
  seq: number;
  conversationId: string;
  author: V2AddressRef;
  content: { type: string; text: string };
  channelId: string | null;
  resourceId: string | null;
  recipients: (V2AddressRef & { deliveryStatus?: string })[];
  createdAt: string;
  updatedAt: string;
  occurredAt: string;
};

export type ActionRecord = {
  id: string;
  seq: number;
  conversationId: string;
  type: string;
  status: 'PENDING' | 'COMPLETED' | 'FAILED';
  request: Record<string, unknown>;
  related: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  failureReason: string | null;
};

export type MemoryStoreRecord = { id: string; seq: number; displayName: string; description: string | null; createdAt: string; version: number };

export type ProfileRecord = {
  id: string;
  seq: number;
  storeId: string;
  createdAt: string;
  traits: Record<string, Record<string, unknown>>;
  /** idType → values (normalised). */
  identifiers: Record<string, string[]>;
};

/** A Programmable Messaging message (`client.messages.create`). */
export type SmsMessageRecord = {
  sid: string;
  seq: number;
  from: string;
  to: string;
  body: string;
  status: 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';
  errorCode: number | null;
  errorMessage: string | null;
  dateCreated: string;
  dateUpdated: string;
  statusCallback: string | null;
};

export type OrchestratorState = {
  configurations: Record<string, ConfigurationRecord>;
  operations: Record<string, OperationRecord>;
  idempotency: Record<string, IdempotencyRecord>;
  conversations: Record<string, V2ConversationRecord>;
  participants: Record<string, V2ParticipantRecord>;
  communications: Record<string, CommunicationRecord>;
  actions: Record<string, ActionRecord>;
  memoryStores: Record<string, MemoryStoreRecord>;
  profiles: Record<string, ProfileRecord>;
  /** Grouping key → the open conversation that holds it. */
  groups: Record<string, string>;
  smsMessages: Record<string, SmsMessageRecord>;
};

export const emptyOrchestratorState = (): OrchestratorState => ({
  configurations: {},
  operations: {},
  idempotency: {},
  conversations: {},
  participants: {},
  communications: {},
  actions: {},
  memoryStores: {},
  profiles: {},
  groups: {},
  smsMessages: {},
});
