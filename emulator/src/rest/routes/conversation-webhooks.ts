import { z } from 'zod';
import type { Core } from '../../domain/core';
import { getConversation } from '../../domain/lookup';
import { getConversationWebhook } from '../../domain/conversation-webhooks';
import { int, list, parse, str } from '../params';
import { both, fromTable, listResponse, param, scopeOf } from '../route-kit';
import type { ProductRoutes } from '../../http/router';
import { conversationWebhookJson } from '../../serializers/services';
import { json, noContent } from '../../http/route';

const Form = z.object({
  Target: str(),
  'Configuration.Url': str(),
  'Configuration.Method': str(),
  'Configuration.Filters': list(),
  'Configuration.Triggers': list(),
  'Configuration.FlowSid': str(),
  'Configuration.ReplayAfter': int(),
});

const input = (f: z.output<typeof Form>) => ({
  target: f.Target,
  url: f['Configuration.Url'],
  method: f['Configuration.Method'],
  filters: f['Configuration.Filters'],
  triggers: f['Configuration.Triggers'],
  flowSid: f['Configuration.FlowSid'],
  replayAfter: f['Configuration.ReplayAfter'],
});

export const registerConversationWebhookRoutes = (router: ProductRoutes, core: Core) => {
  const base = '/Conversations/{ConversationSid}/Webhooks';

  both(router, 'POST', base, async (req) => {
    const scope = scopeOf(core, req);
    const webhook = await core.conversationWebhooks.createConversationWebhook(
      scope.serviceSid,
      param(req, 'ConversationSid'),
      input(parse(Form, req.form)),
      req.origin,
    );
    return json(201, conversationWebhookJson(webhook, scope));
  });

  both(router, 'GET', base, (req) => {
    const scope = scopeOf(core, req);
    const conversation = getConversation(core.ctx, scope.serviceSid, param(req, 'ConversationSid'));
    return listResponse(req, {
      key: 'webhooks',
      sids: core.store.byIndex('conversationWebhooks', 'byConversation', conversation.sid),
      ...fromTable(core, 'conversationWebhooks'),
      toJson: (w) => conversationWebhookJson(w, scope),
    });
  });

  both(router, 'GET', `${base}/{Sid}`, (req) => {
    const scope = scopeOf(core, req);
    const webhook = getConversationWebhook(core.ctx, scope.serviceSid, param(req, 'ConversationSid'), param(req, 'Sid'));
    return json(200, conversationWebhookJson(webhook, scope));
  });

  both(router, 'POST', `${base}/{Sid}`, async (req) => {
    const scope = scopeOf(core, req);
    const webhook = await core.conversationWebhooks.updateConversationWebhook(
      scope.serviceSid,
      param(req, 'ConversationSid'),
      param(req, 'Sid'),
      input(parse(Form, req.form)),
      req.origin,
    );
    return json(200, conversationWebhookJson(webhook, scope));
  });

  both(router, 'DELETE', `${base}/{Sid}`, async (req) => {
    const scope = scopeOf(core, req);
    await core.conversationWebhooks.deleteConversationWebhook(
      scope.serviceSid,
      param(req, 'ConversationSid'),
      param(req, 'Sid'),
      req.origin,
    );
    return noContent();
  });
};
