import type { ActionRecord, CommunicationRecord, ConfigurationRecord, MemoryStoreRecord, OperationRecord, ProfileRecord, V2ConversationRecord, V2ParticipantRecord } from './records';
import { operationUrl } from './context';

/** JSON as the helper's v2 and Memory models read it (camelCase, every field present). */
export const configurationJson = (c: ConfigurationRecord) => ({
  id: c.id,
  displayName: c.displayName,
  description: c.description,
  conversationGroupingType: c.conversationGroupingType,
  memoryStoreId: c.memoryStoreId,
  channelSettings: c.channelSettings,
  statusCallbacks: c.statusCallbacks,
  intelligenceConfigurationIds: c.intelligenceConfigurationIds,
  traitExtractionStrategyIds: [],
  observationExtractionStrategyIds: [],
  memoryExtractionEnabled: c.memoryExtractionEnabled,
  conversationsV1Bridge: c.conversationsV1Bridge,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  version: c.version,
});

export const operationJson = (o: OperationRecord) => ({
  operationId: o.id,
  status: o.status,
  createdAt: o.createdAt,
  completedAt: o.completedAt,
  statusUrl: operationUrl(o.id),
  error: o.error,
  related: o.related,
});

export const participantJson = (accountSid: string, p: V2ParticipantRecord) => ({
  id: p.id,
  conversationId: p.conversationId,
  accountId: accountSid,
  name: p.name,
  type: p.type,
  profileId: p.profileId,
  addresses: p.addresses,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

export const conversationJson = (accountSid: string, c: V2ConversationRecord, participants: V2ParticipantRecord[]) => ({
  id: c.id,
  accountId: accountSid,
  configurationId: c.configurationId,
  status: c.status,
  name: c.name,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  metadata: c.metadata,
  participants: participants.map((p) => participantJson(accountSid, p)),
});

export const communicationJson = (accountSid: string, c: CommunicationRecord) => ({
  id: c.id,
  conversationId: c.conversationId,
  accountId: accountSid,
  author: c.author,
  content: c.content,
  channelId: c.channelId,
  resourceId: c.resourceId,
  recipients: c.recipients,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  occurredAt: c.occurredAt,
});

export const actionJson = (a: ActionRecord) => ({
  id: a.id,
  type: a.type,
  status: a.status,
  conversationId: a.conversationId,
  related: a.related,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
  completedAt: a.completedAt,
  failureReason: a.failureReason,
});

export const storeJson = (s: MemoryStoreRecord) => ({
  id: s.id,
  displayName: s.displayName,
  description: s.description,
  status: 'ACTIVE',
  intelligenceServiceId: null,
  version: s.version,
});

export const profileJson = (p: ProfileRecord) => ({ id: p.id, createdAt: p.createdAt, traits: p.traits });
