import { z } from 'zod';

/**
 * A content template as the app shows it: the Content API resource with WhatsApp's review. `types`
 * keeps Twilio's wire shape (`twilio/text`, `twilio/quick-reply`, …) so a preview renders what the
 * customer will see.
 */
export type WhatsAppStatus = 'unsubmitted' | 'received' | 'pending' | 'approved' | 'rejected' | 'paused' | 'disabled';

export type TemplateView = {
  sid: string;
  friendlyName: string;
  language: string;
  /** Default values of the variables, by name ("1", "2" or a word). */
  variables: Record<string, string>;
  types: Record<string, Record<string, unknown>>;
  whatsapp: { status: WhatsAppStatus; rejectionReason: string; name: string; category: string };
};

/** A template rendered as WhatsApp shows it: media header, text header, body, footer, buttons. */
export type TemplatePreview = {
  body: string;
  mediaUrl: string | null;
  headerText: string | null;
  footer: string | null;
  buttons: { title: string; url: string | null }[];
};

export const ZTemplatePreview = z.object({
  body: z.string(),
  mediaUrl: z.string().nullable(),
  headerText: z.string().nullable(),
  footer: z.string().nullable(),
  buttons: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
});

/** What the app stores in a template message's attributes, so every thread shows what the customer saw. */
export const ZTemplateAttribute = z.object({ sid: z.string(), name: z.string(), preview: ZTemplatePreview });
export type TTemplateAttribute = z.infer<typeof ZTemplateAttribute>;
