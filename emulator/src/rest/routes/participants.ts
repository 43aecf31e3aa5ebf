import { z } from 'zod';
import type { Core } from '../../domain/core';
import { getConversation, getParticipant } from '../../domain/lookup';
import { int, parse, str } from '../params';
import { both, fromTable, listResponse, param, scopeOf } from '../route-kit';
import type { ProductRoutes } from '../../http/router';
import { participantJson } from '../../serializers/participants';
import { json, noContent } from '../../http/route';

const CreateForm = z.object({
  Identity: str(),
  'MessagingBinding.Address': str(),
  'MessagingBinding.ProxyAddress': str(),
  'MessagingBinding.ProjectedAddress': str(),
  Attributes: str(),
  RoleSid: str(),
  DateCreated: str(),
  DateUpdated: str(),
});

const UpdateForm = z.object({
  Identity: str(),
  'MessagingBinding.ProxyAddress': str(),
  'MessagingBinding.ProjectedAddress': str(),
  Attributes: str(),
  RoleSid: str(),
  LastReadMessageIndex: int(),
  LastReadTimestamp: str(),
  DateCreated: str(),
  DateUpdated: str(),
});

export const registerParticipantRoutes = (router: ProductRoutes, core: Core) => {
  const base = '/Conversations/{ConversationSid}/Participants';

  both(router, 'POST', base, async (req) => {
    const scope = scopeOf(core, req);
    const f = parse(CreateForm, req.form);
    const participant = await core.participants.addParticipant(
      scope.serviceSid,
      param(req, 'ConversationSid'),
      {
        identity: f.Identity,
        address: f['MessagingBinding.Address'],
        proxyAddress: f['MessagingBinding.ProxyAddress'],
        projectedAddress: f['MessagingBinding.ProjectedAddress'],
        attributes: f.Attributes,
        roleSid: f.RoleSid,
        dateCreated: f.DateCreated,
        dateUpdated: f.DateUpdated,
      },
      req.origin,
    );
    return json(201, participantJson(participant, scope));
  });

  both(router, 'GET', base, (req) => {
    const scope = scopeOf(core, req);
    const conversation = getConversation(core.ctx, scope.serviceSid, param(req, 'ConversationSid'));
    return listResponse(req, {
      key: 'participants',
      sids: core.store.byIndex('participants', 'byConversation', conversation.sid),
      ...fromTable(core, 'participants'),
      toJson: (p) => participantJson(p, scope),
    });
  });

  both(router, 'GET', `${base}/{Sid}`, (req) => {
    const scope = scopeOf(core, req);
    const conversation = getConversation(core.ctx, scope.serviceSid, param(req, 'ConversationSid'));
    return json(200, participantJson(getParticipant(core.ctx, conversation, param(req, 'Sid')), scope));
  });

  both(router, 'POST', `${base}/{Sid}`, async (req) => {
    const scope = scopeOf(core, req);
    const f = parse(UpdateForm, req.form);
    const participant = await core.participants.updateParticipant(
      scope.serviceSid,
      param(req, 'ConversationSid'),
      param(req, 'Sid'),
      {
        identity: f.Identity,
        proxyAddress: f['MessagingBinding.ProxyAddress'],
        projectedAddress: f['MessagingBinding.ProjectedAddress'],
        attributes: f.Attributes,
        roleSid: f.RoleSid,
        lastReadMessageIndex: f.LastReadMessageIndex,
        lastReadTimestamp: f.LastReadTimestamp,
        dateCreated: f.DateCreated,
        dateUpdated: f.DateUpdated,
      },
      req.origin,
    );
    return json(200, participantJson(participant, scope));
  });

  both(router, 'DELETE', `${base}/{Sid}`, async (req) => {
    const scope = scopeOf(core, req);
    await core.participants.removeParticipant(scope.serviceSid, param(req, 'ConversationSid'), param(req, 'Sid'), req.origin);
    return noContent();
  });
};
