import { describe, expect, it } from 'vitest';
import { setupTestEmulator } from './support/harness';

/**
 * SMS through the simulated carrier: a 1:1 conversation with a proxy address (the quickstart), inbound
 * routing by the To/From pair, autocreation on and off, closed conversations, receipts and media.
 */
const { emu, v1, phone: customer } = setupTestEmulator({}, { resetEach: true });
const [first, second] = ['+15017122661', '+15017122662'];

describe('1:1 SMS with a proxy address', () => {
  it('delivers an agent’s message to the phone from the proxy address, and routes the reply back by the number pair', async () => {
    const conversation = await v1().conversations.create({ friendlyName: 'Quickstart' });
    const c = v1().conversations(conversation.sid);
    const sms = await c.participants.create({ 'messagingBinding.address': '+15558675310', 'messagingBinding.proxyAddress': first });
    const agent = await c.participants.create({ identity: 'agent-amy' });

    const hello = await c.messages.create({ author: 'agent-amy', body: 'Hi! How can I help?' });
    expect(hello.delivery).toMatchObject({ total: 1, sent: 'none', delivered: 'none' });
    await emu.carrier.idle();
    expect(await customer.inbox('+15558675310')).toEqual([[first, 'Hi! How can I help?']]);
    expect((await c.messages(hello.sid).fetch()).delivery).toMatchObject({ total: 1, sent: 'all', delivered: 'all' });
    const [receipt] = await c.messages(hello.sid).deliveryReceipts.list();
    expect(receipt).toMatchObject({ participantSid: sms.sid, status: 'delivered', errorCode: 0 });
    expect(receipt?.channelMessageSid).toMatch(/^SM[0-9a-f]{32}$/);
    const [received] = await customer.messages('+15558675310');
    expect(received).toMatchObject({ sid: receipt?.channelMessageSid, direction: 'received', status: 'delivered', thread: [first] });

    const reply = await customer.send({ from: '+15558675310', to: first, body: 'My order is late' });
    expect(reply.routing).toMatchObject({ outcome: 'delivered', conversation_sid: conversation.sid });
    expect(reply).toMatchObject({ direction: 'sent', status: 'delivered', thread: [first] });
    const messages = await c.messages.list();
    expect(messages.map((m) => [m.author, m.body, m.participantSid])).toEqual([
      ['agent-amy', 'Hi! How can I help?', agent.sid],
      ['+15558675310', 'My order is late', sms.sid],
    ]);
    // A message from the customer reaches no one else outside chat: no receipts.
    expect(messages[1]?.delivery).toBeNull();
  });

  it('marks a delivery to an unreachable phone undelivered with 30003, and delivers again once it is back', async () => {
    const conversation = await v1().conversations.create({});
    const c = v1().conversations(conversation.sid);
    await c.participants.create({ 'messagingBinding.address': '+15558675311', 'messagingBinding.proxyAddress': first });
    await customer.setReachable('+15558675311', false);
    const lost = await c.messages.create({ author: 'agent', body: 'Are you there?' });
    await emu.carrier.idle();
    const [receipt] = await c.messages(lost.sid).deliveryReceipts.list();
    expect(receipt).toMatchObject({ status: 'undelivered', errorCode: 30003 });
    expect((await c.messages(lost.sid).fetch()).delivery).toMatchObject({ total: 1, sent: 'none', undelivered: 'all' });
    expect(await customer.messages('+15558675311')).toEqual([]);

    await customer.setReachable('+15558675311', true);
    const found = await c.messages.create({ author: 'agent', body: 'Back online?' });
    await emu.carrier.idle();
    expect((await c.messages(found.sid).fetch()).delivery).toMatchObject({ delivered: 'all', undelivered: 'none' });
    expect(await customer.inbox('+15558675311')).toEqual([[first, 'Back online?']]);
  });

  it('relays a message between two SMS participants, each through their own proxy, with receipts', async () => {
    const conversation = await v1().conversations.create({});
    const c = v1().conversations(conversation.sid);
    await c.participants.create({ 'messagingBinding.address': '+15558670001', 'messagingBinding.proxyAddress': first });
    const other = await c.participants.create({ 'messagingBinding.address': '+15558670002', 'messagingBinding.proxyAddress': second });
    const sent = await customer.send({ from: '+15558670001', to: first, body: 'Where is the driver?' });
    await emu.carrier.idle();
    // Masked: the other phone sees the message from its own proxy, never the sender's number.
    expect(await customer.inbox('+15558670002')).toEqual([[second, 'Where is the driver?']]);
    const [receipt] = await c.messages(sent.routing.message_sid ?? '').deliveryReceipts.list();
    expect(receipt).toMatchObject({ participantSid: other.sid, status: 'delivered' });
  });
});

