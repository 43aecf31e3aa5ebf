import { z } from 'zod';
import type { Core } from '../../domain/core';
import { getUser } from '../../domain/lookup';
import { getUserConversation, listUserConversations, unreadCount, type UserConversation } from '../../domain/user-conversations';
import { int, parse, str } from '../params';
import { both, fromTable, listResponse, param, scopeOf, seqIn } from '../route-kit';
import type { ProductRoutes } from '../../http/router';
import type { Scope } from '../../serializers/scope';
import { userConversationJson, userJson } from '../../serializers/users';
import { json, noContent } from '../../http/route';

const UserForm = z.object({ Identity: str(), FriendlyName: str(), Attributes: str(), RoleSid: str() });
const UserConversationForm = z.object({ NotificationLevel: str(), LastReadTimestamp: str(), LastReadMessageIndex: int() });

export const registerUserRoutes = (router: ProductRoutes, core: Core) => {
  const render = (user: Parameters<typeof userJson>[0], scope: Scope) =>
    userJson(user, core.store.get('services', user.serviceSid), scope);
  const renderUc = (uc: UserConversation, scope: Scope) => userConversationJson(uc, unreadCount(core.ctx, uc.participant), scope);

  both(router, 'POST', '/Users', async (req) => {
    const scope = scopeOf(core, req);
    const f = parse(UserForm, req.form);
    const user = await core.users.createUser(
      scope.serviceSid,
      { identity: f.Identity, friendlyName: f.FriendlyName, attributes: f.Attributes, roleSid: f.RoleSid },
      req.origin,
    );
    return json(201, render(user, scope));
  });

  both(router, 'GET', '/Users', (req) => {
    const scope = scopeOf(core, req);
    return listResponse(req, {
      key: 'users',
      sids: core.store.byIndex('users', 'byService', scope.serviceSid),
      ...fromTable(core, 'users'),
      toJson: (u) => render(u, scope),
    });
  });

  both(router, 'GET', '/Users/{Sid}', (req) => {
    const scope = scopeOf(core, req);
    return json(200, render(getUser(core.ctx, scope.serviceSid, param(req, 'Sid')), scope));
  });

  both(router, 'POST', '/Users/{Sid}', async (req) => {
    const scope = scopeOf(core, req);
    const f = parse(UserForm, req.form);
    const user = await core.users.updateUser(
      scope.serviceSid,
      param(req, 'Sid'),
      { friendlyName: f.FriendlyName, attributes: f.Attributes, roleSid: f.RoleSid },
      req.origin,
    );
    return json(200, render(user, scope));
  });

  both(router, 'DELETE', '/Users/{Sid}', async (req) => {
    const scope = scopeOf(core, req);
    await core.users.deleteUser(scope.serviceSid, param(req, 'Sid'), req.origin);
    return noContent();
  });

  both(router, 'GET', '/Users/{UserSid}/Conversations', (req) => {
    const scope = scopeOf(core, req);
    const user = getUser(core.ctx, scope.serviceSid, param(req, 'UserSid'));
    const memberships = new Map(listUserConversations(core.ctx, user).map((uc) => [uc.participant.sid, uc]));
    return listResponse(req, {
      key: 'conversations',
      sids: [...memberships.keys()],
      seqOf: seqIn(core, 'participants'),
      load: (sid) => memberships.get(sid),
      toJson: (uc) => renderUc(uc, scope),
    });
  });

  both(router, 'GET', '/Users/{UserSid}/Conversations/{ConversationSid}', (req) => {
    const scope = scopeOf(core, req);
    const uc = getUserConversation(core.ctx, scope.serviceSid, param(req, 'UserSid'), param(req, 'ConversationSid'));
    return json(200, renderUc(uc, scope));
  });

  both(router, 'POST', '/Users/{UserSid}/Conversations/{ConversationSid}', async (req) => {
    const scope = scopeOf(core, req);
    const f = parse(UserConversationForm, req.form);
    const uc = await core.userConversations.updateUserConversation(
      scope.serviceSid,
      param(req, 'UserSid'),
      param(req, 'ConversationSid'),
      { notificationLevel: f.NotificationLevel, lastReadMessageIndex: f.LastReadMessageIndex, lastReadTimestamp: f.LastReadTimestamp },
      req.origin,
    );
    return json(200, renderUc(uc, scope));
  });

  // Deleting a User Conversation takes the user out of the conversation: its participant is removed.
  both(router, 'DELETE', '/Users/{UserSid}/Conversations/{ConversationSid}', async (req) => {
    const scope = scopeOf(core, req);
    const uc = getUserConversation(core.ctx, scope.serviceSid, param(req, 'UserSid'), param(req, 'ConversationSid'));
    await core.participants.removeParticipant(scope.serviceSid, uc.conversation.sid, uc.participant.sid, req.origin);
    return noContent();
  });
};
