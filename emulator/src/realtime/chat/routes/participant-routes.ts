import { z } from 'zod';
import { notFound } from '../../../domain/errors';
import { participantAddPermissions, participantRemovePermissions, participantUpdatePermissions } from '../../../domain/sdk-permissions';
import type { ConversationRecord, ParticipantRecord } from '../../../store/records';
import { json, param } from '../../../http/route';
import type { ProductRoutes } from '../../../http/router';
import { chatRoute, joinedConversation, parseJsonBody, requirePermission, visibleConversation, type ChatCaller, type ChatDeps } from './chat-route';
import { participantJson } from '../../../serializers/participants';

const ZAdd = z.object({
  identity: z.string().optional(),
  attributes: z.string().optional(),
  messaging_binding: z
    .object({
      address: z.string().optional(),
      proxy_address: z.string().optional(),
      projected_address: z.string().optional(),
      name: z.string().optional(),
      level: z.string().optional(),
    })
    .optional(),
});

const ZUpdate = z.object({ attributes: z.string().optional() });

/** The SDK removes by identity (leave, removeParticipant(identity)) or by participant SID. */
function resolveParticipant(deps: ChatDeps, conversation: ConversationRecord, identityOrSid: string): ParticipantRecord {
  const bySid = deps.core.store.get('participants', identityOrSid);
  if (bySid && bySid.conversationSid === conversation.sid) return bySid;
  const byIdentity = deps.core.lookup.participantByIdentity(conversation.sid, identityOrSid);
  if (!byIdentity) throw notFound(`/Conversations/${conversation.sid}/Participants/${identityOrSid}`);
  return byIdentity;
}

/**
 * Participants over the chat API: `join()` (the caller adds itself: `joinConversation`), `add`
 * by identity and `addNonChatParticipant` (`addParticipant`), `leave()` (`leaveConversation`),
 * removal of others (`removeParticipant`), attribute updates (own participant, or `removeParticipant`:
 * whoever may remove a participant may edit it).
 */
export function registerParticipantRoutes(router: ProductRoutes, deps: ChatDeps): void {
  const base = '/Client/v2/Services/{ServiceSid}/Conversations/{Conversation}/Participants';

  router.post(
    base,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZAdd);
      const conversation = visibleConversation(deps, caller, param(request, 'Conversation'));
      const joining = body.identity === caller.identity && !deps.core.lookup.participantByIdentity(conversation.sid, caller.identity);
      const needed = participantAddPermissions(joining);
      requirePermission(deps, caller, needed.inConversation ? conversation : null, needed.permissions);
      const binding = body.messaging_binding;
      const participant = await deps.core.participants.addParticipant(
        caller.serviceSid,
        conversation.sid,
        {
          identity: body.identity,
          attributes: body.attributes,
          address: binding?.address,
          proxyAddress: binding?.proxy_address,
          projectedAddress: binding?.projected_address,
        },
        caller.origin,
      );
      return json(201, participantJson(participant, caller.scope));
    }),
  );

  router.post(
    `${base}/{Participant}`,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZUpdate);
      const { conversation, participant } = participantFor(deps, caller, param(request, 'Conversation'), param(request, 'Participant'));
      requirePermission(deps, caller, conversation, participantUpdatePermissions(caller, participant));
      const updated = await deps.core.participants.updateParticipant(
        caller.serviceSid,
        conversation.sid,
        participant.sid,
        { attributes: body.attributes },
        caller.origin,
      );
      return json(200, participantJson(updated, caller.scope));
    }),
  );

  router.delete(
    `${base}/{Participant}`,
    chatRoute(deps, async (request, caller) => {
      const { conversation, participant } = participantFor(deps, caller, param(request, 'Conversation'), param(request, 'Participant'));
      requirePermission(deps, caller, conversation, participantRemovePermissions(caller, participant));
      await deps.core.participants.removeParticipant(caller.serviceSid, conversation.sid, participant.sid, caller.origin);
      return json(200, {});
    }),
  );
}

function participantFor(deps: ChatDeps, caller: ChatCaller, conversationParam: string, participantParam: string) {
  const { conversation } = joinedConversation(deps, caller, conversationParam);
  return { conversation, participant: resolveParticipant(deps, conversation, participantParam) };
}