describe('Inbound autocreation (Address Configuration)', () => {
  it('drops a message that matches no conversation while autocreation is off, and changes nothing', async () => {
    const before = (await v1().conversations.list()).length;
    const sent = await customer.send({ from: '+15550001111', to: second, body: 'Hello?' });
    expect(sent.routing).toMatchObject({ outcome: 'dropped', conversation_sid: null });
    expect(sent.routing.reason).toContain('autocreation is off');
    // The carrier delivered it to the Twilio number; Twilio had nowhere to put it.
    expect(sent.status).toBe('delivered');
    expect((await v1().conversations.list()).length).toBe(before);
  });

  it('creates a conversation with the customer, the number as proxy and the first message when enabled', async () => {
    await v1().addressConfigurations.create({ type: 'sms', address: second, 'autoCreation.enabled': true });
    const sent = await customer.send({ from: '+15550002222', to: second, body: 'I need help with my bill' });
    expect(sent.routing.outcome).toBe('autocreated');
    const conversationSid = sent.routing.conversation_sid ?? '';
    const conversation = await v1().conversations(conversationSid).fetch();
    expect(conversation).toMatchObject({ state: 'active', friendlyName: null, chatServiceSid: emu.serviceSid });
    const participants = await v1().conversations(conversationSid).participants.list();
    expect(participants.map((p) => p.messagingBinding)).toEqual([{ type: 'sms', address: '+15550002222', proxy_address: second }]);
    const [message] = await v1().conversations(conversationSid).messages.list();
    expect(message).toMatchObject({ author: '+15550002222', body: 'I need help with my bill', participantSid: participants[0]?.sid, index: 0 });

    // The pair is bound now: the next message joins the same conversation.
    const again = await customer.send({ from: '+15550002222', to: second, body: 'Hello again' });
    expect(again.routing).toMatchObject({ outcome: 'delivered', conversation_sid: conversationSid });
    // Another customer gets a conversation of their own.
    const other = await customer.send({ from: '+15550003333', to: second, body: 'Me too' });
    expect(other.routing.outcome).toBe('autocreated');
    expect(other.routing.conversation_sid).not.toBe(conversationSid);
  });

  it('autocreates in the configured service and attaches a conversation-scoped webhook for type webhook', async () => {
    const service = await v1().services.create({ friendlyName: 'Support' });
    await v1().addressConfigurations.create({
      type: 'sms',
      address: first,
      'autoCreation.enabled': true,
      'autoCreation.type': 'webhook',
      'autoCreation.conversationServiceSid': service.sid,
      'autoCreation.webhookUrl': 'https://example.com/bot',
      'autoCreation.webhookMethod': 'post',
      'autoCreation.webhookFilters': ['onMessageAdded'],
    });
    const sent = await customer.send({ from: '+15550004444', to: first, body: 'Hi bot' });
    const scoped = v1().services(service.sid).conversations(sent.routing.conversation_sid ?? '');
    expect((await scoped.fetch()).chatServiceSid).toBe(service.sid);
    const [webhook] = await scoped.webhooks.list();
    expect(webhook).toMatchObject({ target: 'webhook', configuration: { url: 'https://example.com/bot', method: 'post', filters: ['onMessageAdded'] } });
  });

  it('autocreates for any number when the Messaging Service’s autocreation is on', async () => {
    const off = await customer.send({ from: '+15550005555', to: first, body: 'one' });
    expect(off.routing.outcome).toBe('dropped');
    const set = await customer.call<{ inbound_autocreation: boolean }>('MessagingService', {
      method: 'POST',
      body: new URLSearchParams({ InboundAutocreation: 'true' }),
    });
    expect(set.json.inbound_autocreation).toBe(true);
    const on = await customer.send({ from: '+15550005555', to: first, body: 'two' });
    expect(on.routing.outcome).toBe('autocreated');
    expect((await v1().conversations(on.routing.conversation_sid ?? '').fetch()).chatServiceSid).toBe(emu.serviceSid);
  });

  it('starts a new conversation for the next inbound message once the old one is closed', async () => {
    await v1().addressConfigurations.create({ type: 'sms', address: first, 'autoCreation.enabled': true });
    const opened = await customer.send({ from: '+15550006666', to: first, body: 'first contact' });
    const old = opened.routing.conversation_sid ?? '';
    await v1().conversations(old).update({ state: 'closed' });
    const next = await customer.send({ from: '+15550006666', to: first, body: 'second contact' });
    expect(next.routing.outcome).toBe('autocreated');
    expect(next.routing.conversation_sid).not.toBe(old);
    expect((await v1().conversations(old).messages.list()).map((m) => m.body)).toEqual(['first contact']);
    expect((await v1().conversations(next.routing.conversation_sid ?? '').messages.list()).map((m) => m.body)).toEqual(['second contact']);
  });
});

