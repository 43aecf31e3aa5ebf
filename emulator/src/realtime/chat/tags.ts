import { z } from 'zod';
import type { JsonValue } from '../json';

/**
 * What each chat Sync object belongs to, stored as the object's `tag` (never sent to clients). Access
 * checks (`access-policy.ts`) and the projection index (rebuilt from tags after a restart) read it.
 *
 * Per user: the conversations map and the user-info map. Per conversation: the document, the
 * messages list and the roster map. Users live in a service, so the service is part of every tag.
 */
export const ZChatTag = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user-conversations'), serviceSid: z.string(), identity: z.string() }),
  z.object({ kind: z.literal('user-info'), serviceSid: z.string(), identity: z.string() }),
  z.object({ kind: z.literal('conversation'), serviceSid: z.string(), conversationSid: z.string() }),
  z.object({ kind: z.literal('messages'), serviceSid: z.string(), conversationSid: z.string() }),
  z.object({ kind: z.literal('roster'), serviceSid: z.string(), conversationSid: z.string() }),
]);

export type ChatTag = z.infer<typeof ZChatTag>;

/** Objects without a chat tag (none are created today) are nobody's and therefore unreadable. */
export function readTag(tag: JsonValue): ChatTag | null {
  const parsed = ZChatTag.safeParse(tag);
  return parsed.success ? parsed.data : null;
}

export function toJsonTag(tag: ChatTag): JsonValue {
  return { ...tag };
}
