import type { OrchestratorState } from '../orchestrator/records';
/**
 * The emulator's stored records: plain, JSON-serialisable objects in camelCase. They hold Twilio's
 * facts once; the REST serialisers derive the snake_case wire shape (URLs, links, computed counters)
 * from them. Every record carries `seq`, a store-wide monotonically increasing creation number, which
 * gives stable creation order and page tokens that survive deletions.
 */

/** ISO 8601 UTC with second precision, e.g. "2020-07-01T22:18:37Z". */
export type IsoDate = string;

export type ConversationState = 'initializing' | 'active' | 'inactive' | 'closed';
export type NotificationLevel = 'default' | 'muted';
export type DeliveryStatus = 'read' | 'failed' | 'delivered' | 'undelivered' | 'sent';
export type RoleType = 'conversation' | 'service';
export type WebhookMethod = 'GET' | 'POST';

type Base = { sid: string; seq: number; dateCreated: IsoDate; dateUpdated: IsoDate };

export type ServiceNotifications = {
  logEnabled: boolean;
  newMessage: {
    enabled: boolean;
    template: string | null;
    sound: string | null;
    badgeCountEnabled: boolean;
    withMedia: { enabled: boolean; template: string | null };
  };
  addedToConversation: { enabled: boolean; template: string | null; sound: string | null };
  removedFromConversation: { enabled: boolean; template: string | null; sound: string | null };
};

export type WebhookConfiguration = {
  method: WebhookMethod;
  filters: string[];
  preWebhookUrl: string | null;
  postWebhookUrl: string | null;
};

export type ServiceRecord = Base & {
  friendlyName: string;
  configuration: {
    defaultConversationCreatorRoleSid: string;
    defaultConversationRoleSid: string;
    defaultChatServiceRoleSid: string;
    reachabilityEnabled: boolean;
  };
  notifications: ServiceNotifications;
  webhooks: WebhookConfiguration;
};

/** Account-level `/v1/Configuration`. */
export type AccountConfiguration = {
  defaultChatServiceSid: string;
  defaultMessagingServiceSid: string;
  /** ISO 8601 durations applied to new conversations, or null. */
  defaultInactiveTimer: string | null;
  defaultClosedTimer: string | null;
};

/** Account-level `/v1/Configuration/Webhooks`. */
export type AccountWebhookConfiguration = WebhookConfiguration & { target: 'webhook' | 'flex' };

export type ConversationTimers = {
  /** Durations as given (ISO 8601), null when not set. */
  inactive: string | null;
  closed: string | null;
  /** When the timers will fire (emulator time), null when not armed. */
  dateInactive: IsoDate | null;
  dateClosed: IsoDate | null;
};

export type ConversationRecord = Base & {
  serviceSid: string;
  messagingServiceSid: string | null;
  friendlyName: string | null;
  uniqueName: string | null;
  attributes: string;
  state: ConversationState;
  timers: ConversationTimers;
  bindings: { email?: { address: string | null; name: string | null } } | null;
  /** Identity of the SDK user who created it; null when created by the REST API or autocreation. */
  createdBy: string | null;
  /** Next message index to hand out; indices only grow, even after deletions. */
  nextMessageIndex: number;
  /** Last time a message was added, used to re-arm the inactive timer. */
  lastActivity: IsoDate;
};

export type MessagingBinding = {
  type: 'sms' | 'whatsapp';
  address: string | null;
  proxyAddress: string | null;
  projectedAddress: string | null;
};

export type ParticipantRecord = Base & {
  conversationSid: string;
  serviceSid: string;
  identity: string | null;
  attributes: string;
  messagingBinding: MessagingBinding | null;
  roleSid: string | null;
  lastReadMessageIndex: number | null;
  lastReadTimestamp: IsoDate | null;
  /** The User Conversation's notification level (only meaningful with an identity). */
  notificationLevel: NotificationLevel;
};

export type MessageMedia = { sid: string; contentType: string; filename: string | null; size: number };

