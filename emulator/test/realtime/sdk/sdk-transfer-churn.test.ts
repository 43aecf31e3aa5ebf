import type { Client, Conversation } from '@twilio/conversations';
import { describe, expect, it } from 'vitest';
import { expectLockedOut, settled } from './support/locked-out';
import { joined, nextEvent, setupSdkEmulator, type SdkEmulator } from './support/sdk-harness';
import { recordUnhandledRejections } from './support/unhandled-rejections';

type Agent = 'alice' | 'bob';
const TRANSFERS = 50;

/**
 * Moves a conversation between two connected agents TRANSFERS times, each as soon as the old owner's
 * client has emitted conversationLeft and the new owner's conversationJoined (what an inbox sees; the
 * SDK is then typically still paging the roster in). Every old owner's Conversation must refuse to
 * read; returns each agent's last lost one.
 */
async function transferBackAndForth(
  clients: Record<Agent, Client>,
  conversationSid: string,
  move: (to: Agent, from: Agent) => Promise<unknown>,
): Promise<Partial<Record<Agent, Conversation>>> {
  const lost: Partial<Record<Agent, Conversation>> = {};
  let owner: Agent = 'alice';
  for (let transfer = 0; transfer < TRANSFERS; transfer++) {
    const next: Agent = owner === 'alice' ? 'bob' : 'alice';
    const left = nextEvent<[Conversation]>(clients[owner], 'conversationLeft', (c) => c.sid === conversationSid);
    const gained = nextEvent<[Conversation]>(clients[next], 'conversationJoined', (c) => c.sid === conversationSid);
    await move(next, owner);
    const [[conversation]] = await Promise.all([left, gained]);
    expect(conversation.status).toBe('notParticipating');
    await expect(conversation.getMessages()).rejects.toThrow();
    lost[owner] = conversation;
    owner = next;
  }
  return lost;
}

// The SDK logs each refused read of a left conversation at error level; these are expected here.
const quietly = { overrides: { logLevel: 'silent' as const } };

async function connectBoth(sdk: SdkEmulator): Promise<Record<Agent, Client>> {
  const [alice, bob] = await Promise.all([sdk.connect('alice', quietly), sdk.connect('bob', quietly)]);
  return { alice, bob };
}

describe('transfers back and forth between two connected agents', () => {
  const sdk = setupSdkEmulator({}, { perTest: true });

  it(`moves a group text's projected address ${TRANSFERS} times with no uncaught error in either client`, async () => {
    const rejections = recordUnhandledRejections();
    try {
      const clients = await connectBoth(sdk);
      const projected = sdk.numbers.find((n) => !n.startsWith('whatsapp:')) ?? '';
      const group = await sdk.rest.conversations.v1.conversations.create({ friendlyName: 'Group MMS' });
      const rest = sdk.rest.conversations.v1.conversations(group.sid);
      const seat = await rest.participants.create({ identity: 'alice', 'messagingBinding.projectedAddress': projected });
      await rest.participants.create({ 'messagingBinding.address': '+15558675310' });
      await joined(sdk, clients.alice, group.sid);

      const lost = await transferBackAndForth(clients, group.sid, (to) => rest.participants(seat.sid).update({ identity: to }));

      await Promise.all([settled(clients.alice), settled(clients.bob)]);
      expect(rejections.reasons).toEqual([]);
      // 50 moves end with alice, so bob is the last old owner; the seat is alice's again.
      await expectLockedOut(sdk, 'bob', lost.bob as Conversation);
      expect((await rest.participants(seat.sid).fetch()).identity).toBe('alice');
    } finally {
      rejections.stop();
    }
  }, 120_000);

  it(`moves a 1:1 conversation ${TRANSFERS} times (the new owner joins, then the old one is removed) with no uncaught error`, async () => {
    const rejections = recordUnhandledRejections();
    try {
      const clients = await connectBoth(sdk);
      const conversation = await sdk.rest.conversations.v1.conversations.create({ friendlyName: 'Chat' });
      const rest = sdk.rest.conversations.v1.conversations(conversation.sid);
      await rest.participants.create({ identity: 'customer' });
      const seats: Partial<Record<Agent, string>> = { alice: (await rest.participants.create({ identity: 'alice' })).sid };
      await joined(sdk, clients.alice, conversation.sid);

      const lost = await transferBackAndForth(clients, conversation.sid, async (to, from) => {
        seats[to] = (await rest.participants.create({ identity: to })).sid;
        await rest.participants(seats[from] ?? '').remove();
      });

      await Promise.all([settled(clients.alice), settled(clients.bob)]);
      expect(rejections.reasons).toEqual([]);
      await expectLockedOut(sdk, 'bob', lost.bob as Conversation);
      const identities = (await rest.participants.list()).map((p) => p.identity).sort();
      expect(identities).toEqual(['alice', 'customer']);
    } finally {
      rejections.stop();
    }
  }, 120_000);
});

