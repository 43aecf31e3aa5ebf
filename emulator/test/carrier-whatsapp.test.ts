import { describe, expect, it } from 'vitest';
import { BUILT_IN_CONTENTS } from '../src/domain/content-templates';
import { setupTestEmulator } from './support/harness';

/**
 * WhatsApp in Conversations: cross-channel masking with SMS, the 24-hour window (free-form fails with
 * 63016 outside it, a template is delivered), read receipts, and WhatsApp's one-medium rule.
 */
const { emu, conversations, phone: phones } = setupTestEmulator({}, { resetEach: true });
const sms = '+15017122661';
const wa = 'whatsapp:+14155238886';

const whatsappConversation = async (customer: string) => {
  const conversation = await conversations().create({ friendlyName: 'WhatsApp customer' });
  const c = conversations()(conversation.sid);
  const participant = await c.participants.create({ 'messagingBinding.address': customer, 'messagingBinding.proxyAddress': wa });
  return { c, participant };
};

const receiptOf = async (c: ReturnType<ReturnType<typeof conversations>>, messageSid: string) => {
  await emu.carrier.idle();
  const [receipt] = await c.messages(messageSid).deliveryReceipts.list();
  return receipt;
};

describe('Cross-channel masking: WhatsApp ↔ SMS', () => {
  it('relays each side’s messages from the other side’s Twilio number, never showing a personal number', async () => {
    const conversation = await conversations().create({ friendlyName: 'Courier and customer' });
    const c = conversations()(conversation.sid);
    await c.participants.create({ 'messagingBinding.address': 'whatsapp:+15558675399', 'messagingBinding.proxyAddress': wa });
    await c.participants.create({ 'messagingBinding.address': '+15558675398', 'messagingBinding.proxyAddress': sms });

    // The WhatsApp user writes first, which also opens the 24-hour window.
    const fromWhatsApp = await phones.send({ from: 'whatsapp:+15558675399', to: wa, body: 'I am at the gate' });
    expect(fromWhatsApp.routing.outcome).toBe('delivered');
    expect(fromWhatsApp.sid).toMatch(/^WA/);
    await emu.carrier.idle();
    const fromSms = await phones.send({ from: '+15558675398', to: sms, body: 'Coming down now' });
    expect(fromSms.routing.outcome).toBe('delivered');
    await emu.carrier.idle();

    expect(await phones.inbox('+15558675398')).toEqual([[sms, 'I am at the gate']]);
    expect(await phones.inbox('whatsapp:+15558675399')).toEqual([[wa, 'Coming down now']]);
    const [relayed] = await c.messages(fromSms.routing.message_sid ?? '').deliveryReceipts.list();
    expect(relayed?.channelMessageSid).toMatch(/^WA/);
    expect((await c.messages.list()).map((m) => [m.author, m.body])).toEqual([
      ['whatsapp:+15558675399', 'I am at the gate'],
      ['+15558675398', 'Coming down now'],
    ]);
  });
});

