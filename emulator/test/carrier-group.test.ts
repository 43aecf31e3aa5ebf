import { describe, expect, it } from 'vitest';
import { setupTestEmulator } from './support/harness';

/**
 * Twilio's Group Texting in Conversations guide end to end: both walkthroughs and the projected-address
 * transfer, seen from every customer's phone, and group-MMS inbound routing and autocreation.
 */
const [first, second] = ['+15017122661', '+15017122662'];
const { emu, conversations, phone: phones } = setupTestEmulator(
  { numbers: [first, second, '+15017122663', 'whatsapp:+14155238886'] },
  { resetEach: true },
);
/** What a phone received: sender, the other numbers of its thread, body. */
const received = async (address: string) =>
  (await phones.messages(address)).filter((m) => m.direction === 'received').map((m) => [m.from, m.thread, m.body]);

describe('Group texting seen from the phones', () => {
  it('scenario 1: the agent’s projected address texts one homebuyer, then both; a homebuyer answers the group', async () => {
    const conversation = await conversations().create({ friendlyName: 'Home-buying journey' });
    const c = conversations()(conversation.sid);
    await c.participants.create({ identity: 'realEstateAgent', 'messagingBinding.projectedAddress': first });
    await c.participants.create({ 'messagingBinding.address': '+15558675310' });
    await c.messages.create({ author: 'realEstateAgent', body: 'Hi there. What did you think of the listing I sent?' });
    await c.participants.create({ 'messagingBinding.address': '+15558675311' });
    const welcome = await c.messages.create({ author: 'realEstateAgent', body: 'Glad you could join us, homebuyer 2.' });
    await emu.carrier.idle();

    expect(await received('+15558675310')).toEqual([
      [first, [first], 'Hi there. What did you think of the listing I sent?'],
      [first, [first, '+15558675311'], 'Glad you could join us, homebuyer 2.'],
    ]);
    expect(await received('+15558675311')).toEqual([[first, [first, '+15558675310'], 'Glad you could join us, homebuyer 2.']]);
    expect((await c.messages(welcome.sid).fetch()).delivery).toMatchObject({ total: 2, delivered: 'all' });

    // Homebuyer 1 answers the group thread: the carrier hands it to homebuyer 2, Twilio gets one copy.
    const answer = await phones.send({ from: '+15558675310', to: [first, '+15558675311'], body: 'We loved it!' });
    expect(answer.routing).toMatchObject({ outcome: 'delivered', conversation_sid: conversation.sid });
    await emu.carrier.idle();
    expect((await received('+15558675311')).at(-1)).toEqual(['+15558675310', [first, '+15558675310'], 'We loved it!']);
    const [last] = await c.messages.list({ order: 'desc', limit: 1 });
    expect(last).toMatchObject({ author: '+15558675310', body: 'We loved it!', delivery: null });
  });

  it('scenario 2: two chat participants each text from their own projected address; the client answers both', async () => {
    const conversation = await conversations().create({ friendlyName: 'Your Wealth Management Options' });
    const c = conversations()(conversation.sid);
    await c.participants.create({ identity: 'YourFinancialAdvisor', 'messagingBinding.projectedAddress': first });
    await c.participants.create({ 'messagingBinding.address': '+15558675312' });
    await c.messages.create({ author: 'YourFinancialAdvisor', body: 'Hello, what questions did you have about your portfolio?' });
    await c.participants.create({ identity: 'theAssistant', 'messagingBinding.projectedAddress': second });
    await c.messages.create({ author: 'theAssistant', body: "I've just emailed you some documents." });
    await emu.carrier.idle();
    // The first message came while the group was the advisor and the client; the second from the assistant.
    expect(await received('+15558675312')).toEqual([
      [first, [first], 'Hello, what questions did you have about your portfolio?'],
      [second, [first, second], "I've just emailed you some documents."],
    ]);

    const answer = await phones.send({ from: '+15558675312', to: [first, second], body: 'Thanks, both of you' });
    expect(answer.routing).toMatchObject({ outcome: 'delivered', conversation_sid: conversation.sid });
    await c.messages.create({ author: 'YourFinancialAdvisor', body: 'You are welcome.' });
    await emu.carrier.idle();
    expect((await received('+15558675312')).at(-1)).toEqual([first, [first, second], 'You are welcome.']);
    expect((await c.messages.list()).map((m) => m.author)).toEqual(['YourFinancialAdvisor', 'theAssistant', '+15558675312', 'YourFinancialAdvisor']);
  });

  it('keeps the customers’ view unchanged when a shared projected address moves from agent to supervisor', async () => {
    const conversation = await conversations().create({ friendlyName: 'Support group text' });
    const c = conversations()(conversation.sid);
    const gateway = await c.participants.create({ 'messagingBinding.projectedAddress': first });
    await c.participants.create({ 'messagingBinding.address': '+15558675320' });
    await c.participants.create({ 'messagingBinding.address': '+15558675321' });
    await c.messages.create({ author: first, body: 'Thanks for reaching out!' });
    await c.participants(gateway.sid).update({ identity: 'agent-ann' });
    await c.messages.create({ author: 'agent-ann', body: 'Ann here, looking into it.' });
    await phones.send({ from: '+15558675320', to: [first, '+15558675321'], body: 'Can I speak to a manager?' });
    await c.participants(gateway.sid).update({ identity: 'supervisor-sam' });
    await c.messages.create({ author: 'supervisor-sam', body: 'Sam, the manager, here.' });
    await emu.carrier.idle();

    const group = ['+15558675320', '+15558675321', first];
    for (const customer of ['+15558675320', '+15558675321']) {
      const thread = group.filter((a) => a !== customer).sort();
      const fromBusiness = (await received(customer)).filter(([from]) => from === first);
      expect(fromBusiness).toEqual([
        [first, thread, 'Thanks for reaching out!'],
        [first, thread, 'Ann here, looking into it.'],
        [first, thread, 'Sam, the manager, here.'],
      ]);
    }
    // After the transfer the group still routes to the same conversation.
    const later = await phones.send({ from: '+15558675321', to: [first, '+15558675320'], body: 'Thanks Sam' });
    expect(later.routing).toMatchObject({ outcome: 'delivered', conversation_sid: conversation.sid });
  });
});