export type MessageRecord = Base & {
  conversationSid: string;
  serviceSid: string;
  index: number;
  author: string;
  body: string | null;
  attributes: string;
  participantSid: string | null;
  media: MessageMedia[] | null;
  contentSid: string | null;
  contentVariables: string | null;
  subject: string | null;
  /** Non-chat recipients when the message was added: the `total` of its delivery summary. */
  deliveryRecipients: number;
  /** True once edited, so date_updated is reported as Twilio does. */
  edited: boolean;
};

export type ReceiptRecord = Base & {
  conversationSid: string;
  serviceSid: string;
  messageSid: string;
  participantSid: string;
  channelMessageSid: string;
  status: DeliveryStatus;
  errorCode: number;
};

export type ConversationWebhookRecord = Base & {
  conversationSid: string;
  serviceSid: string;
  target: 'webhook' | 'trigger' | 'studio';
  configuration: {
    url: string | null;
    method: WebhookMethod;
    filters: string[];
    triggers: string[];
    flowSid: string | null;
    replayAfter: number | null;
  };
};

export type UserRecord = Base & {
  serviceSid: string;
  identity: string;
  friendlyName: string | null;
  attributes: string;
  roleSid: string;
  /** Reported only when the service has reachability enabled; set by the realtime layer. */
  isOnline: boolean;
  isNotifiable: boolean;
};

export type RoleRecord = Base & {
  serviceSid: string;
  friendlyName: string;
  type: RoleType;
  permissions: string[];
};

export type CredentialRecord = Base & {
  friendlyName: string | null;
  type: 'apn' | 'gcm' | 'fcm';
  sandbox: boolean | null;
  /** Stored to honour updates; never serialised back, as on Twilio. */
  secretMaterial: { certificate: string | null; privateKey: string | null; apiKey: string | null; secret: string | null };
};

export type BindingRecord = Base & {
  serviceSid: string;
  credentialSid: string | null;
  endpoint: string;
  identity: string;
  bindingType: 'apn' | 'gcm' | 'fcm' | 'twilsock';
  messageTypes: string[];
};

export type AddressConfigurationRecord = Base & {
  type: 'sms' | 'whatsapp' | 'messenger' | 'gbm' | 'email' | 'rcs' | 'apple' | 'chat';
  address: string;
  friendlyName: string | null;
  addressCountry: string | null;
  autoCreation: {
    enabled: boolean;
    type: 'webhook' | 'studio' | 'default';
    conversationServiceSid: string | null;
    webhookUrl: string | null;
    webhookMethod: WebhookMethod;
    webhookFilters: string[];
    studioFlowSid: string | null;
    studioRetryCount: number | null;
  };
};

export type MediaRecord = Base & {
  serviceSid: string;
  contentType: string;
  filename: string | null;
  size: number;
  author: string;
  /** Conversation and message this media was attached to, once attached. */
  conversationSid: string | null;
  messageSid: string | null;
};

/**
 * The simulated carrier: what customers' phones hold. Not Twilio's data, but kept in the same
 * state so a restart, a reset and persistence treat the whole emulated world alike.
 */
export type CarrierStatus = 'sent' | 'delivered' | 'read' | 'undelivered' | 'failed';

export type CarrierMedia = { sid: string; contentType: string; filename: string | null; size: number };

/** Media a phone uploaded (or received), bytes in the blob store under the same `ME…` SID. */
export type CarrierMediaRecord = Base & Omit<CarrierMedia, 'sid'>;

/**
 * One message in one phone's message store: a phone that sends a group MMS has a `sent` entry and every
 * other phone in the group a `received` one, as on real handsets.
 */
export type CarrierMessageRecord = Base & {
  /** The phone (address) whose store this entry belongs to. */
  phone: string;
  direction: 'sent' | 'received';
  channel: 'sms' | 'whatsapp';
  from: string;
  /** Every recipient of the message as sent (a group MMS lists the whole group but the sender). */
  to: string[];
  body: string | null;
  media: CarrierMedia[];
  status: CarrierStatus;
  errorCode: number | null;
  /** A message Twilio sent: the conversation message and participant whose delivery receipt it drives. */
  receipt: { messageSid: string; participantSid: string } | null;
  /** A template's rich parts as the phone shows them (WhatsApp buttons, media header); absent otherwise. */
  content?: RichContent | null;
};

/**
 * One SMS/WhatsApp recipient of a conversation message, as Twilio plans it (`domain/outbound.ts`) and the
 * carrier carries it out.
 */
