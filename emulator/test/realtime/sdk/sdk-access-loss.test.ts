import type { Conversation } from '@twilio/conversations';
import { describe, expect, it } from 'vitest';
import { holdRequests, itemsReadOf } from './support/held-requests';
import { expectLockedOut, settled } from './support/locked-out';
import { nextEvent, setupSdkEmulator, type SdkEmulator } from './support/sdk-harness';
import { recordUnhandledRejections } from './support/unhandled-rejections';

/** A conversation that can be given to alice and taken from her again in one of the ways she can lose it. */
type Loss = { sid: string; give(): Promise<unknown>; takeAway(): Promise<unknown> };

const WAYS: { name: string; setup(sdk: SdkEmulator): Promise<Loss> }[] = [
  {
    name: 'a projected-address transfer',
    async setup(sdk) {
      const projected = sdk.numbers.find((n) => !n.startsWith('whatsapp:')) ?? '';
      const group = await sdk.rest.conversations.v1.conversations.create({ friendlyName: 'Group MMS' });
      const rest = sdk.rest.conversations.v1.conversations(group.sid);
      const seat = await rest.participants.create({ identity: 'bob', 'messagingBinding.projectedAddress': projected });
      await rest.participants.create({ 'messagingBinding.address': '+15558675310' });
      return {
        sid: group.sid,
        give: () => rest.participants(seat.sid).update({ identity: 'alice' }),
        takeAway: () => rest.participants(seat.sid).update({ identity: 'bob' }),
      };
    },
  },
  {
    name: 'a 1:1 transfer (the new owner joins, then the old one is removed)',
    async setup(sdk) {
      const conversation = await sdk.rest.conversations.v1.conversations.create({ friendlyName: 'Chat' });
      const rest = sdk.rest.conversations.v1.conversations(conversation.sid);
      let bob = await rest.participants.create({ identity: 'bob' });
      let alice = bob;
      return {
        sid: conversation.sid,
        give: async () => {
          alice = await rest.participants.create({ identity: 'alice' });
          await rest.participants(bob.sid).remove();
        },
        takeAway: async () => {
          bob = await rest.participants.create({ identity: 'bob' });
          await rest.participants(alice.sid).remove();
        },
      };
    },
  },
  {
    name: 'the removal of her participant',
    async setup(sdk) {
      const conversation = await sdk.rest.conversations.v1.conversations.create({ friendlyName: 'Chat' });
      const rest = sdk.rest.conversations.v1.conversations(conversation.sid);
      await rest.participants.create({ identity: 'bob' });
      let alice: { sid: string } | undefined;
      return {
        sid: conversation.sid,
        give: async () => (alice = await rest.participants.create({ identity: 'alice' })),
        takeAway: () => rest.participants(alice?.sid ?? '').remove(),
      };
    },
  },
  {
    name: 'her disabling (her User deleted, which removes all her participants)',
    async setup(sdk) {
      const conversation = await sdk.rest.conversations.v1.conversations.create({ friendlyName: 'Chat' });
      const rest = sdk.rest.conversations.v1.conversations(conversation.sid);
      await rest.participants.create({ identity: 'bob' });
      return {
        sid: conversation.sid,
        give: () => rest.participants.create({ identity: 'alice' }),
        takeAway: () => sdk.rest.conversations.v1.users('alice').remove(),
      };
    },
  },
];

describe('an SDK client that loses a conversation while it is still opening it', () => {
  const sdk = setupSdkEmulator({}, { perTest: true });

  // The SDK emits conversationJoined and only then reads the roster's first page, in a promise no
  // application code can catch (Conversation._setStatus → _subscribeStreams). Holding that read back
  // until the conversation has been taken away makes the race deterministic: the read reaches the
  // emulator after the loss, as one in flight does on a busy machine.
  it.each(WAYS)('closes it without an uncaught error when she loses it by $name', async ({ setup }) => {
    const rejections = recordUnhandledRejections();
    try {
      const [alice] = await Promise.all([sdk.connect('alice'), sdk.connect('bob')]);
      const { sid, give, takeAway } = await setup(sdk);
      const roster = sdk.sdk.projector.index.conversations.get(sid)?.roster ?? '';
      const held = holdRequests(sdk, itemsReadOf('alice', roster));

      const joined = nextEvent<[Conversation]>(alice, 'conversationJoined', (c) => c.sid === sid);
      await give();
      await Promise.all([joined, held.arrived]);

      const left = nextEvent<[Conversation]>(alice, 'conversationLeft', (c) => c.sid === sid);
      await takeAway();
      const [conversation] = await left;
      expect(conversation.status).toBe('notParticipating');

      await held.release();
      await settled(alice);
      expect(rejections.reasons).toEqual([]);
      await expectLockedOut(sdk, 'alice', conversation);
    } finally {
      rejections.stop();
    }
  });
});
