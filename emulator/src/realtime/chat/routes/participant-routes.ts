import { z } from 'zod';
import { notFound } from '../../../domain/errors';
import type { ConversationRecord, ParticipantRecord } from '../../../store/records';
import { ok, param } from '../../upstream/route-helpers';
import type { UpstreamRouter } from '../../upstream/router';
import { chatRoute, joinedConversation, parseJsonBody, requirePermission, visibleConversation, type Caller, type ChatDeps } from './chat-route';
import { participantJson } from './serializers';

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

/** §9.6: the SDK removes by identity (leave, removeParticipant(identity)) or by participant SID. */
function resolveParticipant(deps: ChatDeps, conversation: ConversationRecord, identityOrSid: string): ParticipantRecord {
  const bySid = deps.core.store.get('participants', identityOrSid);
  if (bySid && bySid.conversationSid === conversation.sid) return bySid;
  const byIdentity = deps.core.lookup.participantByIdentity(conversation.sid, identityOrSid);
  if (!byIdentity) throw notFound(`/Conversations/${conversation.sid}/Participants/${identityOrSid}`);
  return byIdentity;
}

/**
 * Participants over the chat API (§9.6): `join()` (the caller adds itself: `joinConversation`), `add`
 * by identity and `addNonChatParticipant` (`addParticipant`), `leave()` (`leaveConversation`),
 * removal of others (`removeParticipant`), attribute updates (own participant, or `removeParticipant`:
 * whoever may remove a participant may edit it).
 */
export function registerParticipantRoutes(router: UpstreamRouter, deps: ChatDeps): void {
  const base = '/Client/v2/Services/:serviceSid/Conversations/:conversation/Participants';

  router.add(
    'POST',
    base,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZAdd);
      const conversation = visibleConversation(deps, caller, param(request, 'conversation'));
      const joining = body.identity === caller.identity && !deps.core.lookup.participantByIdentity(conversation.sid, caller.identity);
      requirePermission(deps, caller, joining ? null : conversation, joining ? 'joinConversation' : 'addParticipant');
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
      return ok(participantJson(deps.core, caller.links, participant), 201);
    }),
  );

  router.add(
    'POST',
    `${base}/:participant`,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZUpdate);
      const { conversation, participant } = participantFor(deps, caller, param(request, 'conversation'), param(request, 'participant'));
      if (participant.identity !== caller.identity) requirePermission(deps, caller, conversation, 'removeParticipant');
      const updated = await deps.core.participants.updateParticipant(
        caller.serviceSid,
        conversation.sid,
        participant.sid,
        { attributes: body.attributes },
        caller.origin,
      );
      return ok(participantJson(deps.core, caller.links, updated));
    }),
  );

  router.add(
    'DELETE',
    `${base}/:participant`,
    chatRoute(deps, async (request, caller) => {
      const { conversation, participant } = participantFor(deps, caller, param(request, 'conversation'), param(request, 'participant'));
      requirePermission(deps, caller, conversation, participant.identity === caller.identity ? 'leaveConversation' : 'removeParticipant');
      await deps.core.participants.removeParticipant(caller.serviceSid, conversation.sid, participant.sid, caller.origin);
      return ok({});
    }),
  );
}

function participantFor(deps: ChatDeps, caller: Caller, conversationParam: string, participantParam: string) {
  const { conversation } = joinedConversation(deps, caller, conversationParam);
  return { conversation, participant: resolveParticipant(deps, conversation, participantParam) };
}
