import { z } from 'zod';
import type { WebhookParams } from './verify-signature';

// The pre-action events Switchboard vets before Twilio publishes them: writes in a conversation
// by an SDK client (an agent's browser token). configureTwilio asks Twilio for exactly these.
export const PRE_ACTION_EVENT_TYPES = ['onMessageAdd', 'onMessageUpdate', 'onMessageRemove', 'onParticipantAdd'] as const;

export type PreActionEventType = (typeof PRE_ACTION_EVENT_TYPES)[number];

const optional = z.string().optional().transform((value) => (value === '' ? undefined : value));

const ZPreActionEvent = z
  .object({
    EventType: z.enum(PRE_ACTION_EVENT_TYPES),
    // SDK, API (the app's own REST calls, or Twilio itself), SMS, WHATSAPP.
    Source: z.string().min(1),
    ClientIdentity: optional,
    ConversationSid: z.string().regex(/^CH[0-9a-fA-F]{32}$/),
  })
  .transform((form) => ({
    type: form.EventType,
    isFromSdk: form.Source.toUpperCase() === 'SDK',
    clientIdentity: form.ClientIdentity ?? null,
    conversationSid: form.ConversationSid,
  }));

export type PreActionEvent = z.output<typeof ZPreActionEvent>;

export type ParsedPreAction = { kind: 'event'; event: PreActionEvent } | { kind: 'ignored' } | { kind: 'invalid'; message: string };

const VETTED = new Set<string>(PRE_ACTION_EVENT_TYPES);

export function parsePreActionEvent(params: WebhookParams): ParsedPreAction {
  const form = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[value.length - 1] : value]));
  if (!VETTED.has(String(form.EventType ?? ''))) return { kind: 'ignored' };
  const parsed = ZPreActionEvent.safeParse(form);
  if (!parsed.success) return { kind: 'invalid', message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
  return { kind: 'event', event: parsed.data };
}
