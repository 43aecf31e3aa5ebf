import { z } from 'zod';
import { ADDRESS_TYPES, getAddressConfiguration } from '../../domain/address-configurations';
import type { Core } from '../../domain/core';
import { getCredential } from '../../domain/credentials';
import { oneOf } from '../../domain/validate';
import { bool, int, list, parse, str } from '../params';
import { fromTable, listResponse, param } from '../route-kit';
import type { ProductRoutes } from '../../http/router';
import {
  accountConfigurationJson,
  accountWebhooksJson,
  addressConfigurationJson,
  credentialJson,
} from '../../serializers/services';
import { json, noContent } from '../../http/route';
import { WebhooksForm } from './services';

const ConfigurationForm = z.object({
  DefaultChatServiceSid: str(),
  DefaultMessagingServiceSid: str(),
  DefaultInactiveTimer: str(),
  DefaultClosedTimer: str(),
});

const AddressForm = z.object({
  Type: str(),
  Address: str(),
  FriendlyName: str(),
  AddressCountry: str(),
  'AutoCreation.Enabled': bool(),
  'AutoCreation.Type': str(),
  'AutoCreation.ConversationServiceSid': str(),
  'AutoCreation.WebhookUrl': str(),
  'AutoCreation.WebhookMethod': str(),
  'AutoCreation.WebhookFilters': list(),
  'AutoCreation.StudioFlowSid': str(),
  'AutoCreation.StudioRetryCount': int(),
});

const addressInput = (f: z.output<typeof AddressForm>) => ({
  type: f.Type,
  address: f.Address,
  friendlyName: f.FriendlyName,
  addressCountry: f.AddressCountry,
  autoCreationEnabled: f['AutoCreation.Enabled'],
  autoCreationType: f['AutoCreation.Type'],
  autoCreationConversationServiceSid: f['AutoCreation.ConversationServiceSid'],
  autoCreationWebhookUrl: f['AutoCreation.WebhookUrl'],
  autoCreationWebhookMethod: f['AutoCreation.WebhookMethod'],
  autoCreationWebhookFilters: f['AutoCreation.WebhookFilters'],
  autoCreationStudioFlowSid: f['AutoCreation.StudioFlowSid'],
  autoCreationStudioRetryCount: f['AutoCreation.StudioRetryCount'],
});

const CredentialForm = z.object({
  Type: str(),
  FriendlyName: str(),
  Certificate: str(),
  PrivateKey: str(),
  Sandbox: bool(),
  ApiKey: str(),
  Secret: str(),
});

const credentialInput = (f: z.output<typeof CredentialForm>) => ({
  type: f.Type,
  friendlyName: f.FriendlyName,
  certificate: f.Certificate,
  privateKey: f.PrivateKey,
  sandbox: f.Sandbox,
  apiKey: f.ApiKey,
  secret: f.Secret,
});

/** Account-level resources: Configuration, its Webhooks and Addresses, and push Credentials. */
export const registerConfigurationRoutes = (router: ProductRoutes, core: Core) => {
  const acct = core.accountSid;

  router.get('/v1/Configuration', () => json(200, accountConfigurationJson(core.store.state.configuration, acct)));
  router.post('/v1/Configuration', async (req) => {
    const f = parse(ConfigurationForm, req.form);
    const configuration = await core.configuration.updateAccountConfiguration(
      {
        defaultChatServiceSid: f.DefaultChatServiceSid,
        defaultMessagingServiceSid: f.DefaultMessagingServiceSid,
        defaultInactiveTimer: f.DefaultInactiveTimer,
        defaultClosedTimer: f.DefaultClosedTimer,
      },
      req.origin,
    );
    return json(200, accountConfigurationJson(configuration, acct));
  });

  router.get('/v1/Configuration/Webhooks', () => json(200, accountWebhooksJson(core.store.state.configurationWebhooks, acct)));
  router.post('/v1/Configuration/Webhooks', async (req) => {
    const f = parse(WebhooksForm, req.form);
    const webhooks = await core.configuration.updateAccountWebhooks(
      { preWebhookUrl: f.PreWebhookUrl, postWebhookUrl: f.PostWebhookUrl, filters: f.Filters, method: f.Method, target: f.Target },
      req.origin,
    );
    return json(200, accountWebhooksJson(webhooks, acct));
  });

  router.post('/v1/Configuration/Addresses', async (req) => {
    const record = await core.addressConfigurations.createAddressConfiguration(addressInput(parse(AddressForm, req.form)), req.origin);
    return json(201, addressConfigurationJson(record, acct));
  });
  router.get('/v1/Configuration/Addresses', (req) => {
    const type = req.query.get('Type') ?? undefined;
    if (type !== undefined) oneOf(type, ADDRESS_TYPES, 'Type');
    const sids = core.store
      .byIndex('addressConfigurations', 'all')
      .filter((sid) => type === undefined || core.store.get('addressConfigurations', sid)?.type === type);
    return listResponse(req, {
      key: 'address_configurations',
      sids,
      ...fromTable(core, 'addressConfigurations'),
      toJson: (a) => addressConfigurationJson(a, acct),
      filters: { Type: type },
    });
  });
  router.get('/v1/Configuration/Addresses/{Sid}', (req) =>
    json(200, addressConfigurationJson(getAddressConfiguration(core.ctx, param(req, 'Sid')), acct)),
  );
  router.post('/v1/Configuration/Addresses/{Sid}', async (req) => {
    const record = await core.addressConfigurations.updateAddressConfiguration(
      getAddressConfiguration(core.ctx, param(req, 'Sid')).sid,
      addressInput(parse(AddressForm, req.form)),
      req.origin,
    );
    return json(200, addressConfigurationJson(record, acct));
  });
  router.delete('/v1/Configuration/Addresses/{Sid}', async (req) => {
    await core.addressConfigurations.deleteAddressConfiguration(param(req, 'Sid'), req.origin);
    return noContent();
  });

  router.post('/v1/Credentials', async (req) => {
    const credential = await core.credentials.createCredential(credentialInput(parse(CredentialForm, req.form)), req.origin);
    return json(201, credentialJson(credential, acct));
  });
  router.get('/v1/Credentials', (req) =>
    listResponse(req, {
      key: 'credentials',
      sids: core.store.byIndex('credentials', 'all'),
      ...fromTable(core, 'credentials'),
      toJson: (c) => credentialJson(c, acct),
    }),
  );
  router.get('/v1/Credentials/{Sid}', (req) => json(200, credentialJson(getCredential(core.ctx, param(req, 'Sid')), acct)));
  router.post('/v1/Credentials/{Sid}', async (req) => {
    const credential = await core.credentials.updateCredential(param(req, 'Sid'), credentialInput(parse(CredentialForm, req.form)), req.origin);
    return json(200, credentialJson(credential, acct));
  });
  router.delete('/v1/Credentials/{Sid}', async (req) => {
    await core.credentials.deleteCredential(param(req, 'Sid'), req.origin);
    return noContent();
  });
};
