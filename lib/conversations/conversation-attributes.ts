import { z } from 'zod';

// What Switchboard keeps in a conversation's Twilio attributes, under its own key so other
// tools' attributes survive. The SDK shows it to every participant's browser, so nothing
// secret goes here.
export const ZConversationChannel = z.enum(['sms', 'whatsapp', 'chat', 'group']);
export type TConversationChannel = z.infer<typeof ZConversationChannel>;

export const ZSwitchboardAttributes = z.object({
  channel: ZConversationChannel,
  customer: z.object({ address: z.string().optional(), name: z.string().optional() }).optional(),
  /** The account number the customer writes to (SMS/WhatsApp), or the group's projected address. */
  twilioNumber: z.string().optional(),
  /** Group texts: every customer's number. */
  members: z.array(z.string()).optional(),
  /** Group texts: the name the agent gave the group ("Wedding catering — Lee & Kim"). */
  name: z.string().optional(),
  /** A reply to a broadcast: which one (its name shows on the conversation). */
  broadcast: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type TSwitchboardAttributes = z.infer<typeof ZSwitchboardAttributes>;

/** Twilio's attributes are a JSON string; anything unreadable counts as no attributes. */
export function parseAttributes(value: string | null | undefined): Record<string, unknown> {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Reads Switchboard's part of any attributes value; null when it is missing or malformed. */
export function readSwitchboardAttributes(attributes: unknown): TSwitchboardAttributes | null {
  if (typeof attributes !== 'object' || attributes === null) return null;
  const parsed = ZSwitchboardAttributes.safeParse((attributes as Record<string, unknown>).switchboard);
  return parsed.success ? parsed.data : null;
}

export function withSwitchboardAttributes(attributes: unknown, switchboard: TSwitchboardAttributes): Record<string, unknown> {
  const base = typeof attributes === 'object' && attributes !== null && !Array.isArray(attributes) ? attributes : {};
  return { ...base, switchboard };
}
