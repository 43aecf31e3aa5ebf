import type { Message } from '@twilio/conversations';
import { describe, expect, it } from 'vitest';
import { conversationWith, joined, nextEvent, setupSdkEmulator } from './support/sdk-harness';

describe('messages through the real SDK', () => {
  const sdk = setupSdkEmulator();

  it('starts up: Configuration, the user, and the conversations it is in', async () => {
    await sdk.rest.conversations.v1.services(sdk.serviceSid).users.create({ identity: 'starter', friendlyName: 'Star Ter' });
    const conversation = await conversationWith(sdk, ['starter'], 'Before connecting');
    const client = await sdk.connect('starter');
    expect(client.user.identity).toBe('starter');
    expect(client.user.friendlyName).toBe('Star Ter');
    const joinedConversation = await joined(sdk, client, conversation.sid);
    expect(joinedConversation.friendlyName).toBe('Before connecting');
    expect(joinedConversation.createdBy).toBe('system');
    const page = await client.getSubscribedConversations();
    expect(page.items.map((c) => c.sid)).toContain(conversation.sid);
    expect(await joinedConversation.getParticipantsCount()).toBe(1);
  });

  it('delivers a message created over REST as messageAdded at every participant, once', async () => {
    const conversation = await conversationWith(sdk, ['alice', 'bob']);
    const [alice, bob] = await Promise.all([sdk.connect('alice'), sdk.connect('bob')]);
    const [aliceConversation, bobConversation] = await Promise.all([joined(sdk, alice, conversation.sid), joined(sdk, bob, conversation.sid)]);
    const seen: Record<string, Message[]> = { alice: [], bob: [] };
    aliceConversation.on('messageAdded', (m: Message) => seen.alice?.push(m));
    bobConversation.on('messageAdded', (m: Message) => seen.bob?.push(m));
    const atAlice = nextEvent<[Message]>(alice, 'messageAdded', (m) => m.body === 'from REST');
    const atBob = nextEvent<[Message]>(bob, 'messageAdded', (m) => m.body === 'from REST');
    // The document's lastMessage moves too: conversationUpdated with reason lastMessage.
    const lastMessageMoved = nextEvent<[{ updateReasons: string[] }]>(aliceConversation, 'updated', ({ updateReasons }) => updateReasons.includes('lastMessage'));
    await sdk.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'system', body: 'from REST', attributes: '{"k":1}' });
    const [[a], [b]] = await Promise.all([atAlice, atBob]);
    expect(a.author).toBe('system');
    expect(a.attributes).toEqual({ k: 1 });
    expect(b.index).toBe(a.index);
    await lastMessageMoved;
    expect(aliceConversation.lastMessage?.index).toBe(a.index);
    // An SDK send reaches both, the sender included.
    const bobSees = nextEvent<[Message]>(bob, 'messageAdded', (m) => m.body === 'from alice');
    const aliceSees = nextEvent<[Message]>(alice, 'messageAdded', (m) => m.body === 'from alice');
    const index = await aliceConversation.sendMessage('from alice', { clientKey: 'k1' });
    const [[fromAlice]] = await Promise.all([bobSees, aliceSees]);
    expect(fromAlice.index).toBe(index);
    expect(fromAlice.author).toBe('alice');
    expect(fromAlice.attributes).toEqual({ clientKey: 'k1' });
    expect((await fromAlice.getParticipant()).identity).toBe('alice');
    expect(seen.alice?.map((m) => m.body)).toEqual(['from REST', 'from alice']);
    expect(seen.bob?.map((m) => m.body)).toEqual(['from REST', 'from alice']);
    const rest = await sdk.rest.conversations.v1.conversations(conversation.sid).messages(fromAlice.sid).fetch();
    expect(rest.author).toBe('alice');
  });

  it('lists content templates and sends one by content SID', async () => {
    const conversation = await conversationWith(sdk, ['templater']);
    const client = await sdk.connect('templater');
    const templates = await client.getContentTemplates();
    const followUp = templates.find((t) => t.friendlyName === 'conversation_follow_up');
    expect(followUp?.sid).toMatch(/^HX/);
    const c = await joined(sdk, client, conversation.sid);
    const added = nextEvent<[Message]>(c, 'messageAdded');
    const variables = (followUp?.variables ?? []).map((v) => (v.name === '1' ? v.copyWithValue('Ada') : v));
    await c.prepareMessage().setContentTemplate(followUp?.sid ?? '', variables).build().send();
    const [message] = await added;
    expect(message.contentSid).toBe(followUp?.sid);
    const rest = await sdk.rest.conversations.v1.conversations(conversation.sid).messages(message.sid).fetch();
    expect(rest.contentSid).toBe(followUp?.sid);
    // Twilio's Message resource does not echo the variables; the domain keeps them for rendering.
    expect(JSON.parse(sdk.core.store.get('messages', message.sid)?.contentVariables ?? '{}')).toEqual({ 1: 'Ada', 2: 'our support team' });
  });

  it('lists the Content API resources as getContentTemplates(), with their variables and rich variants', async () => {
    const created = await sdk.rest.content.v1.contents.create({
      friendly_name: 'did_it_arrive',
      language: 'en',
      variables: { 1: 'there' },
      types: { 'twilio/quick-reply': { body: 'Hi {{1}}, did it arrive?', actions: [{ title: 'Yes', id: 'yes' }, { title: 'No', id: 'no' }] } },
    } as never);
    const client = await sdk.connect('template-reader');
    const templates = await client.getContentTemplates();
    expect(templates.map((t) => t.sid)).toEqual((await sdk.rest.content.v1.contents.list()).map((c) => c.sid));
    const mine = templates.find((t) => t.sid === created.sid);
    expect(mine?.friendlyName).toBe('did_it_arrive');
    expect(mine?.variables.map((v) => [v.name, v.value])).toEqual([['1', 'there']]);
    const variant = mine?.variants.get('twilio/quick-reply');
    expect(variant).toMatchObject({ type: 'quickReply', body: 'Hi {{1}}, did it arrive?' });
    expect((variant as { replies?: { title: string }[] } | undefined)?.replies?.map((r) => r.title)).toEqual(['Yes', 'No']);
  });

  it('pages history backwards with getMessages(n) and prevPage', async () => {
    const conversation = await conversationWith(sdk, ['pager']);
    for (let i = 0; i < 25; i++) {
      await sdk.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'system', body: `m${i}` });
    }
    const client = await sdk.connect('pager');
    const c = await joined(sdk, client, conversation.sid);
    const last = await c.getMessages(10);
    expect(last.items.map((m) => m.body)).toEqual(Array.from({ length: 10 }, (_, i) => `m${15 + i}`));
    expect(last.hasPrevPage).toBe(true);
    const before = await last.prevPage();
    expect(before.items.map((m) => m.body)).toEqual(Array.from({ length: 10 }, (_, i) => `m${5 + i}`));
    const first = await before.prevPage();
    expect(first.items.map((m) => m.body)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(first.hasPrevPage).toBe(false);
    expect(await c.getMessagesCount()).toBe(25);
  });

  it('edits and deletes by role permission; others are refused with 403', async () => {
    const conversation = await conversationWith(sdk, ['editor', 'other']);
    const [editor, other] = await Promise.all([sdk.connect('editor'), sdk.connect('other')]);
    const [e, o] = await Promise.all([joined(sdk, editor, conversation.sid), joined(sdk, other, conversation.sid)]);
    const added = nextEvent<[Message]>(o, 'messageAdded');
    await e.sendMessage('first draft');
    const [atOther] = await added;
    const [mine] = (await e.getMessages()).items;
    if (!mine) throw new Error('message missing');
    const edited = nextEvent<[{ message: Message; updateReasons: string[] }]>(o, 'messageUpdated', ({ message }) => message.body === 'final');
    await mine.updateBody('final');
    const [{ updateReasons }] = await edited;
    expect(updateReasons).toContain('body');
    expect(atOther.body).toBe('final');
    await mine.updateAttributes({ pinned: true });
    // Conversation users may not edit or delete someone else's message.
    const theirs = (await o.getMessages()).items[0];
    await expect(theirs?.updateBody('hijack')).rejects.toMatchObject({ status: 403 });
    await expect(theirs?.remove()).rejects.toMatchObject({ status: 403 });
    const removed = nextEvent<[Message]>(o, 'messageRemoved');
    await mine.remove();
    const [gone] = await removed;
    expect(gone.sid).toBe(mine.sid);
    expect((await o.getMessages()).items).toHaveLength(0);
    await expect(sdk.rest.conversations.v1.conversations(conversation.sid).messages(mine.sid).fetch()).rejects.toMatchObject({ status: 404 });
  });
});
