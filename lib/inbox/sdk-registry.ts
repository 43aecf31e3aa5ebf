import type { Conversation, Message, Paginator } from '@twilio/conversations';

/** The live SDK objects behind the store's plain records, by SID. */
export class SdkRegistry {
  readonly conversations = new Map<string, Conversation>();
  readonly messages = new Map<string, Message>();
  /** The oldest page loaded per conversation: its prevPage() loads history. */
  readonly oldestPages = new Map<string, Paginator<Message>>();
  /** Files of pending messages, kept for a retry. */
  readonly pendingFiles = new Map<string, File[]>();
  /** Conversations whose list preview is being fetched. */
  readonly previewRequests = new Set<string>();

  conversation(sid: string): Conversation {
    const conversation = this.conversations.get(sid);
    if (!conversation) throw new Error('This conversation is not open in your inbox.');
    return conversation;
  }

  forgetConversation(sid: string): void {
    this.conversations.delete(sid);
    this.oldestPages.delete(sid);
    for (const [messageSid, message] of this.messages) {
      if (message.conversation.sid === sid) this.messages.delete(messageSid);
    }
  }
}
