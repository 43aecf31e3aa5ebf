import { z } from 'zod';
import { notFound } from '../../../domain/errors';
import { json, param, type EdgeResponse } from '../../../http/route';
import type { ProductRoutes } from '../../../http/router';
import { sdkUserConversationJson } from '../../../serializers/users';
import { key } from '../../../store/indexes';
import type { ConversationRecord, ParticipantRecord } from '../../../store/records';
import { chatRoute, parseJsonBody, visibleConversation, type ChatCaller, type ChatDeps } from './chat-route';
import { conversationSyncObjects } from './sync-objects';

const PAGE_SIZE = 100;

const ZUserConversationUpdate = z.object({
  last_read_message_index: z.number().int().nonnegative().nullable().optional(),
  notification_level: z.enum(['default', 'muted']).optional(),
});

/**
 * The user's conversations: the list the SDK loads at start-up, one conversation (by SID
 * or unique name — `getConversationByUniqueName` sends the name), and the per-user updates: read
 * horizon and notification level. The list pages over the identity's participants index, never a scan.
 */
export function registerMyConversationsRoutes(router: ProductRoutes, deps: ChatDeps): void {
  const base = '/Client/v2/Services/{ServiceSid}/Users/Me/Conversations';

  router.get(
    base,
    chatRoute(deps, (request, caller) => {
      const index = deps.core.store.multiIndex('participants', 'byServiceIdentity');
      const sids = index.get(key(caller.serviceSid, caller.identity));
      // The page token is the creation number (seq) of the last participant sent: joins and leaves
      // between pages neither repeat nor skip a conversation (the SDK also hears of them live).
      const after = Number(request.query.get('PageToken') ?? '');
      const from = Number.isSafeInteger(after) && after > 0 ? index.lowerBound(sids, after + 1) : 0;
      const page = sids.slice(from, from + PAGE_SIZE);
      const conversations = [];
      let last = 0;
      for (const participantSid of page) {
        const participant = deps.core.store.get('participants', participantSid);
        const conversation = participant && deps.core.store.get('conversations', participant.conversationSid);
        if (!participant || !conversation) continue;
        last = participant.seq;
        conversations.push(listEntry(deps, conversation, participant));
      }
      const next = from + PAGE_SIZE < sids.length && last > 0 ? String(last) : null;
      // `meta` must exist; the SDK loops while next_token is truthy.
      return json(200, { conversations, meta: { next_token: next, previous_token: null } });
    }),
  );

  router.get(
    `${base}/{Conversation}`,
    chatRoute(deps, (request, caller) => userConversationReply(deps, caller, param(request, 'Conversation'))),
  );

  router.post(
    `${base}/{Conversation}`,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZUserConversationUpdate);
      const sidOrName = param(request, 'Conversation');
      const conversation = deps.core.lookup.findConversation(caller.serviceSid, sidOrName);
      if (!conversation || !deps.core.lookup.participantByIdentity(conversation.sid, caller.identity)) throw notFound(`/Users/Me/Conversations/${sidOrName}`);
      const { participant } = await deps.core.userConversations.updateUserConversation(
        caller.serviceSid,
        caller.identity,
        conversation.sid,
        { lastReadMessageIndex: body.last_read_message_index, notificationLevel: body.notification_level },
        caller.origin,
      );
      // The reply must carry unread_messages_count; it is what the read-horizon calls resolve to.
      return json(200, listEntry(deps, conversation, participant));
    }),
  );
}

/**
 * One conversation as the caller sees it (UserConversation, peek included): both
 * `GET …/Users/Me/Conversations/{Conversation}` and `GET …/Conversations/{Conversation}` answer this.
 */
export function userConversationReply(deps: ChatDeps, caller: ChatCaller, sidOrUniqueName: string): EdgeResponse {
  const conversation = visibleConversation(deps, caller, sidOrUniqueName);
  const participant = deps.core.lookup.participantByIdentity(conversation.sid, caller.identity);
  return json(200, listEntry(deps, conversation, participant));
}

function listEntry(deps: ChatDeps, conversation: ConversationRecord, participant: ParticipantRecord | undefined) {
  const counts = {
    unread: participant ? deps.core.userConversations.unreadCount(participant) : null,
    messages: deps.core.store.byIndex('messages', 'byConversation', conversation.sid).length,
    participants: deps.core.store.byIndex('participants', 'byConversation', conversation.sid).length,
  };
  return sdkUserConversationJson(conversation, participant, counts, conversationSyncObjects(deps.projector.ensureConversation(conversation)));
}