describe('WhatsApp 24-hour window', () => {
  it('fails a free-form message before the customer wrote, and delivers a template rendered with its variables', async () => {
    const { c, participant } = await whatsappConversation('whatsapp:+15558675301');
    const freeForm = await c.messages.create({ author: 'rider', body: 'Hi, where is your door?' });
    expect(await receiptOf(c, freeForm.sid)).toMatchObject({ participantSid: participant.sid, status: 'failed', errorCode: 63016 });
    expect((await c.messages(freeForm.sid).fetch()).delivery).toMatchObject({ failed: 'all', sent: 'none' });
    expect(await phones.messages('whatsapp:+15558675301')).toEqual([]);

    const template = BUILT_IN_CONTENTS[0];
    const templated = await c.messages.create({
      author: 'rider',
      contentSid: template?.sid ?? '',
      contentVariables: JSON.stringify({ 1: 'Maria', 2: 'Jo' }),
    });
    expect(await receiptOf(c, templated.sid)).toMatchObject({ status: 'delivered' });
    expect(await phones.inbox('whatsapp:+15558675301')).toEqual([
      [wa, 'Hello Maria, your food delivery is almost there but Jo (your rider) needs help finding your door. Are you willing to chat with them?'],
    ]);
  });

  it('opens the window on the customer’s message and closes it 24 hours later on the emulator clock', async () => {
    const { c } = await whatsappConversation('whatsapp:+15558675302');
    await phones.send({ from: 'whatsapp:+15558675302', to: wa, body: 'Yes, happy to chat' });
    const inside = await c.messages.create({ author: 'rider', body: 'Great, I am outside' });
    expect(await receiptOf(c, inside.sid)).toMatchObject({ status: 'delivered' });

    await phones.advanceClock('PT23H59M');
    const stillInside = await c.messages.create({ author: 'rider', body: 'Still here' });
    expect(await receiptOf(c, stillInside.sid)).toMatchObject({ status: 'delivered' });

    await phones.advanceClock('PT2M');
    const outside = await c.messages.create({ author: 'rider', body: 'Hello again?' });
    expect(await receiptOf(c, outside.sid)).toMatchObject({ status: 'failed', errorCode: 63016 });
    const templated = await c.messages.create({ author: 'rider', contentSid: BUILT_IN_CONTENTS[2]?.sid ?? '' });
    expect(await receiptOf(c, templated.sid)).toMatchObject({ status: 'delivered' });
    expect((await phones.inbox('whatsapp:+15558675302')).map(([, body]) => body)).toEqual([
      'Great, I am outside',
      'Still here',
      'Hi there, this is our support team following up on your request. Reply to this message to continue the conversation.',
    ]);
  });

  it('fails a message naming no built-in template with 21655', async () => {
    const { c } = await whatsappConversation('whatsapp:+15558675303');
    const unknown = await c.messages.create({ author: 'rider', contentSid: 'HX0123456789abcdef0123456789abcdef' });
    expect(await receiptOf(c, unknown.sid)).toMatchObject({ status: 'failed', errorCode: 21655 });
  });
});

describe('WhatsApp read receipts and media', () => {
  it('reports read once the WhatsApp user reads, and refuses read receipts for SMS', async () => {
    const { c } = await whatsappConversation('whatsapp:+15558675304');
    await phones.send({ from: 'whatsapp:+15558675304', to: wa, body: 'Hello' });
    const reply = await c.messages.create({ author: 'agent', body: 'Hi! Read me.' });
    expect(await receiptOf(c, reply.sid)).toMatchObject({ status: 'delivered' });
    expect((await phones.read('whatsapp:+15558675304')).read).toBe(1);
    expect(await receiptOf(c, reply.sid)).toMatchObject({ status: 'read' });
    expect((await c.messages(reply.sid).fetch()).delivery).toMatchObject({ read: 'all', delivered: 'all', sent: 'all' });
    const [entry] = (await phones.messages('whatsapp:+15558675304')).filter((m) => m.direction === 'received');
    expect(entry?.status).toBe('read');
    // Nothing more to read.
    expect((await phones.read('whatsapp:+15558675304')).read).toBe(0);

    const refused = await phones.call<{ code: number; message: string }>(`Carrier/Phones/${encodeURIComponent('+15558675305')}/Read`, { method: 'POST' });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toContain('WhatsApp');
  });

  it('accepts one medium from a WhatsApp phone and refuses two', async () => {
    await emu.client.conversations.v1.addressConfigurations.create({ type: 'whatsapp', address: wa, 'autoCreation.enabled': true });
    const a = await phones.upload(Buffer.from('%PDF-1.4 a'), 'application/pdf', 'a.pdf');
    const b = await phones.upload(Buffer.from('%PDF-1.4 b'), 'application/pdf', 'b.pdf');
    const refused = await phones.trySend({ From: 'whatsapp:+15558675306', To: wa, MediaUrl: [a.url, b.url] });
    expect(refused.status).toBe(400);
    const sent = await phones.send({ from: 'whatsapp:+15558675306', to: wa, mediaUrl: [a.url] });
    expect(sent.routing.outcome).toBe('autocreated');
    const [message] = await conversations()(sent.routing.conversation_sid ?? '').messages.list();
    expect(message?.media).toEqual([expect.objectContaining({ filename: 'a.pdf', content_type: 'application/pdf' })]);
    expect(message?.body).toBeNull();
  });
});
