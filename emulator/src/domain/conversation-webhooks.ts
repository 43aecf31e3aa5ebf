import type { ConversationWebhookRecord } from '../store/records';
import { newSid } from '../store/sid';
import { mutate, type DomainContext } from './context';
import { invalidParam, missingParam, notFound } from './errors';
import { getConversation } from './lookup';
import type { Origin } from './origin';
import { POST_ACTION_EVENTS } from './webhook-filters';
import { assertHttpUrl, assertSid, oneOf } from './validate';

export type ConversationWebhookInput = {
  target?: string;
  url?: string;
  method?: string;
  filters?: string[];
  triggers?: string[];
  flowSid?: string;
  replayAfter?: number;
};

export const getConversationWebhook = (ctx: DomainContext, serviceSid: string, conversationSid: string, sid: string) => {
  const conversation = getConversation(ctx, serviceSid, conversationSid);
  const webhook = ctx.store.get('conversationWebhooks', sid);
  if (!webhook || webhook.conversationSid !== conversation.sid) {
    throw notFound(`/Conversations/${conversation.sid}/Webhooks/${sid}`);
  }
  return webhook;
};

const checkConfiguration = (
  target: ConversationWebhookRecord['target'],
  c: ConversationWebhookRecord['configuration'],
): ConversationWebhookRecord['configuration'] => {
  if (c.url !== null) assertHttpUrl(c.url, 'Configuration.Url');
  if ((target === 'webhook' || target === 'trigger') && c.url === null) throw missingParam('Configuration.Url');
  if (target === 'studio' && c.flowSid === null) throw missingParam('Configuration.FlowSid');
  if (c.flowSid !== null) assertSid(c.flowSid, 'FW', 'Configuration.FlowSid', 'Studio Flow SID');
  if (target === 'trigger' && c.triggers.length === 0) throw missingParam('Configuration.Triggers');
  for (const filter of c.filters) {
    if (!(POST_ACTION_EVENTS as readonly string[]).includes(filter)) {
      throw invalidParam(`Parameter 'Configuration.Filters' has an unknown event: '${filter}'`);
    }
  }
  if (c.replayAfter !== null && (!Number.isInteger(c.replayAfter) || c.replayAfter < 0)) {
    throw invalidParam("Parameter 'Configuration.ReplayAfter' must be a non-negative integer");
  }
  return c;
};

const merge = (base: ConversationWebhookRecord['configuration'], input: ConversationWebhookInput) => ({
  url: input.url ?? base.url,
  method: input.method === undefined ? base.method : oneOf(input.method.toUpperCase(), ['GET', 'POST'] as const, 'Configuration.Method'),
  filters: input.filters ?? base.filters,
  triggers: input.triggers ?? base.triggers,
  flowSid: input.flowSid ?? base.flowSid,
  replayAfter: input.replayAfter ?? base.replayAfter,
});

export const createConversationWebhook = (
  ctx: DomainContext,
  serviceSid: string,
  conversationSid: string,
  input: ConversationWebhookInput,
  _origin: Origin,
) =>
  mutate(ctx, {
    prepare: () => {
      const conversation = getConversation(ctx, serviceSid, conversationSid);
      if (input.target === undefined) throw missingParam('Target');
      const target = oneOf(input.target, ['webhook', 'trigger', 'studio'] as const, 'Target');
      const empty = { url: null, method: 'POST' as const, filters: [], triggers: [], flowSid: null, replayAfter: null };
      return { conversation, target, configuration: checkConfiguration(target, merge(empty, input)) };
    },
    hook: () => null,
    apply: ({ conversation, target, configuration }) => {
      const now = ctx.clock.isoNow();
      const webhook: ConversationWebhookRecord = {
        sid: newSid('WH'),
        seq: ctx.store.nextSeq(),
        dateCreated: now,
        dateUpdated: now,
        conversationSid: conversation.sid,
        serviceSid,
        target,
        configuration,
      };
      ctx.store.insert('conversationWebhooks', webhook);
      return { result: webhook, events: [] };
    },
  });

export const updateConversationWebhook = (
  ctx: DomainContext,
  serviceSid: string,
  conversationSid: string,
  sid: string,
  input: ConversationWebhookInput,
  _origin: Origin,
) =>
  mutate(ctx, {
    prepare: () => {
      const current = getConversationWebhook(ctx, serviceSid, conversationSid, sid);
      return { ...current, configuration: checkConfiguration(current.target, merge(current.configuration, input)) };
    },
    hook: () => null,
    apply: (next) => {
      const webhook = { ...next, dateUpdated: ctx.clock.isoNow() };
      ctx.store.replace('conversationWebhooks', webhook);
      return { result: webhook, events: [] };
    },
  });

export const deleteConversationWebhook = (
  ctx: DomainContext,
  serviceSid: string,
  conversationSid: string,
  sid: string,
  _origin: Origin,
) =>
  mutate(ctx, {
    prepare: () => getConversationWebhook(ctx, serviceSid, conversationSid, sid),
    hook: () => null,
    apply: (webhook) => {
      ctx.store.delete('conversationWebhooks', webhook.sid);
      return { result: undefined, events: [] };
    },
  });
