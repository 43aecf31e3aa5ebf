import { z } from 'zod';
import type { Core } from '../../domain/core';
import { conversationInput, ConversationForm } from './conversations';
import { invalidParam } from '../../domain/errors';
import { findUser } from '../../domain/lookup';
import { key } from '../../store/indexes';
import { list, parse } from '../params';
import { both, fromTable, listResponse, scopeOf } from '../route-kit';
import type { ProductRoutes } from '../../http/router';
import { conversationWithParticipantsJson } from '../../serializers/conversations';
import { participantConversationJson } from '../../serializers/users';
import { json } from '../../http/route';

const WithParticipantsForm = ConversationForm.extend({ Participant: list() });

/** ParticipantConversations (by identity or address) and ConversationWithParticipants. */
export const registerParticipantConversationRoutes = (router: ProductRoutes, core: Core) => {
  both(router, 'GET', '/ParticipantConversations', (req) => {
    const scope = scopeOf(core, req);
    const identity = req.query.get('Identity') ?? undefined;
    const address = req.query.get('Address') ?? undefined;
    if (identity === undefined && address === undefined) {
      throw invalidParam("Either 'Identity' or 'Address' must be specified");
    }
    const sids =
      identity !== undefined
        ? core.store.byIndex('participants', 'byServiceIdentity', key(scope.serviceSid, identity))
        : core.store.byIndex('participants', 'byServiceAddress', key(scope.serviceSid, address));
    const user = identity === undefined ? undefined : findUser(core.ctx, scope.serviceSid, identity);
    return listResponse(req, {
      key: 'conversations',
      sids,
      ...fromTable(core, 'participants'),
      toJson: (p) => {
        const conversation = core.store.get('conversations', p.conversationSid);
        return conversation ? participantConversationJson(p, conversation, user, scope) : null;
      },
      filters: { Identity: identity, Address: address },
    });
  });

  both(router, 'POST', '/ConversationWithParticipants', async (req) => {
    const scope = scopeOf(core, req);
    const f: z.output<typeof WithParticipantsForm> = parse(WithParticipantsForm, req.form);
    const conversation = await core.conversationWithParticipants.createConversationWithParticipants(
      scope.serviceSid,
      { ...conversationInput(f), participants: f.Participant },
      req.origin,
    );
    return json(201, conversationWithParticipantsJson(conversation, scope));
  });
};