describe('Group MMS inbound routing and autocreation', () => {
  it('autocreates a group conversation with every address when a group text reaches a projected address', async () => {
    await emu.client.conversations.v1.addressConfigurations.create({ type: 'sms', address: first, 'autoCreation.enabled': true });
    const sent = await phones.send({ from: '+15558670010', to: [first, '+15558670011'], body: 'Can you both see this?' });
    expect(sent.routing.outcome).toBe('autocreated');
    const c = conversations()(sent.routing.conversation_sid ?? '');
    expect((await c.fetch()).state).toBe('active');
    expect((await c.participants.list()).map((p) => p.messagingBinding)).toEqual([
      { type: 'sms', address: '+15558670010' },
      { type: 'sms', address: '+15558670011' },
      { type: 'sms', projected_address: first },
    ]);
    const [message] = await c.messages.list();
    expect(message).toMatchObject({ author: '+15558670010', body: 'Can you both see this?' });
    // The second customer got it from the network, the first sender's number shown.
    expect(await received('+15558670011')).toEqual([['+15558670010', [first, '+15558670010'], 'Can you both see this?']]);

    // The same group routes to it again; a different group does not.
    const again = await phones.send({ from: '+15558670011', to: [first, '+15558670010'], body: 'Yes' });
    expect(again.routing).toMatchObject({ outcome: 'delivered', conversation_sid: sent.routing.conversation_sid });
    const bigger = await phones.send({ from: '+15558670011', to: [first, '+15558670010', '+15558670012'], body: 'Adding a friend' });
    expect(bigger.routing.outcome).toBe('autocreated');
    expect(bigger.routing.conversation_sid).not.toBe(sent.routing.conversation_sid);

    // The business replies from its projected address to the whole group.
    await c.messages.create({ author: first, body: 'We see you both.' });
    await emu.carrier.idle();
    for (const customer of ['+15558670010', '+15558670011']) {
      expect((await received(customer)).at(-1)).toEqual([first, [first, customer === '+15558670010' ? '+15558670011' : '+15558670010'], 'We see you both.']);
    }
  });

  it('drops a group text Twilio cannot carry: a non-+1 number, or more than 10 participants', async () => {
    await emu.client.conversations.v1.addressConfigurations.create({ type: 'sms', address: first, 'autoCreation.enabled': true });
    const abroad = await phones.send({ from: '+15558670020', to: [first, '+447700900123'], body: 'Hi from London' });
    expect(abroad.routing).toMatchObject({ outcome: 'dropped', code: 50434 });
    const crowd = Array.from({ length: 10 }, (_, i) => `+1555867100${i}`);
    const tooMany = await phones.send({ from: '+15558670021', to: [first, ...crowd], body: 'Everyone!' });
    expect(tooMany.routing).toMatchObject({ outcome: 'dropped', code: 50435 });
    expect(await conversations().list()).toEqual([]);
  });
});
