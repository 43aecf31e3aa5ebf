import { z } from 'zod';
import type { Binding } from '@/lib/conversations/messaging-binding';
import type { WebhookParams } from './verify-signature';

// The post-action events Switchboard acts on, parsed from Twilio's form fields. Anything else
// is acknowledged and ignored.

/** handle-webhook-event.ts handles each; configureTwilio asks Twilio for exactly these. */
export const HANDLED_EVENT_TYPES = [
  'onConversationAdded',
  'onConversationUpdated',
  'onConversationRemoved',
  'onConversationStateUpdated',
  'onMessageAdded',
  'onParticipantAdded',
  'onParticipantRemoved',
  'onDeliveryUpdated',
] as const;

const ZSid = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`));
const optional = z.string().optional().transform((value) => (value === '' ? undefined : value));
const ZDate = z
  .string()
  .optional()
  .refine((value) => !value || !Number.isNaN(Date.parse(value)), 'must be a date')
  .transform((value) => (value ? new Date(value) : undefined));

// An autocreated group MMS lists every customer's address (the field repeats).
const ZAddresses = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter(Boolean)));

const ZBinding = {
  'MessagingBinding.Address': ZAddresses,
  'MessagingBinding.ProxyAddress': optional,
  'MessagingBinding.ProjectedAddress': optional,
};

const binding = (form: { 'MessagingBinding.Address': string[]; 'MessagingBinding.ProxyAddress'?: string; 'MessagingBinding.ProjectedAddress'?: string }): Binding => ({
  addresses: form['MessagingBinding.Address'],
  proxyAddress: form['MessagingBinding.ProxyAddress'] ?? null,
  projectedAddress: form['MessagingBinding.ProjectedAddress'] ?? null,
});

const ZConversationEvent = z
  .object({
    EventType: z.enum(['onConversationAdded', 'onConversationUpdated', 'onConversationRemoved']),
    ConversationSid: ZSid('CH'),
    State: optional,
    Attributes: optional,
    FriendlyName: optional,
    DateCreated: ZDate,
    DateUpdated: ZDate,
    ...ZBinding,
  })
  .transform((form) => ({
    type: form.EventType,
    conversationSid: form.ConversationSid,
    state: form.EventType === 'onConversationRemoved' ? 'closed' : form.State,
    attributes: form.Attributes,
    friendlyName: form.FriendlyName,
    createdAt: form.DateCreated,
    updatedAt: form.DateUpdated,
    binding: binding(form),
  }));

const ZStateEvent = z
  .object({ EventType: z.literal('onConversationStateUpdated'), ConversationSid: ZSid('CH'), StateTo: z.string(), StateFrom: optional, StateUpdated: ZDate })
  .transform((form) => ({
    type: form.EventType,
    conversationSid: form.ConversationSid,
    state: form.StateTo.toLowerCase(),
    previousState: form.StateFrom?.toLowerCase(),
    updatedAt: form.StateUpdated,
  }));

const ZMessageEvent = z
  .object({
    EventType: z.literal('onMessageAdded'),
    ConversationSid: ZSid('CH'),
    MessageSid: ZSid('IM'),
    Author: optional,
    Body: optional,
    Media: optional,
    DateCreated: ZDate,
  })
  .transform((form) => ({
    type: form.EventType,
    conversationSid: form.ConversationSid,
    messageSid: form.MessageSid,
    author: form.Author ?? null,
    body: form.Body ?? null,
    mediaCount: mediaCount(form.Media),
    at: form.DateCreated ?? new Date(),
  }));

const ZParticipantEvent = z
  .object({
    EventType: z.enum(['onParticipantAdded', 'onParticipantRemoved']),
    ConversationSid: ZSid('CH'),
    Identity: optional,
    ...ZBinding,
  })
  .transform((form) => ({ type: form.EventType, conversationSid: form.ConversationSid, identity: form.Identity ?? null, binding: binding(form) }));

const ZDeliveryEvent = z
  .object({ EventType: z.literal('onDeliveryUpdated'), ConversationSid: ZSid('CH'), Status: z.string(), ErrorCode: optional, DateUpdated: ZDate })
  .transform((form) => ({
    type: form.EventType,
    conversationSid: form.ConversationSid,
    status: form.Status.toLowerCase(),
    // Twilio sends 0 for "no error".
    errorCode: form.ErrorCode && form.ErrorCode !== '0' ? form.ErrorCode : null,
    at: form.DateUpdated ?? new Date(),
  }));

export type WebhookEvent = z.output<typeof ZConversationEvent | typeof ZStateEvent | typeof ZMessageEvent | typeof ZParticipantEvent | typeof ZDeliveryEvent>;

// Each event type's own schema, so a malformed event is described field by field.
const SCHEMAS: Record<(typeof HANDLED_EVENT_TYPES)[number], z.ZodType<WebhookEvent>> = {
  onConversationAdded: ZConversationEvent,
  onConversationUpdated: ZConversationEvent,
  onConversationRemoved: ZConversationEvent,
  onConversationStateUpdated: ZStateEvent,
  onMessageAdded: ZMessageEvent,
  onParticipantAdded: ZParticipantEvent,
  onParticipantRemoved: ZParticipantEvent,
  onDeliveryUpdated: ZDeliveryEvent,
};

export type ParsedWebhook = { kind: 'event'; event: WebhookEvent } | { kind: 'ignored'; eventType: string } | { kind: 'invalid'; message: string };

const REPEATABLE = new Set(['MessagingBinding.Address']);

export function parseWebhookEvent(params: WebhookParams): ParsedWebhook {
  const form = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) && !REPEATABLE.has(key) ? value[value.length - 1] : value]),
  );
  const eventType = typeof form.EventType === 'string' ? form.EventType : '';
  const schema = SCHEMAS[eventType as keyof typeof SCHEMAS] as z.ZodType<WebhookEvent> | undefined;
  if (!schema) return { kind: 'ignored', eventType };
  const parsed = schema.safeParse(form);
  if (!parsed.success) return { kind: 'invalid', message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
  return { kind: 'event', event: parsed.data };
}

function mediaCount(media: string | undefined): number {
  if (!media) return 0;
  try {
    const parsed: unknown = JSON.parse(media);
    return Array.isArray(parsed) ? parsed.length : 0;
  } catch {
    return 0;
  }
}