describe('Media over SMS', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const mcs = async (bytes: Buffer, contentType: string, filename: string) => {
    const response = await fetch(`${emu.url}/mcs/v1/Services/${emu.serviceSid}/Media`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${emu.credentials.accountSid}:${emu.credentials.authToken}`).toString('base64')}`,
        'Content-Type': contentType,
        'Content-Disposition': `attachment; filename="${filename}"`,
      },
      body: new Uint8Array(bytes),
    });
    return ((await response.json()) as { sid: string }).sid;
  };

  it('brings a phone’s MMS into the conversation as media whose bytes MCS serves', async () => {
    await v1().addressConfigurations.create({ type: 'sms', address: first, 'autoCreation.enabled': true });
    const upload = await customer.upload(png, 'image/png', 'receipt.png');
    const sent = await customer.send({ from: '+15550007777', to: first, body: 'See attached', mediaUrl: [upload.url] });
    expect(sent.media).toEqual([expect.objectContaining({ sid: upload.sid, content_type: 'image/png', filename: 'receipt.png' })]);
    expect(sent.sid).toMatch(/^MM/);
    const [message] = await v1().conversations(sent.routing.conversation_sid ?? '').messages.list();
    expect(message?.media).toEqual([expect.objectContaining({ content_type: 'image/png', filename: 'receipt.png', size: png.length })]);
    const mediaSid = (message?.media as { sid: string }[])[0]?.sid ?? '';
    const content = await fetch(`${emu.url}/mcs/v1/Services/${emu.serviceSid}/Media/${mediaSid}/Content`, {
      headers: { Authorization: `Basic ${Buffer.from(`${emu.credentials.accountSid}:${emu.credentials.authToken}`).toString('base64')}` },
    });
    expect(Buffer.from(await content.arrayBuffer())).toEqual(png);
  });

  it('sends chat media to SMS as the channel allows: one medium with the body, several as one medium without it', async () => {
    const conversation = await v1().conversations.create({});
    const c = v1().conversations(conversation.sid);
    const sms = await c.participants.create({ 'messagingBinding.address': '+15550008888', 'messagingBinding.proxyAddress': first });
    await c.messages.create({ author: 'agent', body: 'Your invoice', mediaSid: await mcs(png, 'image/png', 'invoice.png') });
    // Several media in one message come from the SDK (the REST helper sends one MediaSid).
    const sdk = { source: 'sdk' as const, clientIdentity: 'agent', webhookEnabled: false };
    const media = [await mcs(Buffer.from('%PDF-1.4'), 'application/pdf', 'terms.pdf'), await mcs(png, 'image/png', 'map.png')];
    await emu.core.messages.addMessage(emu.serviceSid, conversation.sid, { author: 'agent', body: 'Two files', mediaSids: media }, sdk);
    const tooBig = await c.messages.create({ author: 'agent', mediaSid: await mcs(Buffer.alloc(5 * 1024 * 1024 + 1), 'image/png', 'huge.png') });
    await emu.carrier.idle();
    const received = (await customer.messages('+15550008888')).map((m) => [m.body, m.media.map((x) => x.filename)]);
    expect(received).toEqual([
      ['Your invoice', ['invoice.png']],
      [null, ['terms.pdf']],
    ]);
    const [failed] = await c.messages(tooBig.sid).deliveryReceipts.list();
    expect(failed).toMatchObject({ participantSid: sms.sid, status: 'failed', errorCode: 11751 });
    // The phone's copy is its own: the bytes come from the carrier.
    const [withMedia] = await customer.messages('+15550008888');
    const bytes = await fetch(withMedia?.media[0]?.url ?? '');
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(png);
  });
});
