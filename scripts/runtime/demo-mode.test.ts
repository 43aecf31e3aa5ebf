import { describe, expect, it } from 'vitest';
import { assertDemoAllowed, demoListenHost } from './demo-mode';

describe('demo mode', () => {
  it('listens on loopback unless SWITCHBOARD_HOST names another interface', () => {
    expect(demoListenHost(undefined)).toEqual({ host: '127.0.0.1', isExposed: false });
    expect(demoListenHost('localhost')).toEqual({ host: 'localhost', isExposed: false });
    expect(demoListenHost('0.0.0.0')).toEqual({ host: '0.0.0.0', isExposed: true });
    expect(demoListenHost('192.168.1.20')).toEqual({ host: '192.168.1.20', isExposed: true });
  });

  it('refuses a production start without credentials unless the demo is asked for', () => {
    expect(() => assertDemoAllowed('start', { NODE_ENV: 'production' })).toThrow(/SWITCHBOARD_DEMO=1/);
    expect(() => assertDemoAllowed('start', { NODE_ENV: 'production', SWITCHBOARD_DEMO: '1' })).not.toThrow();
    expect(() => assertDemoAllowed('start', {})).not.toThrow();
    expect(() => assertDemoAllowed('dev', { NODE_ENV: 'production' })).not.toThrow();
  });
});
