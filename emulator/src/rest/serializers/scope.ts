/**
 * Where a resource was reached from: the account-default paths (`/v1/Conversations/…`) or the
 * service-scoped ones (`/v1/Services/IS…/Conversations/…`). Both see the same data; the scope only
 * changes the `url`/`links` (and whether `chat_service_sid` is part of some shapes, per the spec).
 */
export type Scope = { serviceSid: string; scoped: boolean; accountSid: string };

/** Twilio's public host: `url`, `links` and page URLs are absolute on it, as Twilio answers. */
export const TWILIO_HOST = 'https://conversations.twilio.com';

export const base = (scope: Scope): string => (scope.scoped ? `${TWILIO_HOST}/v1/Services/${scope.serviceSid}` : `${TWILIO_HOST}/v1`);
