import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { assertSameOriginJson, isStateChanging } from './same-origin';

const env = { NEXTAUTH_URL: 'https://inbox.example.com' };

function refusal(headers: Record<string, string>): number | null {
  try {
    assertSameOriginJson(new Request('http://127.0.0.1:3000/api/notes', { method: 'POST', headers }), env);
    return null;
  } catch (error) {
    return (error as AppError).status;
  }
}

const json = { 'content-type': 'application/json' };

describe('assertSameOriginJson', () => {
  it('lets the app’s own pages through', () => {
    expect(refusal({ ...json, 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000', host: 'localhost:3000' })).toBeNull();
    expect(refusal({ ...json, origin: 'http://localhost:3000', host: 'localhost:3000' })).toBeNull();
    expect(refusal({ 'content-type': 'application/json; charset=utf-8', 'sec-fetch-site': 'same-origin' })).toBeNull();
    // Behind a proxy that rewrites Host: the forwarded host or the public URL.
    expect(refusal({ ...json, origin: 'https://inbox.example.com', host: '10.0.0.5:3000' })).toBeNull();
    expect(refusal({ ...json, origin: 'https://app.example.org', host: '10.0.0.5:3000', 'x-forwarded-host': 'app.example.org' })).toBeNull();
  });

  it('refuses anything but JSON, whatever its origin (a form can send only forms and text)', () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect(refusal({ 'content-type': type, 'sec-fetch-site': 'same-origin' })).toBe(415);
    }
    expect(refusal({ 'sec-fetch-site': 'same-origin' })).toBe(415);
  });

  it('refuses another origin: another site, another port of this host, or no origin at all', () => {
    expect(refusal({ ...json, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example', host: 'localhost:3000' })).toBe(403);
    expect(refusal({ ...json, 'sec-fetch-site': 'same-site', origin: 'http://localhost:4000', host: 'localhost:3000' })).toBe(403);
    expect(refusal({ ...json, origin: 'http://localhost:4000', host: 'localhost:3000' })).toBe(403);
    expect(refusal({ ...json, origin: 'null', host: 'localhost:3000' })).toBe(403);
    expect(refusal({ ...json, host: 'localhost:3000' })).toBe(403);
    // A matching Origin does not outvote the browser saying the page was elsewhere.
    expect(refusal({ ...json, 'sec-fetch-site': 'same-site', origin: 'http://localhost:3000', host: 'localhost:3000' })).toBe(403);
  });

  it('applies to writes only', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].every(isStateChanging)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(isStateChanging)).toBe(false);
  });
});
