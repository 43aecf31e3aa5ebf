import type { DomainContext } from '../domain/context';
import type { ConversationWebhookRecord, WebhookMethod } from '../store/records';
import type { WebhookEvent } from './payloads';

/** One URL a webhook goes to, and at which of Twilio's three levels it was configured. */
export type WebhookTarget = { url: string; method: WebhookMethod; level: 'account' | 'service' | 'conversation' };

/**
 * Twilio's dispatch rules for who hears an event (Webhooks page):
 *
 * - account (`/v1/Configuration/Webhooks`, target `webhook`; `flex` is not emulated) and service
 *   (`/v1/Services/IS…/Configuration/Webhooks`) levels: the pre- or post-action URL, when the event is
 *   in the level's `Filters` (an empty list enables nothing);
 * - conversation-scoped webhooks (post-action only): target `webhook` by its `Configuration.Filters`;
 *   target `trigger` on `onMessageAdded` when the body contains one of its keywords as a word (any
 *   case); target `studio` is not emulated (Studio flows do not run here).
 */
/** The account- and service-level targets, through their pre- or post-action URL. */
const levelTargets = (ctx: DomainContext, event: WebhookEvent, urlKey: 'preWebhookUrl' | 'postWebhookUrl'): WebhookTarget[] => {
  const out: WebhookTarget[] = [];
  const account = ctx.store.state.configurationWebhooks;
  const accountUrl = account[urlKey];
  if (account.target === 'webhook' && accountUrl && account.filters.includes(event.eventType)) {
    out.push({ url: accountUrl, method: account.method, level: 'account' });
  }
  const service = ctx.store.get('services', event.serviceSid)?.webhooks;
  const serviceUrl = service?.[urlKey];
  if (service && serviceUrl && service.filters.includes(event.eventType)) {
    out.push({ url: serviceUrl, method: service.method, level: 'service' });
  }
  return out;
};

export const preActionTargets = (ctx: DomainContext, event: WebhookEvent): WebhookTarget[] => levelTargets(ctx, event, 'preWebhookUrl');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const triggered = (keywords: readonly string[], body: string | null) =>
  body !== null && keywords.some((k) => k.trim() !== '' && new RegExp(`(^|\\W)${escapeRegExp(k.trim())}(\\W|$)`, 'iu').test(body));

export const postActionTargets = (
  ctx: DomainContext,
  event: WebhookEvent,
  /** The conversation's scoped webhooks, when they are gone from the store (conversation removed). */
  removedScoped?: readonly ConversationWebhookRecord[],
): WebhookTarget[] => {
  const out = levelTargets(ctx, event, 'postWebhookUrl');
  if (event.conversationSid === null) return out;
  const scoped = removedScoped ?? ctx.store.recordsByIndex('conversationWebhooks', 'byConversation', event.conversationSid);
  for (const webhook of scoped) {
    const { url, method, filters, triggers } = webhook.configuration;
    if (url === null) continue;
    const fires =
      (webhook.target === 'webhook' && filters.includes(event.eventType)) ||
      (webhook.target === 'trigger' && event.eventType === 'onMessageAdded' && triggered(triggers, event.body));
    if (fires) out.push({ url, method, level: 'conversation' });
  }
  return out;
};
