import { z } from 'zod';
import type { Core } from '../../domain/core';
import { getBinding } from '../../domain/credentials';
import { getService } from '../../domain/lookup';
import { bool, list, parse, str } from '../params';
import { fromTable, listResponse, param } from '../route-kit';
import type { ProductRoutes } from '../../http/router';
import {
  bindingJson,
  serviceConfigurationJson,
  serviceJson,
  serviceNotificationsJson,
  serviceWebhooksJson,
} from '../../serializers/services';
import { json, noContent } from '../../http/route';

const ServiceForm = z.object({ FriendlyName: str() });
const ConfigurationForm = z.object({
  DefaultConversationCreatorRoleSid: str(),
  DefaultConversationRoleSid: str(),
  DefaultChatServiceRoleSid: str(),
  ReachabilityEnabled: bool(),
});
const NotificationsForm = z.object({
  LogEnabled: bool(),
  'NewMessage.Enabled': bool(),
  'NewMessage.Template': str(),
  'NewMessage.Sound': str(),
  'NewMessage.BadgeCountEnabled': bool(),
  'NewMessage.WithMedia.Enabled': bool(),
  'NewMessage.WithMedia.Template': str(),
  'AddedToConversation.Enabled': bool(),
  'AddedToConversation.Template': str(),
  'AddedToConversation.Sound': str(),
  'RemovedFromConversation.Enabled': bool(),
  'RemovedFromConversation.Template': str(),
  'RemovedFromConversation.Sound': str(),
});
export const WebhooksForm = z.object({ PreWebhookUrl: str(), PostWebhookUrl: str(), Filters: list(), Method: str(), Target: str() });

export const registerServiceRoutes = (router: ProductRoutes, core: Core) => {
  const acct = core.accountSid;

  router.post('/v1/Services', async (req) => {
    const f = parse(ServiceForm, req.form);
    return json(201, serviceJson(await core.services.createService({ friendlyName: f.FriendlyName }, req.origin), acct));
  });
  router.get('/v1/Services', (req) =>
    listResponse(req, {
      key: 'services',
      sids: core.store.byIndex('services', 'all'),
      ...fromTable(core, 'services'),
      toJson: (s) => serviceJson(s, acct),
    }),
  );
  router.get('/v1/Services/{Sid}', (req) => json(200, serviceJson(getService(core.ctx, param(req, 'Sid')), acct)));
  router.delete('/v1/Services/{Sid}', async (req) => {
    await core.services.deleteService(param(req, 'Sid'), req.origin);
    return noContent();
  });

  const svc = '/v1/Services/{ChatServiceSid}';
  router.get(`${svc}/Configuration`, (req) => json(200, serviceConfigurationJson(getService(core.ctx, param(req, 'ChatServiceSid')))));
  router.post(`${svc}/Configuration`, async (req) => {
    const f = parse(ConfigurationForm, req.form);
    const service = await core.services.updateServiceConfiguration(
      param(req, 'ChatServiceSid'),
      {
        defaultConversationCreatorRoleSid: f.DefaultConversationCreatorRoleSid,
        defaultConversationRoleSid: f.DefaultConversationRoleSid,
        defaultChatServiceRoleSid: f.DefaultChatServiceRoleSid,
        reachabilityEnabled: f.ReachabilityEnabled,
      },
      req.origin,
    );
    return json(200, serviceConfigurationJson(service));
  });

  router.get(`${svc}/Configuration/Notifications`, (req) =>
    json(200, serviceNotificationsJson(getService(core.ctx, param(req, 'ChatServiceSid')), acct)),
  );
  router.post(`${svc}/Configuration/Notifications`, async (req) => {
    const f = parse(NotificationsForm, req.form);
    const service = await core.services.updateServiceNotifications(
      param(req, 'ChatServiceSid'),
      {
        logEnabled: f.LogEnabled,
        newMessageEnabled: f['NewMessage.Enabled'],
        newMessageTemplate: f['NewMessage.Template'],
        newMessageSound: f['NewMessage.Sound'],
        newMessageBadgeCountEnabled: f['NewMessage.BadgeCountEnabled'],
        newMessageWithMediaEnabled: f['NewMessage.WithMedia.Enabled'],
        newMessageWithMediaTemplate: f['NewMessage.WithMedia.Template'],
        addedToConversationEnabled: f['AddedToConversation.Enabled'],
        addedToConversationTemplate: f['AddedToConversation.Template'],
        addedToConversationSound: f['AddedToConversation.Sound'],
        removedFromConversationEnabled: f['RemovedFromConversation.Enabled'],
        removedFromConversationTemplate: f['RemovedFromConversation.Template'],
        removedFromConversationSound: f['RemovedFromConversation.Sound'],
      },
      req.origin,
    );
    return json(200, serviceNotificationsJson(service, acct));
  });

  router.get(`${svc}/Configuration/Webhooks`, (req) =>
    json(200, serviceWebhooksJson(getService(core.ctx, param(req, 'ChatServiceSid')), acct)),
  );
  router.post(`${svc}/Configuration/Webhooks`, async (req) => {
    const f = parse(WebhooksForm, req.form);
    const service = await core.services.updateServiceWebhooks(
      param(req, 'ChatServiceSid'),
      { preWebhookUrl: f.PreWebhookUrl, postWebhookUrl: f.PostWebhookUrl, filters: f.Filters, method: f.Method },
      req.origin,
    );
    return json(200, serviceWebhooksJson(service, acct));
  });

  router.get(`${svc}/Bindings`, (req) => {
    const serviceSid = getService(core.ctx, param(req, 'ChatServiceSid')).sid;
    const types = req.query.getAll('BindingType');
    const identities = req.query.getAll('Identity');
    const sids = core.store.byIndex('bindings', 'byService', serviceSid).filter((sid) => {
      const b = core.store.get('bindings', sid);
      return b !== undefined && (types.length === 0 || types.includes(b.bindingType)) && (identities.length === 0 || identities.includes(b.identity));
    });
    return listResponse(req, {
      key: 'bindings',
      sids,
      ...fromTable(core, 'bindings'),
      toJson: (b) => bindingJson(b, acct),
    });
  });
  router.get(`${svc}/Bindings/{Sid}`, (req) =>
    json(200, bindingJson(getBinding(core.ctx, param(req, 'ChatServiceSid'), param(req, 'Sid')), acct)),
  );
  router.delete(`${svc}/Bindings/{Sid}`, async (req) => {
    await core.credentials.deleteBinding(param(req, 'ChatServiceSid'), param(req, 'Sid'), req.origin);
    return noContent();
  });
};
