import { key } from '../store/indexes';
import type { AddressConfigurationRecord } from '../store/records';
import { newSid } from '../store/sid';
import { mutate, type DomainContext } from './context';
import { conflict, ERROR_CODES, invalidParam, missingParam, notFound } from './errors';
import type { Origin } from './origin';
import { ALL_WEBHOOK_EVENTS } from './webhook-filters';
import { assertHttpUrl, assertMaxChars, assertSid, LIMITS, oneOf, parseAddress } from './validate';

/**
 * Address Configuration: per-address inbound autocreation settings. The carrier reads them
 * when a message arrives for an address with no matching participant.
 */
export type AddressConfigurationInput = {
  type?: string;
  address?: string;
  friendlyName?: string;
  addressCountry?: string;
  autoCreationEnabled?: boolean;
  autoCreationType?: string;
  autoCreationConversationServiceSid?: string;
  autoCreationWebhookUrl?: string;
  autoCreationWebhookMethod?: string;
  autoCreationWebhookFilters?: string[];
  autoCreationStudioFlowSid?: string;
  autoCreationStudioRetryCount?: number;
};

export const ADDRESS_TYPES = ['sms', 'whatsapp', 'messenger', 'gbm', 'email', 'rcs', 'apple', 'chat'] as const;

/** The oldest configuration of `address`, whatever its type (one address may be set up for several). */
const byAddress = (ctx: DomainContext, address: string): AddressConfigurationRecord | undefined => {
  let oldest: AddressConfigurationRecord | undefined;
  for (const type of ADDRESS_TYPES) {
    const sid = ctx.store.uniqueSid('addressConfigurations', 'byAddress', key(type, address));
    const record = sid === undefined ? undefined : ctx.store.get('addressConfigurations', sid);
    if (record && (!oldest || record.seq < oldest.seq)) oldest = record;
  }
  return oldest;
};

export const getAddressConfiguration = (ctx: DomainContext, sidOrAddress: string): AddressConfigurationRecord => {
  const found = ctx.store.get('addressConfigurations', sidOrAddress) ?? byAddress(ctx, sidOrAddress);
  if (!found) throw notFound(`/Configuration/Addresses/${sidOrAddress}`);
  return found;
};

const autoCreation = (
  ctx: DomainContext,
  input: AddressConfigurationInput,
  base: AddressConfigurationRecord['autoCreation'],
): AddressConfigurationRecord['autoCreation'] => {
  const serviceSid = input.autoCreationConversationServiceSid ?? base.conversationServiceSid;
  if (serviceSid !== null && !ctx.store.get('services', serviceSid)) {
    throw invalidParam(`Parameter 'AutoCreation.ConversationServiceSid' is not a Conversation Service of this account: '${serviceSid}'`);
  }
  const webhookUrl = input.autoCreationWebhookUrl ?? base.webhookUrl;
  if (webhookUrl !== null) assertHttpUrl(webhookUrl, 'AutoCreation.WebhookUrl');
  for (const filter of input.autoCreationWebhookFilters ?? []) {
    if (!ALL_WEBHOOK_EVENTS.includes(filter)) throw invalidParam(`Parameter 'AutoCreation.WebhookFilters' has an unknown event: '${filter}'`);
  }
  const flow = input.autoCreationStudioFlowSid ?? base.studioFlowSid;
  if (flow !== null) assertSid(flow, 'FW', 'AutoCreation.StudioFlowSid', 'Studio Flow SID');
  return {
    enabled: input.autoCreationEnabled ?? base.enabled,
    type: input.autoCreationType === undefined ? base.type : oneOf(input.autoCreationType, ['webhook', 'studio', 'default'] as const, 'AutoCreation.Type'),
    conversationServiceSid: serviceSid,
    webhookUrl,
    webhookMethod:
      input.autoCreationWebhookMethod === undefined
        ? base.webhookMethod
        : oneOf(input.autoCreationWebhookMethod.toUpperCase(), ['GET', 'POST'] as const, 'AutoCreation.WebhookMethod'),
    webhookFilters: input.autoCreationWebhookFilters ?? base.webhookFilters,
    studioFlowSid: flow,
    studioRetryCount: input.autoCreationStudioRetryCount ?? base.studioRetryCount,
  };
};

export const createAddressConfiguration = (ctx: DomainContext, input: AddressConfigurationInput, _origin: Origin) =>
  mutate(ctx, {
    prepare: () => {
      if (input.type === undefined) throw missingParam('Type');
      if (input.address === undefined) throw missingParam('Address');
      const type = oneOf(input.type, ADDRESS_TYPES, 'Type');
      if (type === 'sms' || type === 'whatsapp') {
        const parsed = parseAddress(input.address, 'Address');
        if (parsed.channel !== type) throw invalidParam(`Parameter 'Address' is not a ${type} address: '${input.address}'`);
      }
      assertMaxChars(input.friendlyName, LIMITS.friendlyName, 'FriendlyName');
      if (ctx.store.uniqueSid('addressConfigurations', 'byAddress', key(type, input.address))) {
        throw conflict(ERROR_CODES.addressConfigurationExists, `An address configuration already exists for ${type} address ${input.address}`);
      }
      const base: AddressConfigurationRecord['autoCreation'] = {
        enabled: false,
        type: 'default',
        conversationServiceSid: null,
        webhookUrl: null,
        webhookMethod: 'POST',
        webhookFilters: [],
        studioFlowSid: null,
        studioRetryCount: null,
      };
      return { type, address: input.address, autoCreation: autoCreation(ctx, input, base) };
    },
    hook: () => null,
    apply: (fields) => {
      const now = ctx.clock.isoNow();
      const record: AddressConfigurationRecord = {
        sid: newSid('IG'),
        seq: ctx.store.nextSeq(),
        dateCreated: now,
        dateUpdated: now,
        ...fields,
        friendlyName: input.friendlyName ?? null,
        addressCountry: input.addressCountry ?? null,
      };
      ctx.store.insert('addressConfigurations', record);
      return { result: record, events: [] };
    },
  });

export const updateAddressConfiguration = (ctx: DomainContext, sid: string, input: AddressConfigurationInput, _origin: Origin) =>
  mutate(ctx, {
    prepare: () => {
      const current = getAddressConfiguration(ctx, sid);
      assertMaxChars(input.friendlyName, LIMITS.friendlyName, 'FriendlyName');
      return { ...current, friendlyName: input.friendlyName ?? current.friendlyName, autoCreation: autoCreation(ctx, input, current.autoCreation) };
    },
    hook: () => null,
    apply: (next) => {
      const record = { ...next, dateUpdated: ctx.clock.isoNow() };
      ctx.store.replace('addressConfigurations', record);
      return { result: record, events: [] };
    },
  });

export const deleteAddressConfiguration = (ctx: DomainContext, sid: string, _origin: Origin) =>
  mutate(ctx, {
    prepare: () => getAddressConfiguration(ctx, sid),
    hook: () => null,
    apply: (record) => {
      ctx.store.delete('addressConfigurations', record.sid);
      return { result: undefined, events: [] };
    },
  });
