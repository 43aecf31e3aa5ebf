import type { Message } from '@twilio/conversations';
import { describe, expect, it } from 'vitest';
import { phone } from '../../support/phone';
import { joined, nextEvent, setupSdkEmulator } from './support/sdk-harness';

/**
 * `conversationsV1Bridge`: a captured reply opens a v1 conversation in the named service that the SDK
 * sees, with the broadcast first; the agent's answer reaches the phone and is captured exactly once.
 */
describe('Conversations v2 bridge into v1, through the SDK', () => {
  const sdk = setupSdkEmulator();
  const CUSTOMER = '+15550003333';

  it('puts a broadcast reply in a v1 conversation the SDK sees, and the agent’s answer back into v2 once', async () => {
    const number = sdk.numbers[0] ?? '';
    const v2 = sdk.rest.conversations.v2;
    const phones = phone(sdk);
    await v2.configurations.create({
      displayName: 'Broadcasts',
      conversationGroupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES',
      channelSettings: { SMS: { captureRules: [{ from: '*', to: number }, { from: number, to: '*' }] } },
      conversationsV1Bridge: { serviceId: sdk.serviceSid },
    } as never);
    await sdk.orchestrator.idle();
    const broadcast = await sdk.rest.messages.create({ from: number, to: CUSTOMER, body: 'Spring sale: 20% off' });
    await sdk.carrier.idle();
    await sdk.orchestrator.idle();
    // A broadcast alone opens nothing in the inbox.
    expect(await sdk.rest.conversations.v1.conversations.list()).toEqual([]);

    await phones.send({ from: CUSTOMER, to: number, body: 'Is it on shoes too?' });
    const [v1Conversation, ...others] = await sdk.rest.conversations.v1.conversations.list();
    expect(others).toEqual([]);
    const sid = v1Conversation?.sid ?? '';
    const [customer] = await sdk.rest.conversations.v1.conversations(sid).participants.list();
    expect(customer?.messagingBinding).toMatchObject({ address: CUSTOMER, proxy_address: number });
    const history = await sdk.rest.conversations.v1.conversations(sid).messages.list();
    expect(history.map((m) => [m.author, m.body])).toEqual([
      ['system', 'Spring sale: 20% off'],
      [CUSTOMER, 'Is it on shoes too?'],
    ]);
    expect(JSON.parse(history[0]?.attributes ?? '{}')).toMatchObject({ conversationsV2: { channelId: broadcast.sid, from: number } });

    await sdk.rest.conversations.v1.conversations(sid).participants.create({ identity: 'agent-1' });
    const agent = await sdk.connect('agent-1');
    const conversation = await joined(sdk, agent, sid);
    const seen = await conversation.getMessages();
    expect(seen.items.map((m) => m.body)).toEqual(['Spring sale: 20% off', 'Is it on shoes too?']);
    const echoed = nextEvent<[Message]>(agent, 'messageAdded', (m) => m.body === 'Yes, shoes too!');
    await conversation.sendMessage('Yes, shoes too!');
    await echoed;
    await sdk.carrier.idle();
    await sdk.orchestrator.idle();
    expect(await phones.inbox(CUSTOMER)).toEqual([
      [number, 'Spring sale: 20% off'],
      [number, 'Yes, shoes too!'],
    ]);
    const [captured, ...more] = await v2.conversations.list({ channelId: broadcast.sid });
    expect(more).toEqual([]);
    const communications = await v2.communications(captured?.id ?? '').list();
    expect(communications.map((c) => c.content.text)).toEqual(['Spring sale: 20% off', 'Is it on shoes too?', 'Yes, shoes too!']);
  });
});
