import type { ConversationObjects } from '../projection/projection-index';

/** The Sync objects holding a conversation, as the SDK's API names them (`sync_objects`). */
export const conversationSyncObjects = (objects: ConversationObjects) => ({
  conversation: objects.document,
  messages: objects.messages,
  participants: objects.roster,
});
