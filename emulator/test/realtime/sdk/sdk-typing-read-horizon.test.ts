import type { Conversation, Participant } from '@twilio/conversations';
import { describe, expect, it } from 'vitest';
import { conversationWith, joined, nextEvent, setupSdkEmulator } from './support/sdk-harness';

describe('typing and read horizon through the real SDK', () => {
  const sdk = setupSdkEmulator();

  it('typing is seen by the other participant only, and ends when their message arrives', async () => {
    const conversation = await conversationWith(sdk, ['typist', 'watcher']);
    const elsewhere = await conversationWith(sdk, ['outsider']);
    const [typist, watcher, outsider] = await Promise.all([sdk.connect('typist'), sdk.connect('watcher'), sdk.connect('outsider')]);
    const [t, w] = await Promise.all([joined(sdk, typist, conversation.sid), joined(sdk, watcher, conversation.sid), joined(sdk, outsider, elsewhere.sid)]);
    const selfSeen: string[] = [];
    typist.on('typingStarted', (p: Participant) => selfSeen.push(p.identity ?? ''));
    const outsiderSeen: string[] = [];
    outsider.on('typingStarted', (p: Participant) => outsiderSeen.push(p.identity ?? ''));
    const started = nextEvent<[Participant]>(w, 'typingStarted');
    await t.typing();
    const [participant] = await started;
    expect(participant.identity).toBe('typist');
    expect(participant.isTyping).toBe(true);
    // A message from the typist ends it at once, without waiting for typing_timeout.
    const ended = nextEvent<[Participant]>(w, 'typingEnded');
    await t.sendMessage('done typing');
    const [endedFor] = await ended;
    expect(endedFor.identity).toBe('typist');
    expect(selfSeen).toEqual([]);
    expect(outsiderSeen).toEqual([]);
  });

  it('read horizon: own lastReadMessageIndex, the other side sees it, unread counts on both sides', async () => {
    const conversation = await conversationWith(sdk, ['reader', 'writer']);
    const [reader, writer] = await Promise.all([sdk.connect('reader'), sdk.connect('writer')]);
    const [r, w] = await Promise.all([joined(sdk, reader, conversation.sid), joined(sdk, writer, conversation.sid)]);
    expect(r.lastReadMessageIndex).toBeNull();
    expect(await r.getUnreadMessagesCount()).toBeNull(); // no horizon yet (Read Horizon page)
    for (const body of ['one', 'two', 'three']) await w.sendMessage(body);
    const readerSelf = nextEvent<[{ conversation: Conversation; updateReasons: string[] }]>(r, 'updated', ({ updateReasons }) =>
      updateReasons.includes('lastReadMessageIndex'),
    );
    const writerSees = nextEvent<[{ participant: Participant; updateReasons: string[] }]>(w, 'participantUpdated', ({ participant }) =>
      participant.identity === 'reader' && participant.lastReadMessageIndex === 1,
    );
    expect(await r.advanceLastReadMessageIndex(1)).toBe(1);
    await readerSelf;
    expect(r.lastReadMessageIndex).toBe(1);
    const [{ participant, updateReasons }] = await writerSees;
    expect(updateReasons).toEqual(expect.arrayContaining(['lastReadMessageIndex', 'lastReadTimestamp']));
    expect(participant.lastReadTimestamp).toBeInstanceOf(Date);
    // advance never moves backwards; setAll* move to the end and back to nothing.
    expect(await r.advanceLastReadMessageIndex(0)).toBe(1);
    expect(r.lastReadMessageIndex).toBe(1);
    expect(await r.setAllMessagesRead()).toBe(0);
    // Sending does not move the author's own horizon (as the Read Horizon page says).
    expect(w.lastReadMessageIndex).toBeNull();
    expect(await w.updateLastReadMessageIndex(0)).toBe(2);
    expect(await w.setAllMessagesUnread()).toBeNull();
    const rest = await sdk.rest.conversations.v1.services(sdk.serviceSid).users('reader').userConversations(conversation.sid).fetch();
    expect(rest.lastReadMessageIndex).toBe(2);
    expect(rest.unreadMessagesCount).toBe(0);
  });

  it('a read horizon set over REST reaches the SDK the same way', async () => {
    const conversation = await conversationWith(sdk, ['restful']);
    await sdk.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'system', body: 'hello' });
    const client = await sdk.connect('restful');
    const c = await joined(sdk, client, conversation.sid);
    const moved = nextEvent(c, 'updated', () => c.lastReadMessageIndex === 0);
    const rosterMoved = nextEvent<[{ participant: Participant }]>(c, 'participantUpdated', ({ participant }) => participant.lastReadMessageIndex === 0);
    const participant = (await sdk.rest.conversations.v1.conversations(conversation.sid).participants.list()).find((p) => p.identity === 'restful');
    await sdk.rest.conversations.v1.conversations(conversation.sid).participants(participant?.sid ?? '').update({ lastReadMessageIndex: 0 });
    await Promise.all([moved, rosterMoved]);
    expect((await c.getParticipantByIdentity('restful'))?.lastReadMessageIndex).toBe(0);
  });

  it('notification level is per user', async () => {
    const conversation = await conversationWith(sdk, ['muter']);
    const client = await sdk.connect('muter');
    const c = await joined(sdk, client, conversation.sid);
    const muted = nextEvent(c, 'updated', () => c.notificationLevel === 'muted');
    await c.setUserNotificationLevel('muted');
    await muted;
    const rest = await sdk.rest.conversations.v1.services(sdk.serviceSid).users('muter').userConversations(conversation.sid).fetch();
    expect(rest.notificationLevel).toBe('muted');
  });
});
