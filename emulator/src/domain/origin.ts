/**
 * Who or what asked for a change. Every domain mutation takes one; it travels with the pre-action hook
 * call and with the domain event, so webhooks can fill `Source` / `ClientIdentity` and decide whether to
 * fire at all, exactly as Twilio does.
 */
export type OriginSource = 'api' | 'sdk' | 'sms' | 'whatsapp' | 'system';

export type Origin = {
  source: OriginSource;
  /** Identity of the SDK user acting, when `source` is 'sdk'. */
  clientIdentity?: string;
  /**
   * The REST caller sent `X-Twilio-Webhook-Enabled: true`. Twilio does not fire webhooks for changes
   * made through the REST API unless this header is set.
   */
  webhookEnabled: boolean;
  /**
   * A message the Conversations v2 bridge copies into a v1 conversation (the history before the
   * customer's reply): the carrier carried it already, so it is not delivered again.
   */
  bridged?: boolean;
};

export const SYSTEM_ORIGIN: Origin = { source: 'system', webhookEnabled: false };

/** An SDK user's change. Webhooks always fire for it: the header gate is for REST callers only. */
export const sdkOrigin = (clientIdentity: string): Origin => ({ source: 'sdk', clientIdentity, webhookEnabled: true });
