import type { Conversation } from '@twilio/conversations';
import { beforeAll, describe, expect, it } from 'vitest';
import { nextEvent, setupSdkEmulator } from './support/sdk-harness';

const CONVERSATIONS = 1000;

describe('an agent with 1,000 conversations', () => {
  const sdk = setupSdkEmulator();

  beforeAll(async () => {
    const origin = { source: 'api' as const, webhookEnabled: false };
    for (let i = 0; i < CONVERSATIONS; i++) {
      const conversation = await sdk.core.conversations.createConversation(sdk.serviceSid, { friendlyName: `Customer ${i}` }, origin);
      await sdk.core.participants.addParticipant(sdk.serviceSid, conversation.sid, { identity: 'busy-agent' }, origin);
      await sdk.core.messages.addMessage(sdk.serviceSid, conversation.sid, { author: 'system', body: `hello ${i}` }, origin);
    }
  }, 120_000);

  // How fast is a benchmark's business (npm run bench): here, that every conversation arrives and stays live.
  it('initialises and joins every conversation (paged REST list, indexed lookups)', async () => {
    const client = sdk.client('busy-agent');
    const seen = new Set<string>();
    const all = new Promise<void>((resolve) => {
      client.on('conversationJoined', (conversation: Conversation) => {
        seen.add(conversation.sid);
        if (seen.size === CONVERSATIONS) resolve();
      });
    });
    await all;
    const [first] = [...seen];
    const conversation = await client.getConversationBySid(first ?? '');
    expect(conversation.lastMessage?.index).toBe(0);
    const added = nextEvent(conversation, 'messageAdded');
    await sdk.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'system', body: 'one more' });
    await added;
  }, 120_000);
});
