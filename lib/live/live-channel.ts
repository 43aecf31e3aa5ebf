import { z } from 'zod';
import type { Audience } from './audiences';

/** The PostgreSQL NOTIFY channel every app instance listens on. */
export const LIVE_CHANNEL = 'switchboard_live';

/** NOTIFY payloads are limited to 8,000 bytes; events are ids and a word, far below. */
export const MAX_PAYLOAD_BYTES = 7_900;

/** What travels through NOTIFY: the event and its audience (which never reaches a browser). */
export type LiveEnvelope = { kind: string; data: unknown; audience: Audience };

// Lenient on kinds: during a rolling deploy an instance may hear kinds it does not know yet;
// it passes them on and browsers ignore what they do not use.
const ZEnvelope = z.object({
  kind: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
  audience: z.object({
    everyone: z.boolean().optional(),
    roles: z.array(z.enum(['AGENT', 'SUPERVISOR', 'ADMIN'])).optional(),
    userIds: z.array(z.string().nullable()).optional(),
    viewersOf: z.array(z.string().nullable()).optional(),
  }),
});

export function parseEnvelope(payload: string): LiveEnvelope | null {
  try {
    const parsed = ZEnvelope.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
