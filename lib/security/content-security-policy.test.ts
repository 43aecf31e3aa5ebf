import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((part) => part.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('contentSecurityPolicy', () => {
  const emulator = contentSecurityPolicy({ nonce: 'abc123', twilio: { mode: 'emulator', emulatorPublicUrl: 'http://127.0.0.1:4510' } });

  it('runs only this response’s scripts and forbids framing, plugins and foreign forms', () => {
    expect(directive(emulator, 'script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(directive(emulator, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(emulator, 'object-src')).toEqual(["'none'"]);
    expect(directive(emulator, 'base-uri')).toEqual(["'none'"]);
    expect(directive(emulator, 'form-action')).toEqual(["'self'"]);
    expect(emulator).not.toContain('unsafe-eval');
  });

  it('lets the SDK reach the emulator (HTTP and WebSocket) and show its media', () => {
    expect(directive(emulator, 'connect-src')).toEqual(["'self'", 'http://127.0.0.1:4510', 'ws://127.0.0.1:4510']);
    expect(directive(emulator, 'img-src')).toContain('http://127.0.0.1:4510');
  });

  it('lets the SDK reach live Twilio and nothing else', () => {
    const live = contentSecurityPolicy({ nonce: 'n', twilio: { mode: 'live' }, isHttps: true });
    expect(directive(live, 'connect-src')).toEqual(["'self'", 'https://*.twilio.com', 'wss://*.twilio.com']);
    expect(live).not.toContain('127.0.0.1');
    expect(live).toContain('upgrade-insecure-requests');
  });

  it('adds the operator’s sources and, in development only, eval', () => {
    const dev = contentSecurityPolicy({ nonce: 'n', twilio: { mode: 'live' }, isDev: true, extraSources: ' https://cdn.example.com ' });
    expect(directive(dev, 'connect-src')).toContain('https://cdn.example.com');
    expect(directive(dev, 'img-src')).toContain('https://cdn.example.com');
    expect(directive(dev, 'script-src')).toContain("'unsafe-eval'");
  });
});
