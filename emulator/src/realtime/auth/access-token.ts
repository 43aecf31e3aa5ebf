import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Twilio access-token verification (docs/sdk-protocol.md, "Access tokens"). The SDK never decodes the token; the service alone decides
 * identity and authorization, so this is the whole of it. Error codes are Twilio's:
 * 20101 invalid token (malformed, forged signature), 20102 invalid header, 20103 invalid issuer/subject
 * (unknown API key, other account), 20104 expired or invalid expiry, 20105 not yet valid,
 * 20106 invalid grants.
 */
export type AccessTokenClaims = {
  identity: string;
  accountSid: string;
  apiKeySid: string;
  /** `grants.chat.service_sid`, or null for a token without a chat grant. */
  chatServiceSid: string | null;
  grants: Record<string, unknown>;
  /** Epoch milliseconds. */
  expiresAt: number;
  issuedAt: number | null;
  notBefore: number | null;
  jwtId: string | null;
};

export type TokenRejection = { status: 401; errorCode: TokenErrorCode; message: string };
export type TokenErrorCode = 20101 | 20102 | 20103 | 20104 | 20105 | 20106;
export type TokenVerification = { ok: true; claims: AccessTokenClaims } | { ok: false; rejection: TokenRejection };
export type AccessTokenVerifier = (token: string) => TokenVerification;

export type AccessTokenVerifierDeps = {
  /** The account every token must be issued for (`sub`). */
  accountSid: string;
  /** API key SID (`iss`) → its secret, or undefined when the key does not exist. */
  lookupApiKeySecret(apiKeySid: string): string | undefined;
  /** Epoch milliseconds; the emulator's advanceable clock. */
  now(): number;
  /** When given, a chat grant naming a service this returns true for is required. */
  isKnownChatService?(serviceSid: string): boolean;
};

// Twilio caps access-token lifetime at 24 hours; a longer one has an "invalid expiration date" (20104).
const MAX_TTL_SECONDS = 24 * 60 * 60;

const ZHeader = z.object({
  alg: z.enum(['HS256', 'HS384', 'HS512']),
  typ: z.literal('JWT').optional(),
  cty: z.literal('twilio-fpa;v=1'),
});

const ZPayload = z.object({
  iss: z.string().min(1),
  sub: z.string().min(1),
  exp: z.number(),
  iat: z.number().optional(),
  nbf: z.number().optional(),
  jti: z.string().optional(),
  grants: z.record(z.string(), z.unknown()),
});

const ZChatGrant = z.object({ service_sid: z.string().min(1) });

const HMAC = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' } as const;

export function createAccessTokenVerifier(deps: AccessTokenVerifierDeps): AccessTokenVerifier {
  return (token) => verifyAccessToken(token, deps);
}

export function verifyAccessToken(token: string, deps: AccessTokenVerifierDeps): TokenVerification {
  const parts = token.split('.');
  if (parts.length !== 3) return reject(20101, 'Invalid Access Token');
  const [rawHeader, rawPayload, rawSignature] = parts as [string, string, string];

  const rawHeaderJson = decodeSegment(rawHeader);
  if (rawHeaderJson === undefined) return reject(20101, 'Invalid Access Token');
  const header = ZHeader.safeParse(rawHeaderJson);
  if (!header.success) return reject(20102, 'Invalid Access Token header');
  const payload = ZPayload.safeParse(decodeSegment(rawPayload));
  if (!payload.success) return reject(20101, 'Invalid Access Token');
  const claims = payload.data;

  const secret = deps.lookupApiKeySecret(claims.iss);
  if (secret === undefined) return reject(20103, 'Invalid Access Token issuer/subject');
  // The signature is checked before any claim is trusted: a forged token is 20101 even when expired.
  const expected = createHmac(HMAC[header.data.alg], secret).update(`${rawHeader}.${rawPayload}`).digest();
  const given = Buffer.from(rawSignature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return reject(20101, 'Invalid Access Token');
  }
  if (claims.sub !== deps.accountSid) return reject(20103, 'Invalid Access Token issuer/subject');

  const now = deps.now();
  if (claims.exp * 1000 <= now) return reject(20104, 'Access Token expired or expiration date invalid');
  if (claims.iat !== undefined && claims.exp - claims.iat > MAX_TTL_SECONDS) {
    return reject(20104, 'Access Token expired or expiration date invalid');
  }
  if (claims.nbf !== undefined && claims.nbf * 1000 > now) return reject(20105, 'Access Token not yet valid');

  const identity = claims.grants.identity;
  if (typeof identity !== 'string' || identity.length === 0) return reject(20106, 'Invalid Access Token grants');
  const chat = ZChatGrant.safeParse(claims.grants.chat);
  const chatServiceSid = chat.success ? chat.data.service_sid : null;
  if (deps.isKnownChatService && (chatServiceSid === null || !deps.isKnownChatService(chatServiceSid))) {
    return reject(20106, 'Invalid Access Token grants');
  }

  return {
    ok: true,
    claims: {
      identity,
      accountSid: claims.sub,
      apiKeySid: claims.iss,
      chatServiceSid,
      grants: claims.grants,
      expiresAt: claims.exp * 1000,
      issuedAt: claims.iat === undefined ? null : claims.iat * 1000,
      notBefore: claims.nbf === undefined ? null : claims.nbf * 1000,
      jwtId: claims.jti ?? null,
    },
  };
}

function decodeSegment(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return undefined;
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function reject(errorCode: TokenErrorCode, message: string): TokenVerification {
  return { ok: false, rejection: { status: 401, errorCode, message } };
}
