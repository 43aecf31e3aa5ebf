import { describe, expect, it } from 'vitest';
import { setupSdkEmulator } from './support/sdk-harness';

/**
 * `tokenTime: 'wall'`: an app under test mints tokens on its own (real) clock, so tokens are judged on
 * real time and moving the emulator's clock past the WhatsApp window or a timer expires none of them.
 */
describe("access tokens on the wall clock (tokenTime: 'wall')", () => {
  const sdk = setupSdkEmulator({ tokenTime: 'wall' }, { perTest: true });

  it('a connected client and a newly minted token both outlive a 25-hour jump of the emulator clock', async () => {
    const client = await sdk.connect('steady', { token: sdk.token('steady', { ttlSeconds: 600 }) });
    const tokenEvents: string[] = [];
    for (const event of ['tokenAboutToExpire', 'tokenExpired'] as const) client.on(event, () => tokenEvents.push(event));
    sdk.clock.advance(25 * 3600_000);

    // A round trip proves the socket is still authorised after the jump.
    const conversation = await client.createConversation({ friendlyName: 'a day later' });
    expect(conversation.friendlyName).toBe('a day later');
    expect(client.connectionState).toBe('connected');
    expect(tokenEvents).toEqual([]);

    const fresh = await sdk.connect('newcomer', { token: sdk.token('newcomer', { ttlSeconds: 600 }) });
    expect((await fresh.getSubscribedConversations()).items).toEqual([]);
    expect(fresh.connectionState).toBe('connected');
  });
});
