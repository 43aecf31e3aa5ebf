import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_TTL_SECONDS, tokenTtlSeconds } from './access-token';

// A Conversations token cannot be revoked: its lifetime bounds what a disabled person's browser
// can still connect with, so the default stays short and nonsense never stretches it.
describe('a browser token’s lifetime', () => {
  it('is 15 minutes unless TWILIO_TOKEN_TTL_SECONDS says otherwise', () => {
    expect(DEFAULT_TOKEN_TTL_SECONDS).toBe(900);
    expect(tokenTtlSeconds({})).toBe(900);
    expect(tokenTtlSeconds({ TWILIO_TOKEN_TTL_SECONDS: '30' })).toBe(30);
  });

  it('falls back to the default for a value Twilio would refuse or that is not a whole number of seconds', () => {
    for (const value of ['5', '86401', '90.5', 'soon', '']) expect(tokenTtlSeconds({ TWILIO_TOKEN_TTL_SECONDS: value })).toBe(900);
  });
});
