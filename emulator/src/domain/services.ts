import type { RoleType, ServiceNotifications, ServiceRecord, WebhookConfiguration } from '../store/records';
import { mutate, type DomainContext } from './context';
import { removeConversationCascade } from './cascade';
import { badRequest, ERROR_CODES, invalidParam, missingParam } from './errors';
import type { DomainEvent } from './events';
import { getService } from './lookup';
import type { Origin } from './origin';
import { assertRole } from './roles';
import { buildService } from './service-factory';
import { ALL_WEBHOOK_EVENTS } from './webhook-filters';
import { assertHttpUrl, assertMaxChars, LIMITS, oneOf } from './validate';

export const createService = (ctx: DomainContext, input: { friendlyName?: string }, origin: Origin) =>
  mutate(ctx, {
    prepare: () => {
      if (input.friendlyName === undefined) throw missingParam('FriendlyName');
      assertMaxChars(input.friendlyName, LIMITS.friendlyName, 'FriendlyName');
      return input.friendlyName;
    },
    hook: () => null,
    apply: (friendlyName) => {
      const { service, roles } = buildService(friendlyName, { now: ctx.clock.isoNow(), nextSeq: () => ctx.store.nextSeq() });
      ctx.store.insert('services', service);
      for (const role of roles) ctx.store.insert('roles', role);
      const at = ctx.clock.isoNow();
      return { result: service, events: [{ type: 'service.added', service, origin, at, serviceSid: service.sid }] };
    },
  });

/** Deleting a Service deletes everything in it. The account's default service cannot be deleted. */
export const deleteService = (ctx: DomainContext, serviceSid: string, origin: Origin) =>
  mutate(ctx, {
    prepare: () => {
      const service = getService(ctx, serviceSid);
      if (ctx.store.state.configuration.defaultChatServiceSid === serviceSid) {
        throw badRequest(
          ERROR_CODES.serviceInUse,
          'The default Conversation Service cannot be deleted; name another one in /v1/Configuration first',
        );
      }
      return service;
    },
    hook: () => null,
    apply: (service) => {
      const events: DomainEvent[] = [];
      for (const sid of [...ctx.store.byIndex('conversations', 'byService', serviceSid)]) {
        const conversation = ctx.store.get('conversations', sid);
        if (conversation) events.push(...removeConversationCascade(ctx, conversation, origin));
      }
      for (const sid of [...ctx.store.byIndex('users', 'byService', serviceSid)]) ctx.store.delete('users', sid);
      for (const sid of [...ctx.store.byIndex('roles', 'byService', serviceSid)]) ctx.store.delete('roles', sid);
      for (const sid of [...ctx.store.byIndex('bindings', 'byService', serviceSid)]) ctx.store.delete('bindings', sid);
      for (const sid of [...ctx.store.byIndex('media', 'byService', serviceSid)]) {
        ctx.store.delete('media', sid);
        ctx.mediaRemoved(sid);
      }
      ctx.store.delete('services', serviceSid);
      events.push({ type: 'service.removed', service, origin, at: ctx.clock.isoNow(), serviceSid });
      return { result: undefined, events };
    },
  });

const replaceService = (
  ctx: DomainContext,
  serviceSid: string,
  origin: Origin,
  scope: 'service' | 'service-webhooks' | 'service-notifications',
  build: (service: ServiceRecord) => ServiceRecord,
) =>
  mutate(ctx, {
    prepare: () => build(getService(ctx, serviceSid)),
    hook: () => null,
    apply: (next) => {
      const stamped = { ...next, dateUpdated: ctx.clock.isoNow() };
      ctx.store.replace('services', stamped);
      return {
        result: stamped,
        events: [{ type: 'configuration.updated', scope, origin, at: ctx.clock.isoNow(), serviceSid }] as DomainEvent[],
      };
    },
  });

export type ServiceConfigurationInput = {
  defaultConversationCreatorRoleSid?: string;
  defaultConversationRoleSid?: string;
  defaultChatServiceRoleSid?: string;
  reachabilityEnabled?: boolean;
};

