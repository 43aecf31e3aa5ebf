import { describe, expect, it } from 'vitest';
import { upstreamUnavailable } from './twilio-errors';

describe('an upstream condition as the browser hears it', () => {
  it('is a 503 with Retry-After for Twilio’s 429 and 5xx and for Twilio unreachable', () => {
    expect(upstreamUnavailable({ status: 429, code: 20429 })).toMatchObject({ code: 'unavailable', status: 503, retryAfterSeconds: 1 });
    expect(upstreamUnavailable({ status: 503 })).toMatchObject({ status: 503, retryAfterSeconds: 5 });
    expect(upstreamUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toMatchObject({ status: 503 });
  });

  it('is not Twilio’s answer about the request itself (a 4xx), nor an unrelated bug', () => {
    expect(upstreamUnavailable({ status: 404, code: 20404 })).toBeNull();
    expect(upstreamUnavailable({ status: 403, code: 50550 })).toBeNull();
    expect(upstreamUnavailable(new TypeError('undefined is not a function'))).toBeNull();
  });
});
