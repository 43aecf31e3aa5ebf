import { timingSafeEqual } from 'node:crypto';
import type { Credentials } from '../config';
import { authenticationError, TwilioError } from '../domain/errors';
import type { AccessTokenVerifier } from '../realtime/auth/access-token';
import type { AuthScheme, Caller } from './route';
import type { UrlSigner } from './signed-urls';

/** What a credential check sees of a request. */
export type CredentialSource = {
  /** The path as requested (percent-encoded), without the query. */
  path: string;
  query: URLSearchParams;
  headers: Readonly<Record<string, string | undefined>>;
};

/**
 * Checks one scheme's credential: null when the request does not carry it (the next scheme is tried),
 * the caller when it is valid, and a thrown `TwilioError` when it is carried but wrong.
 */
export type CredentialCheck = (request: CredentialSource) => Caller | null;

export type Authenticators = Readonly<Record<Exclude<AuthScheme, 'none'>, CredentialCheck>>;

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** HTTP Basic with the account SID + auth token, or an API key + secret, as Twilio accepts. */
export const accountCredentials =
  (credentials: Credentials): CredentialCheck =>
  ({ headers }) => {
    const header = headers.authorization;
    if (!header?.startsWith('Basic ')) return null;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = decoded.slice(0, Math.max(colon, 0));
    const pass = decoded.slice(colon + 1);
    const valid =
      colon >= 0 &&
      ((same(user, credentials.accountSid) && same(pass, credentials.authToken)) || (same(user, credentials.apiKey) && same(pass, credentials.apiSecret)));
    if (!valid) throw authenticationError();
    return { scheme: 'account' };
  };

/** An access token in `X-Twilio-Token`, as the SDK sends it to MCS; refused with the token's own error code. */
export const accessTokenHeader =
  (verify: AccessTokenVerifier): CredentialCheck =>
  ({ headers }) => {
    const token = headers['x-twilio-token'];
    if (!token) return null;
    const verification = verify(token);
    if (!verification.ok) throw new TwilioError(verification.rejection.errorCode, 401, verification.rejection.message);
    return { scheme: 'sdk-token', identity: verification.claims.identity, claims: verification.claims, peer: null };
  };

/** A URL minted by `UrlSigner.sign`: its `Expires` and `Signature` query parameters are the credential. */
export const signedUrl =
  (signer: UrlSigner): CredentialCheck =>
  ({ path, query }) => {
    if (!query.has('Signature')) return null;
    const check = signer.verify(path, query.get('Expires'), query.get('Signature'));
    if (check === 'expired') throw new TwilioError(20403, 403, 'The temporary URL has expired; request a new one');
    if (check === 'invalid') throw new TwilioError(20403, 403, 'Invalid URL signature');
    return { scheme: 'signed-url' };
  };

/** The route's schemes in order; the first credential the request carries decides. None carried: 401. */
export const authenticate = (authenticators: Authenticators, schemes: readonly AuthScheme[], request: CredentialSource): Caller => {
  for (const scheme of schemes) {
    if (scheme === 'none') return { scheme: 'none' };
    const caller = authenticators[scheme](request);
    if (caller) return caller;
  }
  throw authenticationError();
};