export const updateServiceConfiguration = (
  ctx: DomainContext,
  serviceSid: string,
  input: ServiceConfigurationInput,
  origin: Origin,
) =>
  replaceService(ctx, serviceSid, origin, 'service', (service) => {
    const role = (sid: string | undefined, type: RoleType, param: string) => {
      if (sid !== undefined) assertRole(ctx, serviceSid, sid, type, param);
      return sid;
    };
    const c = service.configuration;
    return {
      ...service,
      configuration: {
        defaultConversationCreatorRoleSid:
          role(input.defaultConversationCreatorRoleSid, 'conversation', 'DefaultConversationCreatorRoleSid') ??
          c.defaultConversationCreatorRoleSid,
        defaultConversationRoleSid:
          role(input.defaultConversationRoleSid, 'conversation', 'DefaultConversationRoleSid') ?? c.defaultConversationRoleSid,
        defaultChatServiceRoleSid:
          role(input.defaultChatServiceRoleSid, 'service', 'DefaultChatServiceRoleSid') ?? c.defaultChatServiceRoleSid,
        reachabilityEnabled: input.reachabilityEnabled ?? c.reachabilityEnabled,
      },
    };
  });

export type NotificationsInput = {
  logEnabled?: boolean;
  newMessageEnabled?: boolean;
  newMessageTemplate?: string;
  newMessageSound?: string;
  newMessageBadgeCountEnabled?: boolean;
  newMessageWithMediaEnabled?: boolean;
  newMessageWithMediaTemplate?: string;
  addedToConversationEnabled?: boolean;
  addedToConversationTemplate?: string;
  addedToConversationSound?: string;
  removedFromConversationEnabled?: boolean;
  removedFromConversationTemplate?: string;
  removedFromConversationSound?: string;
};

export const updateServiceNotifications = (ctx: DomainContext, serviceSid: string, i: NotificationsInput, origin: Origin) =>
  replaceService(ctx, serviceSid, origin, 'service-notifications', (service) => {
    const n = service.notifications;
    const notifications: ServiceNotifications = {
      logEnabled: i.logEnabled ?? n.logEnabled,
      newMessage: {
        enabled: i.newMessageEnabled ?? n.newMessage.enabled,
        template: i.newMessageTemplate ?? n.newMessage.template,
        sound: i.newMessageSound ?? n.newMessage.sound,
        badgeCountEnabled: i.newMessageBadgeCountEnabled ?? n.newMessage.badgeCountEnabled,
        withMedia: {
          enabled: i.newMessageWithMediaEnabled ?? n.newMessage.withMedia.enabled,
          template: i.newMessageWithMediaTemplate ?? n.newMessage.withMedia.template,
        },
      },
      addedToConversation: {
        enabled: i.addedToConversationEnabled ?? n.addedToConversation.enabled,
        template: i.addedToConversationTemplate ?? n.addedToConversation.template,
        sound: i.addedToConversationSound ?? n.addedToConversation.sound,
      },
      removedFromConversation: {
        enabled: i.removedFromConversationEnabled ?? n.removedFromConversation.enabled,
        template: i.removedFromConversationTemplate ?? n.removedFromConversation.template,
        sound: i.removedFromConversationSound ?? n.removedFromConversation.sound,
      },
    };
    return { ...service, notifications };
  });

export type WebhookConfigurationInput = {
  preWebhookUrl?: string;
  postWebhookUrl?: string;
  filters?: string[];
  method?: string;
};

/** Checks webhook settings shared by the account and service levels. Empty URL clears it. */
export const mergeWebhookConfiguration = (current: WebhookConfiguration, input: WebhookConfigurationInput): WebhookConfiguration => {
  const url = (value: string | undefined, param: string, fallback: string | null) => {
    if (value === undefined) return fallback;
    if (value === '') return null;
    assertHttpUrl(value, param);
    return value;
  };
  for (const filter of input.filters ?? []) {
    if (!ALL_WEBHOOK_EVENTS.includes(filter)) throw invalidParam(`Parameter 'Filters' has an unknown event: '${filter}'`);
  }
  return {
    preWebhookUrl: url(input.preWebhookUrl, 'PreWebhookUrl', current.preWebhookUrl),
    postWebhookUrl: url(input.postWebhookUrl, 'PostWebhookUrl', current.postWebhookUrl),
    filters: input.filters ?? current.filters,
    method: input.method === undefined ? current.method : oneOf(input.method.toUpperCase(), ['GET', 'POST'] as const, 'Method'),
  };
};

export const updateServiceWebhooks = (ctx: DomainContext, serviceSid: string, input: WebhookConfigurationInput, origin: Origin) =>
  replaceService(ctx, serviceSid, origin, 'service-webhooks', (service) => ({
    ...service,
    webhooks: mergeWebhookConfiguration(service.webhooks, input),
  }));
