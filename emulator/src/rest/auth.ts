import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type Credentials = { accountSid: string; authToken: string; apiKey: string; apiSecret: string };

/** Decides whether a request may reach an authenticated route. Adapters may add their own (SDK tokens). */
export type Authenticator = (req: IncomingMessage) => boolean;

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** HTTP Basic with the account SID + auth token, or an API key + secret, as Twilio accepts. */
export const basicAuth =
  (credentials: Credentials): Authenticator =>
  (req) => {
    const header = req.headers.authorization;
    if (!header?.startsWith('Basic ')) return false;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    const user = decoded.slice(0, colon);
    const pass = decoded.slice(colon + 1);
    return (
      (same(user, credentials.accountSid) && same(pass, credentials.authToken)) ||
      (same(user, credentials.apiKey) && same(pass, credentials.apiSecret))
    );
  };
