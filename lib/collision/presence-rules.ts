import { z } from 'zod';
import { CONVERSATION_SID } from '@/lib/twilio/sids';

// Shared by the server and the browser; no server imports here.

/** A viewer who has not reported for this long has left; a typist for this long has stopped. */
export const VIEWING_TTL_MS = 15_000;
export const TYPING_TTL_MS = 6_000;
export const PRESENCE_INTERVAL_MS = 5_000;

export const ZPresenceReport = z.object({ conversationSid: z.string().regex(CONVERSATION_SID), typing: z.boolean().default(false) }).strict();

export type Viewer = { userId: string; name: string; conversationSid: string; typing: boolean };
