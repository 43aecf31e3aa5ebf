import { z } from 'zod';
import { zSafeText } from '@/lib/text/control-characters';

// Shared by the API (the boundary) and the management form; no server imports here.
export const ZCannedResponse = z
  .object({
    shortcut: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'Use 1–32 letters, digits or dashes, like "refund-policy".'),
    title: zSafeText().trim().min(1, 'Give it a title.').max(100),
    body: zSafeText().trim().min(1, 'Write the reply.').max(1600, 'Keep it within an SMS’s 1,600 characters.'),
  })
  .strict();
export type TCannedResponse = z.infer<typeof ZCannedResponse>;

export type CannedResponseView = TCannedResponse & { id: string };
