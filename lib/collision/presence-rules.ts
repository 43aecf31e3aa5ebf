import { z } from 'zod';
import { CONVERSATION_SID } from '@/lib/twilio/sids';

// Shared by the server and the browser; no server imports here.

/** A typist who sent nothing for this long has stopped. */
export const TYPING_TTL_MS = 6_000;
/** At most one typing report per this long while typing. */
export const TYPING_REPORT_MS = 2_000;

/**
 * What a tab reports about itself, naming its event stream (the `hello`'s connectionId): the
 * conversation it shows (null: none), or that its user is typing there.
 */
export const ZPresenceReport = z
  .object({
    connectionId: z.uuid(),
    conversationSid: z.string().regex(CONVERSATION_SID).nullable(),
    typing: z.boolean().default(false),
  })
  .strict();
export type TPresenceReport = z.infer<typeof ZPresenceReport>;

export type Viewer = { userId: string; name: string; conversationSid: string; typing: boolean };
