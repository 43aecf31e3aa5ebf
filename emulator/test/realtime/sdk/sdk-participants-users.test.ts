import type { Conversation, Participant, User } from '@twilio/conversations';
import { describe, expect, it } from 'vitest';
import { conversationWith, joined, nextEvent, setupSdkEmulator } from './support/sdk-harness';

describe('conversations, participants and users from the SDK', () => {
  const sdk = setupSdkEmulator();

  it('creates a conversation (not joined until join()), renames it, and every change is an SDK-origin domain event', async () => {
    const origins: string[] = [];
    const off = sdk.core.events.on((event) => {
      if (event.type.startsWith('conversation.') || event.type.startsWith('participant.')) origins.push(`${event.type}:${event.origin.source}:${event.origin.clientIdentity ?? ''}`);
    });
    const creator = await sdk.connect('creator');
    const created = await creator.createConversation({ friendlyName: 'Made in the SDK', uniqueName: 'sdk-made', attributes: { topic: 'x' } });
    expect(created.status).toBe('notParticipating');
    expect(created.createdBy).toBe('creator');
    const joinedEvent = nextEvent<[Conversation]>(creator, 'conversationJoined', (c) => c.sid === created.sid);
    await created.join();
    await joinedEvent;
    const renamed = nextEvent<[{ updateReasons: string[] }]>(created, 'updated', ({ updateReasons }) => updateReasons.includes('friendlyName'));
    await created.updateFriendlyName('Renamed');
    await renamed;
    await created.updateAttributes({ topic: 'y' });
    expect((await sdk.rest.conversations.v1.conversations(created.sid).fetch()).friendlyName).toBe('Renamed');
    expect((await creator.getConversationByUniqueName('sdk-made')).sid).toBe(created.sid);
    off();
    expect(origins).toEqual(
      expect.arrayContaining(['conversation.added:sdk:creator', 'participant.added:sdk:creator', 'conversation.updated:sdk:creator']),
    );
    // The creator joined with the conversation creator role (Conversation Admin).
    const admin = (await created.getParticipants())[0];
    const roles = await sdk.rest.conversations.v1.services(sdk.serviceSid).roles.list();
    expect(roles.find((r) => r.sid === admin?.roleSid)?.friendlyName).toBe('Conversation Admin');
  });

  it('adds, updates and removes participants by identity and by SID; others see joined/updated/left', async () => {
    const conversation = await conversationWith(sdk, ['host', 'guest']);
    const [host, guest] = await Promise.all([sdk.connect('host'), sdk.connect('guest')]);
    const [h, g] = await Promise.all([joined(sdk, host, conversation.sid), joined(sdk, guest, conversation.sid)]);
    const guestSeesNew = nextEvent<[Participant]>(g, 'participantJoined', (p) => p.identity === 'newcomer');
    await h.add('newcomer', { seat: 3 });
    const [newcomer] = await guestSeesNew;
    expect(newcomer.attributes).toEqual({ seat: 3 });
    const sms = nextEvent<[Participant]>(g, 'participantJoined', (p) => p.type === 'sms');
    await h.addNonChatParticipant(sdk.numbers.find((n) => !n.startsWith('whatsapp:')) ?? '', '+15558675311');
    await sms;
    const updated = nextEvent<[{ participant: Participant; updateReasons: string[] }]>(h, 'participantUpdated', ({ participant }) => participant.identity === 'guest');
    const self = await g.getParticipantByIdentity('guest');
    await self?.updateAttributes({ status: 'away' });
    expect((await updated)[0].participant.attributes).toEqual({ status: 'away' });
    // Conversation users (every participant added over REST) may not remove others: no removeParticipant.
    await expect(g.removeParticipant('newcomer')).rejects.toMatchObject({ status: 403 });
    const left = nextEvent<[Participant]>(g, 'participantLeft', (p) => p.identity === 'newcomer');
    await sdk.rest.conversations.v1.conversations(conversation.sid).participants(newcomer.sid).remove();
    await left;
    // leave() removes by identity; the leaver gets conversationLeft, the others participantLeft.
    const guestLeft = nextEvent<[Conversation]>(guest, 'conversationLeft');
    const hostSees = nextEvent<[Participant]>(h, 'participantLeft', (p) => p.identity === 'guest');
    await g.leave();
    await Promise.all([guestLeft, hostSees]);
    expect((await h.getParticipants()).map((p) => p.identity ?? p.type).sort()).toEqual(['host', 'sms']);
  });

  it('users: fetch any user of the service, edit your own, and others see userUpdated', async () => {
    const conversation = await conversationWith(sdk, ['writer2', 'reader2']);
    const [writer, reader] = await Promise.all([sdk.connect('writer2'), sdk.connect('reader2')]);
    const r = await joined(sdk, reader, conversation.sid);
    const writerAsSeen = await (await r.getParticipantByIdentity('writer2'))?.getUser();
    if (!writerAsSeen) throw new Error('user missing');
    const renamed = nextEvent<[{ user: User; updateReasons: string[] }]>(writerAsSeen, 'updated', ({ updateReasons }) => updateReasons.includes('friendlyName'));
    await writer.user.updateFriendlyName('Writer Two');
    await renamed;
    expect(writerAsSeen.friendlyName).toBe('Writer Two');
    await writer.user.updateAttributes({ team: 'blue' });
    expect((await sdk.rest.conversations.v1.services(sdk.serviceSid).users('writer2').fetch()).attributes).toBe('{"team":"blue"}');
    // Editing someone else needs editAnyUserInfo, which a Service User lacks.
    await expect(writerAsSeen.updateFriendlyName('hijacked')).rejects.toMatchObject({ status: 403 });
    await expect(reader.getUser('nobody-at-all')).rejects.toBeDefined();
  });

  it('delete by role permission: the creator may delete, a plain participant may not', async () => {
    const owner = await sdk.connect('owner');
    const doomed = await owner.createConversation({ friendlyName: 'Doomed' });
    await doomed.join();
    await doomed.add('bystander');
    const bystander = await sdk.connect('bystander');
    const b = await joined(sdk, bystander, doomed.sid);
    await expect(b.delete()).rejects.toMatchObject({ status: 403 });
    // The creator (Conversation Admin) removes someone by Participant, which sends the participant SID.
    const extra = await sdk.connect('extra');
    // The REST answer to add() can come before the owner's client has heard of the new participant.
    const ownerSeesExtra = nextEvent<[Participant]>(doomed, 'participantJoined', (p) => p.identity === 'extra');
    await doomed.add('extra');
    const atExtra = await joined(sdk, extra, doomed.sid);
    const extraLeft = nextEvent<[Conversation]>(extra, 'conversationLeft', (c) => c.sid === doomed.sid);
    const [seat] = await ownerSeesExtra;
    await doomed.removeParticipant(seat);
    await extraLeft;
    expect(atExtra.status).toBe('notParticipating');
    const removed = nextEvent<[Conversation]>(bystander, 'conversationRemoved', (c) => c.sid === doomed.sid);
    await doomed.delete();
    await removed;
    await expect(sdk.rest.conversations.v1.conversations(doomed.sid).fetch()).rejects.toMatchObject({ status: 404 });
  });
});
