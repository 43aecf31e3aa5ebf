import { z } from 'zod';

// What the snooze menu sends. Shared by the server and the browser; no server imports here.

/** Longest snooze: a quarter; anything later is a reminder, not a snooze. */
export const MAX_SNOOZE_DAYS = 92;

export const ZSnooze = z
  .object({
    /** Back at this time (ISO 8601), or null: only when the customer writes. */
    until: z.iso.datetime({ offset: true }).nullable(),
    /** Back as soon as the customer writes (with `until`: whichever comes first). */
    untilReply: z.boolean(),
  })
  .strict()
  .refine((snooze) => snooze.until !== null || snooze.untilReply, { message: 'Say until when, or until the customer replies.', path: ['until'] });
export type TSnooze = z.infer<typeof ZSnooze>;

export type SnoozeEndReasonName = 'TIME' | 'REPLY' | 'AGENT';
