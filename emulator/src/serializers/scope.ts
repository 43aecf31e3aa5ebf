/**
 * Where a resource was reached from, which decides its `url`/`links`: the REST API's account-default
 * paths (`/v1/Conversations/…`), its service-scoped ones (`/v1/Services/IS…/Conversations/…`), or the
 * SDK's own API (`…/Client/v2/Services/IS…/Conversations/…`). All see the same data; scoped shapes also
 * carry `chat_service_sid` where Twilio's spec has it.
 */
export type Scope = {
  accountSid: string;
  serviceSid: string;
  scoped: boolean;
  /** The URL the resources' paths (`/Conversations/CH…`, `/Users/US…`, `/Roles/RL…`) start from. */
  base: string;
};

/** Twilio's public host: REST `url`, `links` and page URLs are absolute on it, as Twilio answers. */
export const TWILIO_HOST = 'https://conversations.twilio.com';

export const restScope = (accountSid: string, serviceSid: string, scoped: boolean): Scope => ({
  accountSid,
  serviceSid,
  scoped,
  base: scoped ? `${TWILIO_HOST}/v1/Services/${serviceSid}` : `${TWILIO_HOST}/v1`,
});

export const base = (scope: Scope): string => scope.base;