describe('taking every conversation away from a connected agent', () => {
  const sdk = setupSdkEmulator({}, { perTest: true });

  /** Three conversations alice is joining right now: two chats and a group text whose seat is hers. */
  async function justJoined(client: Client) {
    const projected = sdk.numbers.find((n) => !n.startsWith('whatsapp:')) ?? '';
    const v1 = sdk.rest.conversations.v1;
    const [chatA, chatB, group] = await Promise.all(['Chat A', 'Chat B', 'Group MMS'].map((friendlyName) => v1.conversations.create({ friendlyName })));
    const sids = [chatA, chatB, group].map((c) => (c as { sid: string }).sid);
    const joinedAll = Promise.all(sids.map((sid) => nextEvent<[Conversation]>(client, 'conversationJoined', (c) => c.sid === sid)));
    const seats = await Promise.all([
      v1.conversations(sids[0] ?? '').participants.create({ identity: 'alice' }),
      v1.conversations(sids[1] ?? '').participants.create({ identity: 'alice' }),
      v1.conversations(sids[2] ?? '').participants.create({ identity: 'alice', 'messagingBinding.projectedAddress': projected }),
    ]);
    await joinedAll;
    return { sids, seats: seats.map((s) => s.sid) };
  }

  async function expectAllLost(client: Client, sids: string[], takeAway: () => Promise<unknown>): Promise<Conversation[]> {
    const left = Promise.all(sids.map((sid) => nextEvent<[Conversation]>(client, 'conversationLeft', (c) => c.sid === sid)));
    await takeAway();
    return (await left).map(([conversation]) => conversation);
  }

  it('removing her participants right after she joined leaves her client clean and locked out', async () => {
    const rejections = recordUnhandledRejections();
    try {
      const alice = await sdk.connect('alice', quietly);
      const { sids, seats } = await justJoined(alice);
      const lost = await expectAllLost(alice, sids, () =>
        Promise.all(sids.map((sid, i) => sdk.rest.conversations.v1.conversations(sid).participants(seats[i] ?? '').remove())),
      );
      await settled(alice);
      expect(rejections.reasons).toEqual([]);
      for (const conversation of lost) await expectLockedOut(sdk, 'alice', conversation);
    } finally {
      rejections.stop();
    }
  });

  it('disabling her (each conversation released, the group’s seat to the queue; her role stripped, then her User deleted) leaves her client clean', async () => {
    const rejections = recordUnhandledRejections();
    try {
      const alice = await sdk.connect('alice', quietly);
      const { sids, seats } = await justJoined(alice);
      const v1 = sdk.rest.conversations.v1;
      const lost = await expectAllLost(alice, sids, async () => {
        // What the app does for a disabled agent (lib/users/cut-off-user.ts): a group text's projected
        // address goes back to the queue's identity, any other conversation loses her participant. The
        // app strips her role first; here it comes last, because the role changes nothing her client
        // reads and taking the conversations right after she joined them is the race under test.
        await Promise.all([
          v1.conversations(sids[0] ?? '').participants(seats[0] ?? '').remove(),
          v1.conversations(sids[1] ?? '').participants(seats[1] ?? '').remove(),
          v1.conversations(sids[2] ?? '').participants(seats[2] ?? '').update({ identity: 'switchboard-queue' }),
        ]);
        const nobody = await v1.roles.create({ friendlyName: 'Disabled', type: 'service', permission: ['editOwnMessageAttributes'] });
        await v1.users('alice').update({ roleSid: nobody.sid });
      });
      // The app keeps a disabled agent's User; deleting it too (as an administrator may) removes the
      // maps her connected client still subscribes to.
      await v1.users('alice').remove();
      await settled(alice);
      expect(rejections.reasons).toEqual([]);
      for (const conversation of lost) await expectLockedOut(sdk, 'alice', conversation);
    } finally {
      rejections.stop();
    }
  });
});
