import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyAccessToken, type AccessTokenVerifierDeps } from '../../src/realtime/auth/access-token';
import { ACCOUNT_SID, API_KEY_SECRET, API_KEY_SID, SERVICE_SID, lookupApiKeySecret, mintToken } from './support/credentials';

const deps = (now = Date.now(), extra: Partial<AccessTokenVerifierDeps> = {}): AccessTokenVerifierDeps => ({
  accountSid: ACCOUNT_SID,
  lookupApiKeySecret,
  now: () => now,
  ...extra,
});

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Hand-made JWTs for the cases the official helper cannot produce. */
function sign(header: Record<string, unknown>, payload: Record<string, unknown>, secret = API_KEY_SECRET): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const header = { typ: 'JWT', alg: 'HS256', cty: 'twilio-fpa;v=1' };
const payload = () => ({
  jti: `${API_KEY_SID}-1`,
  iss: API_KEY_SID,
  sub: ACCOUNT_SID,
  iat: nowSeconds(),
  exp: nowSeconds() + 600,
  grants: { identity: 'alice', chat: { service_sid: SERVICE_SID } },
});

function errorCode(token: string, d = deps()): number | null {
  const result = verifyAccessToken(token, d);
  return result.ok ? null : result.rejection.errorCode;
}

describe('access token verification', () => {
  it('accepts a token from twilio.jwt.AccessToken with a ChatGrant', () => {
    const result = verifyAccessToken(mintToken({ identity: 'alice@example.com', ttlSeconds: 600 }), deps());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.claims.identity).toBe('alice@example.com');
    expect(result.claims.chatServiceSid).toBe(SERVICE_SID);
    expect(result.claims.accountSid).toBe(ACCOUNT_SID);
    expect(result.claims.apiKeySid).toBe(API_KEY_SID);
    expect(result.claims.expiresAt).toBeGreaterThan(Date.now() + 590_000);
    expect(result.claims.expiresAt).toBeLessThanOrEqual(Date.now() + 600_000);
  });

  it('rejects an expired token with 20104, judged by the injected clock', () => {
    const token = mintToken({ identity: 'alice', ttlSeconds: 60 });
    expect(errorCode(token, deps(Date.now() + 59_000))).toBeNull();
    expect(errorCode(token, deps(Date.now() + 61_000))).toBe(20104);
  });

  it('rejects a token signed with another secret (forged) with 20101', () => {
    expect(errorCode(mintToken({ identity: 'alice', secret: 'not-the-secret' }))).toBe(20101);
  });

  it('rejects a tampered payload with 20101', () => {
    const [h, , s] = mintToken({ identity: 'alice' }).split('.');
    const forgedPayload = b64({ ...payload(), grants: { identity: 'admin', chat: { service_sid: SERVICE_SID } } });
    expect(errorCode(`${h}.${forgedPayload}.${s}`)).toBe(20101);
  });

  it('prefers 20101 over 20104 for a forged token that is also expired', () => {
    const expired = { ...payload(), iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 };
    expect(errorCode(sign(header, expired, 'wrong'))).toBe(20101);
    expect(errorCode(sign(header, expired))).toBe(20104);
  });

  it('rejects a token for another account with 20103', () => {
    expect(errorCode(mintToken({ identity: 'alice', accountSid: `AC${'9'.repeat(32)}` }))).toBe(20103);
  });

  it('rejects an unknown API key with 20103', () => {
    expect(errorCode(mintToken({ identity: 'alice', apiKeySid: `SK${'0'.repeat(32)}` }))).toBe(20103);
  });

  it('rejects garbage and non-Twilio headers', () => {
    expect(errorCode('not.a.jwt')).toBe(20101);
    expect(errorCode('garbage')).toBe(20101);
    expect(errorCode('')).toBe(20101);
    expect(errorCode(sign({ typ: 'JWT', alg: 'HS256' }, payload()))).toBe(20102); // no cty twilio-fpa;v=1
    expect(errorCode(sign({ ...header, alg: 'none' }, payload()))).toBe(20102);
  });

  it('rejects a token that is not yet valid with 20105', () => {
    expect(errorCode(sign(header, { ...payload(), nbf: nowSeconds() + 300 }))).toBe(20105);
  });

  it('rejects a lifetime above 24 hours with 20104', () => {
    expect(errorCode(sign(header, { ...payload(), exp: nowSeconds() + 25 * 3600 }))).toBe(20104);
  });

  it('rejects a token without identity with 20106', () => {
    expect(errorCode(sign(header, { ...payload(), grants: { chat: { service_sid: SERVICE_SID } } }))).toBe(20106);
  });

  it('checks the chat service only when asked to', () => {
    const token = mintToken({ identity: 'alice', serviceSid: `IS${'d'.repeat(32)}` });
    expect(errorCode(token)).toBeNull();
    expect(errorCode(token, deps(Date.now(), { isKnownChatService: (sid) => sid === SERVICE_SID }))).toBe(20106);
    expect(errorCode(mintToken({ identity: 'alice' }), deps(Date.now(), { isKnownChatService: (sid) => sid === SERVICE_SID }))).toBeNull();
  });
});
