import { z } from 'zod';
import { zSafeText } from '@/lib/text/control-characters';

// Shared by the API (the boundary) and the settings form; no server imports here.

/** The channels a survey can go out on: a customer's own phone (1:1 SMS and WhatsApp). */
export const SURVEY_CHANNELS = ['SMS', 'WHATSAPP'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const DEFAULT_CSAT_QUESTION = 'How did we do? Reply 1-5 (5 is best), and tell us why if you like.';

export const ZCsatChannelSettings = z
  .object({
    channel: z.enum(SURVEY_CHANNELS),
    csatEnabled: z.boolean(),
    csatQuestion: zSafeText().trim().min(1, 'Write the question.').max(320, 'Keep the question within two SMS segments (320 characters).'),
  })
  .strict();
export type TCsatChannelSettings = z.infer<typeof ZCsatChannelSettings>;
