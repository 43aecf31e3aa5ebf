import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionToken } from './session-cookie';

const secret = 'a-secret-long-enough-for-the-test-0123456789';
const claims = { sub: 'kim', sid: 'session-1', role: 'AGENT' as const };

describe('decodeSessionToken', () => {
  it('reads the claims of a cookie signed with the secret, every time', async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
  });

  it('refuses a cookie signed with another secret, or altered, even after reading it with its own', async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    await decodeSessionToken({ token, secret });
    await expect(decodeSessionToken({ token, secret: `${secret}-rotated` })).rejects.toThrow();
    const altered = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    await expect(decodeSessionToken({ token: altered, secret })).rejects.toThrow();
  });

  it('refuses a cookie once it has expired, though it was read while valid', async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
    const afterExpiry = Date.now() + 60_000 + 16_000;
    await expect(decodeSessionToken({ token, secret }, afterExpiry)).rejects.toThrow();
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
  });
});
