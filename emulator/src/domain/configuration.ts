import type { AccountConfiguration, AccountWebhookConfiguration } from '../store/records';
import { isSid } from '../store/sid';
import { mutate, type DomainContext } from './context';
import { invalidParam } from './errors';
import type { Origin } from './origin';
import { mergeWebhookConfiguration, type WebhookConfigurationInput } from './services';
import { MIN_CLOSED_SECONDS, MIN_INACTIVE_SECONDS } from './timers';
import { oneOf, parseDuration } from './validate';

export type AccountConfigurationInput = {
  defaultChatServiceSid?: string;
  defaultMessagingServiceSid?: string;
  defaultInactiveTimer?: string;
  defaultClosedTimer?: string;
};

/** `/v1/Configuration`: which service the short `/v1/...` paths use, and default timers. */
export const updateAccountConfiguration = (ctx: DomainContext, input: AccountConfigurationInput, origin: Origin) =>
  mutate(ctx, {
    prepare: () => {
      const current = ctx.store.state.configuration;
      if (input.defaultChatServiceSid !== undefined && !ctx.store.get('services', input.defaultChatServiceSid)) {
        throw invalidParam(`Parameter 'DefaultChatServiceSid' is not a Conversation Service of this account: '${input.defaultChatServiceSid}'`);
      }
      if (input.defaultMessagingServiceSid !== undefined && !isSid(input.defaultMessagingServiceSid, 'MG')) {
        throw invalidParam(`Parameter 'DefaultMessagingServiceSid' is not a valid Messaging Service SID`);
      }
      const timer = (value: string | undefined, param: string, min: number, fallback: string | null) => {
        if (value === undefined) return fallback;
        return parseDuration(value, param, min) === 0 ? null : value;
      };
      const next: AccountConfiguration = {
        defaultChatServiceSid: input.defaultChatServiceSid ?? current.defaultChatServiceSid,
        defaultMessagingServiceSid: input.defaultMessagingServiceSid ?? current.defaultMessagingServiceSid,
        defaultInactiveTimer: timer(input.defaultInactiveTimer, 'DefaultInactiveTimer', MIN_INACTIVE_SECONDS, current.defaultInactiveTimer),
        defaultClosedTimer: timer(input.defaultClosedTimer, 'DefaultClosedTimer', MIN_CLOSED_SECONDS, current.defaultClosedTimer),
      };
      return next;
    },
    hook: () => null,
    apply: (next) => {
      ctx.store.state.configuration = next;
      ctx.store.touch();
      return {
        result: next,
        events: [
          { type: 'configuration.updated', scope: 'account', origin, at: ctx.clock.isoNow(), serviceSid: next.defaultChatServiceSid },
        ],
      };
    },
  });

/** `/v1/Configuration/Webhooks`: the account-level webhook target. */
export const updateAccountWebhooks = (
  ctx: DomainContext,
  input: WebhookConfigurationInput & { target?: string },
  origin: Origin,
) =>
  mutate(ctx, {
    prepare: (): AccountWebhookConfiguration => {
      const current = ctx.store.state.configurationWebhooks;
      return {
        ...mergeWebhookConfiguration(current, input),
        target: input.target === undefined ? current.target : oneOf(input.target, ['webhook', 'flex'] as const, 'Target'),
      };
    },
    hook: () => null,
    apply: (next) => {
      ctx.store.state.configurationWebhooks = next;
      ctx.store.touch();
      const serviceSid = ctx.store.state.configuration.defaultChatServiceSid;
      return {
        result: next,
        events: [{ type: 'configuration.updated', scope: 'account-webhooks', origin, at: ctx.clock.isoNow(), serviceSid }],
      };
    },
  });

/**
 * The account's default Messaging Service has no REST resource here; the emulator models only its
 * "Autocreate a Conversation" inbound setting (Inbound Autocreation page), set by the control API.
 */
export const updateMessagingService = (ctx: DomainContext, input: { inboundAutocreation: boolean }, origin: Origin) =>
  mutate(ctx, {
    prepare: () => ({ inboundAutocreation: input.inboundAutocreation }),
    hook: () => null,
    apply: (next) => {
      ctx.store.state.messagingService = next;
      ctx.store.touch();
      const serviceSid = ctx.store.state.configuration.defaultChatServiceSid;
      return { result: next, events: [{ type: 'configuration.updated', scope: 'account', origin, at: ctx.clock.isoNow(), serviceSid }] };
    },
  });
