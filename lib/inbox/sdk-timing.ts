import type { Client } from '@twilio/conversations';

/** Resolves after the browser has painted the current state (at once when hidden). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** Resolves when the client's connection reaches one of `states`, or after `timeoutMs`. */
export function waitForConnectionState(client: Client, states: string[], timeoutMs: number): Promise<void> {
  if (states.includes(client.connectionState)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('connectionStateChanged', onChange);
      resolve();
    };
    const onChange = (state: string) => {
      if (states.includes(state)) done();
    };
    const timer = setTimeout(done, timeoutMs);
    client.on('connectionStateChanged', onChange);
  });
}
