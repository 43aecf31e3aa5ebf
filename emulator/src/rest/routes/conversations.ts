import { z } from 'zod';
import type { Core } from '../../domain/core';
import { CONVERSATION_STATES } from '../../domain/conversations';
import { getConversation } from '../../domain/lookup';
import { oneOf, parseDate } from '../../domain/validate';
import { parse, str } from '../params';
import { both, fromTable, listResponse, param, scopeOf } from '../route-kit';
import type { ProductRoutes } from '../../http/router';
import { conversationJson } from '../../serializers/conversations';
import { json, noContent } from '../../http/route';

export const ConversationForm = z.object({
  FriendlyName: str(),
  UniqueName: str(),
  Attributes: str(),
  MessagingServiceSid: str(),
  State: str(),
  'Timers.Inactive': str(),
  'Timers.Closed': str(),
  DateCreated: str(),
  DateUpdated: str(),
  'Bindings.Email.Address': str(),
  'Bindings.Email.Name': str(),
});

export const conversationInput = (f: z.output<typeof ConversationForm>) => ({
  friendlyName: f.FriendlyName,
  uniqueName: f.UniqueName,
  attributes: f.Attributes,
  messagingServiceSid: f.MessagingServiceSid,
  state: f.State,
  timersInactive: f['Timers.Inactive'],
  timersClosed: f['Timers.Closed'],
  dateCreated: f.DateCreated,
  dateUpdated: f.DateUpdated,
  bindingsEmailAddress: f['Bindings.Email.Address'],
  bindingsEmailName: f['Bindings.Email.Name'],
});

export const registerConversationRoutes = (router: ProductRoutes, core: Core) => {
  both(router, 'POST', '/Conversations', async (req) => {
    const scope = scopeOf(core, req);
    const input = conversationInput(parse(ConversationForm, req.form));
    const conversation = await core.conversations.createConversation(scope.serviceSid, input, req.origin);
    return json(201, conversationJson(conversation, scope));
  });

  both(router, 'GET', '/Conversations', (req) => {
    const scope = scopeOf(core, req);
    const state = req.query.get('State') ?? undefined;
    const startDate = req.query.get('StartDate') ?? undefined;
    const endDate = req.query.get('EndDate') ?? undefined;
    if (state !== undefined) oneOf(state, CONVERSATION_STATES, 'State');
    const from = startDate === undefined ? undefined : parseDate(startDate, 'StartDate');
    // An EndDate without a time covers that whole day.
    const to = endDate === undefined ? undefined : parseDate(/T/.test(endDate) ? endDate : `${endDate}T23:59:59Z`, 'EndDate');
    let sids = core.store.byIndex('conversations', 'byService', scope.serviceSid);
    if (state !== undefined || from !== undefined || to !== undefined) {
      sids = sids.filter((sid) => {
        const c = core.store.get('conversations', sid);
        return (
          c !== undefined &&
          (state === undefined || c.state === state) &&
          (from === undefined || c.dateCreated >= from) &&
          (to === undefined || c.dateCreated <= to)
        );
      });
    }
    return listResponse(req, {
      key: 'conversations',
      sids,
      ...fromTable(core, 'conversations'),
      toJson: (c) => conversationJson(c, scope),
      filters: { StartDate: startDate, EndDate: endDate, State: state },
    });
  });

  both(router, 'GET', '/Conversations/{Sid}', (req) => {
    const scope = scopeOf(core, req);
    return json(200, conversationJson(getConversation(core.ctx, scope.serviceSid, param(req, 'Sid')), scope));
  });

  both(router, 'POST', '/Conversations/{Sid}', async (req) => {
    const scope = scopeOf(core, req);
    const input = conversationInput(parse(ConversationForm, req.form));
    const conversation = await core.conversations.updateConversation(scope.serviceSid, param(req, 'Sid'), input, req.origin);
    return json(200, conversationJson(conversation, scope));
  });

  both(router, 'DELETE', '/Conversations/{Sid}', async (req) => {
    const scope = scopeOf(core, req);
    await core.conversations.deleteConversation(scope.serviceSid, param(req, 'Sid'), req.origin);
    return noContent();
  });
};
