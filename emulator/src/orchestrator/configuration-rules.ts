import { z } from 'zod';
import { invalidParam } from '../domain/errors';
import { GROUPING_TYPES, V2_CHANNELS, type ConfigurationFields, type ConfigurationRecord, type OrchestratorState } from './records';

/**
 * The ControlPlane Configuration body as the seed documents it. Bad input answers the write itself
 * with a 400 in Twilio's error shape (never a 202 whose operation later fails).
 */
const ZAddressPattern = z.string().min(1).max(256);
const ZCaptureRule = z.object({ from: ZAddressPattern, to: ZAddressPattern, metadata: z.record(z.string(), z.unknown()).optional() });
const ZMinutes = z.number().int().min(1).max(525_600);
const ZChannelSetting = z.object({
  statusTimeouts: z.object({ inactive: ZMinutes.optional(), closed: ZMinutes.optional() }).optional(),
  captureRules: z.array(ZCaptureRule).max(100).optional(),
});
const ZStatusCallback = z.object({ url: z.url({ protocol: /^https?$/ }), method: z.enum(['POST', 'GET']).optional() });

export const ZConfigurationBody = z.object({
  displayName: z.string().min(1).max(32).regex(/^[a-zA-Z0-9-_ ]+$/, 'may hold only letters, digits, spaces, - and _'),
  description: z.string().max(1024).nullish(),
  conversationGroupingType: z.enum(GROUPING_TYPES),
  memoryStoreId: z.string().regex(/^mem_(store|service)_[0-7][0-9a-z]{25}$/, 'must be a Memory Store id').nullish(),
  channelSettings: z.partialRecord(z.enum(V2_CHANNELS), ZChannelSetting).optional(),
  statusCallbacks: z.array(ZStatusCallback).max(20).nullish(),
  intelligenceConfigurationIds: z.array(z.string()).max(5).nullish(),
  memoryExtractionEnabled: z.boolean().nullish(),
  conversationsV1Bridge: z.object({ serviceId: z.string().regex(/^IS[0-9a-fA-F]{32}$/, 'must be a Conversation Service SID') }).nullish(),
  /** Optimistic locking: the version the caller last read; a stale one is refused. */
  version: z.number().int().min(1).optional(),
});

export type TConfigurationBody = z.infer<typeof ZConfigurationBody>;

const fail = (error: z.ZodError): never => {
  const issue = error.issues[0];
  const where = issue?.path.join('.') || 'body';
  throw invalidParam(`Invalid parameter '${where}': ${issue?.message ?? 'invalid'}`);
};

/** A full body (create, PUT); `partial` for PATCH, merged over the current configuration. */
export const parseConfigurationBody = (body: unknown, current?: ConfigurationRecord): TConfigurationBody => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidParam('The request body must be a JSON object');
  const merged = current ? { ...configurationInput(current), ...(body as Record<string, unknown>) } : body;
  const parsed = ZConfigurationBody.safeParse(merged);
  return parsed.success ? parsed.data : fail(parsed.error);
};

const configurationInput = (c: ConfigurationRecord): Record<string, unknown> => ({
  displayName: c.displayName,
  description: c.description,
  conversationGroupingType: c.conversationGroupingType,
  memoryStoreId: c.memoryStoreId,
  channelSettings: c.channelSettings,
  statusCallbacks: c.statusCallbacks,
  intelligenceConfigurationIds: c.intelligenceConfigurationIds,
  memoryExtractionEnabled: c.memoryExtractionEnabled,
  conversationsV1Bridge: c.conversationsV1Bridge,
});

/** Cross-field rules and references, against the current state. */
export const toConfigurationFields = (
  body: TConfigurationBody,
  state: OrchestratorState,
  serviceExists: (sid: string) => boolean,
): ConfigurationFields => {
  if (body.conversationGroupingType === 'GROUP_BY_PROFILE' && !body.memoryStoreId) {
    throw invalidParam("Parameter 'memoryStoreId' is required when conversationGroupingType is GROUP_BY_PROFILE");
  }
  if (body.memoryStoreId && !state.memoryStores[body.memoryStoreId]) {
    throw invalidParam(`Parameter 'memoryStoreId': no Memory Store ${body.memoryStoreId}`);
  }
  if (body.conversationsV1Bridge && !serviceExists(body.conversationsV1Bridge.serviceId)) {
    throw invalidParam(`Parameter 'conversationsV1Bridge.serviceId': no Conversation Service ${body.conversationsV1Bridge.serviceId}`);
  }
  for (const [channel, setting] of Object.entries(body.channelSettings ?? {})) {
    const { inactive, closed } = setting?.statusTimeouts ?? {};
    if (inactive !== undefined && closed !== undefined && closed <= inactive) {
      throw invalidParam(`Parameter 'channelSettings.${channel}.statusTimeouts': closed must be longer than inactive`);
    }
    for (const rule of setting?.captureRules ?? []) {
      for (const side of [rule.from, rule.to]) {
        if (channel === 'WHATSAPP' && side !== '*' && !side.startsWith('whatsapp:')) {
          throw invalidParam(`Parameter 'channelSettings.WHATSAPP.captureRules': '${side}' must be '*' or carry the whatsapp: prefix`);
        }
      }
    }
  }
  return {
    displayName: body.displayName,
    description: body.description ?? null,
    conversationGroupingType: body.conversationGroupingType,
    memoryStoreId: body.memoryStoreId ?? null,
    channelSettings: Object.fromEntries(
      Object.entries(body.channelSettings ?? {}).map(([channel, s]) => [
        channel,
        { statusTimeouts: s?.statusTimeouts ?? {}, captureRules: (s?.captureRules ?? []).map((r) => ({ from: r.from, to: r.to, metadata: r.metadata ?? {} })) },
      ]),
    ),
    statusCallbacks: (body.statusCallbacks ?? []).map((c) => ({ url: c.url, method: c.method ?? 'POST' })),
    intelligenceConfigurationIds: body.intelligenceConfigurationIds ?? [],
    memoryExtractionEnabled: body.memoryExtractionEnabled ?? false,
    conversationsV1Bridge: body.conversationsV1Bridge ? { serviceId: body.conversationsV1Bridge.serviceId } : null,
  };
};