export type OutboundDelivery = {
  participantSid: string;
  channel: 'sms' | 'whatsapp';
  /** The Twilio number it is sent from: the participant's proxy address, or a projected address. */
  from: string;
  to: string;
  /** Group MMS: every address of the group but the sender (the recipient included); null for 1:1. */
  group: string[] | null;
  body: string | null;
  media: MessageMedia[];
  /** A template's rich parts for the recipient's channel (WhatsApp only); absent for plain messages. */
  content?: RichContent | null;
  /** Set when Twilio cannot send it at all: the receipt goes straight to this status. */
  failure: { status: Extract<DeliveryStatus, 'failed' | 'undelivered'>; errorCode: number; reason: string } | null;
};

/**
 * A delivery the carrier has not finished: written with the message it belongs to, deleted once its
 * receipt is final, so a crash between the two resumes it instead of leaving the message queued or
 * sent forever. The SID is the channel message's (SM…, MM…, WA…): the receipt's `channel_message_sid` and
 * the phone's entry, so resuming never delivers twice.
 */
export type CarrierDeliveryRecord = Base & { messageSid: string; delivery: OutboundDelivery };

/** What a rendered template carries beyond its text: a media header, a text header, a footer, buttons. */
export type RichContent = {
  headerText: string | null;
  mediaUrls: string[];
  footer: string | null;
  buttons: { type: string; title: string; url: string | null; phone: string | null }[];
};

/** WhatsApp's review of a content template (`/v1/Content/{Sid}/ApprovalRequests`). */
export type ContentApproval = {
  name: string;
  category: string;
  /** When it was submitted (emulator time): the clock moves it through `received` → `pending` → decided. */
  dateSubmitted: IsoDate;
  /** A decision made through the control API; without one the review decides by the clock. */
  decision: { status: 'approved' | 'rejected'; rejectionReason: string } | null;
};

/** A Content API resource (`HX…`): rich content with `{{name}}` variables, sendable as `ContentSid`. */
export type ContentRecord = Base & {
  friendlyName: string;
  language: string;
  /** Default values of the variables (`{"1": "there"}`), used where a message leaves one out. */
  variables: Record<string, string>;
  /** The content per type (`twilio/text`, `twilio/media`, …), in Twilio's snake_case wire shape. */
  types: Record<string, Record<string, unknown>>;
  whatsappApproval: ContentApproval | null;
};

/** The whole persisted state. Only this is written to the state file (indexes are rebuilt on load). */
export type State = {
  version: 1;
  seq: number;
  configuration: AccountConfiguration;
  configurationWebhooks: AccountWebhookConfiguration;
  services: Record<string, ServiceRecord>;
  conversations: Record<string, ConversationRecord>;
  participants: Record<string, ParticipantRecord>;
  messages: Record<string, MessageRecord>;
  receipts: Record<string, ReceiptRecord>;
  conversationWebhooks: Record<string, ConversationWebhookRecord>;
  users: Record<string, UserRecord>;
  roles: Record<string, RoleRecord>;
  credentials: Record<string, CredentialRecord>;
  bindings: Record<string, BindingRecord>;
  addressConfigurations: Record<string, AddressConfigurationRecord>;
  media: Record<string, MediaRecord>;
  contents: Record<string, ContentRecord>;
  /**
   * WhatsApp's 24-hour customer-service window: the last inbound message per customer and business
   * sender, keyed `customer|sender` (both `whatsapp:` addresses).
   */
  whatsappSessions: Record<string, IsoDate>;
  /** The account's default Messaging Service: its "Autocreate a Conversation" inbound setting. */
  messagingService: { inboundAutocreation: boolean };
  carrierMessages: Record<string, CarrierMessageRecord>;
  carrierMedia: Record<string, CarrierMediaRecord>;
  carrierDeliveries: Record<string, CarrierDeliveryRecord>;
  /** Phones the carrier knows about; a phone not listed is reachable. Keyed by address. */
  carrierPhones: Record<string, { reachable: boolean }>;
  /** Conversations API v2 (Conversation Orchestrator), Memory and Programmable Messaging. */
  orchestrator: OrchestratorState;
};
