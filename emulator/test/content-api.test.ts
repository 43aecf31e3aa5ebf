import { describe, expect, it } from 'vitest';
import { BUILT_IN_CONTENTS } from '../src/domain/content-templates';
import { setupTestEmulator } from './support/harness';

/**
 * Twilio's Content API through the unmodified `twilio` helper (`client.content.v1`), every response
 * validated against the vendored spec: content resources, WhatsApp's review on the emulator clock, and
 * templates rendered per channel when a conversation message names one.
 */
const { emu, conversations, phone: phones } = setupTestEmulator({}, { resetEach: true });
const content = () => emu.client.content.v1.contents;
const wa = 'whatsapp:+14155238886';
const sms = '+15017122661';

/** The helper's typings name the body's fields in camelCase, but it sends the object as given: Twilio's wire names. */
type CreateBody = { friendly_name?: string; language: string; variables?: Record<string, string>; types: Record<string, unknown> };
const create = (body: CreateBody) => content().create(body as never);

const ORDER_TYPES = {
  'twilio/text': { body: 'Hi {{1}}, order {{2}} has shipped.' },
  'twilio/media': { body: 'Hi {{1}}, your receipt for {{2}}', media: ['https://example.com/receipts/{{2}}.pdf'] },
  'twilio/quick-reply': { body: 'Hi {{1}}, did order {{2}} arrive?', actions: [{ title: 'Yes', id: 'yes' }, { title: 'No', id: 'no' }] },
  'twilio/call-to-action': { body: 'Hi {{1}}, track order {{2}}.', actions: [{ type: 'URL', title: 'Track', url: 'https://example.com/t/{{2}}' }] },
  'twilio/card': { title: 'Order {{2}}', subtitle: 'Thanks, {{1}}', media: ['https://example.com/box.png'], actions: [{ type: 'QUICK_REPLY', title: 'Thanks', id: 't' }] },
  'whatsapp/card': { body: 'Hi {{1}}, order {{2}} is on its way.', footer: 'Reply STOP to opt out', media: ['https://example.com/van.png'], actions: [{ type: 'URL', title: 'Track', url: 'https://example.com/t/{{2}}' }] },
};

const whatsappConversation = async (customer: string) => {
  const conversation = await conversations().create({ friendlyName: 'WhatsApp customer' });
  const c = conversations()(conversation.sid);
  await c.participants.create({ 'messagingBinding.address': customer, 'messagingBinding.proxyAddress': wa });
  return c;
};

const receiptOf = async (c: Awaited<ReturnType<typeof whatsappConversation>>, messageSid: string) => {
  await emu.carrier.idle();
  const [receipt] = await c.messages(messageSid).deliveryReceipts.list();
  return receipt;
};

describe('Content resources', () => {
  it('creates every emulated type with variables and language, then fetches, lists and deletes it', async () => {
    const created = await create({ friendly_name: 'order_update', language: 'en', variables: { 1: 'there', 2: 'your order' }, types: ORDER_TYPES });
    expect(created.sid).toMatch(/^HX[0-9a-f]{32}$/);
    expect(created).toMatchObject({ friendlyName: 'order_update', language: 'en', variables: { 1: 'there', 2: 'your order' } });
    expect(Object.keys(created.types as object).sort()).toEqual(Object.keys(ORDER_TYPES).sort());
    expect((await content()(created.sid).fetch()).types).toEqual(ORDER_TYPES);

    const listed = await content().list();
    // The built-in templates are ordinary content resources, listed first.
    expect(listed.map((c) => c.sid)).toEqual([...BUILT_IN_CONTENTS.map((b) => b.sid), created.sid]);
    expect(listed.find((c) => c.sid === BUILT_IN_CONTENTS[0]?.sid)?.types).toEqual(BUILT_IN_CONTENTS[0]?.types);
    const paged = await content().page({ pageSize: 2 });
    expect(paged.instances).toHaveLength(2);
    expect((await paged.nextPage())?.instances.map((c) => c.sid)).toEqual([BUILT_IN_CONTENTS[2]?.sid, created.sid]);

    expect(await content()(created.sid).remove()).toBe(true);
    await expect(content()(created.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    expect((await content().list()).map((c) => c.sid)).not.toContain(created.sid);
  });

  it('refuses content without language or types, with an unknown type, or with a malformed type', async () => {
    const bad: unknown[] = [
      { types: { 'twilio/text': { body: 'x' } } },
      { language: 'en', types: {} },
      { language: 'en', types: { 'twilio/location': { latitude: 1, longitude: 2 } } },
      { language: 'en', types: { 'twilio/quick-reply': { body: 'no buttons', actions: [] } } },
      { language: 'en', types: { 'twilio/media': { body: 'no media' } } },
      { language: 'en', variables: { 1: 3 }, types: { 'twilio/text': { body: 'x' } } },
    ];
    for (const body of bad) await expect(content().create(body as never)).rejects.toMatchObject({ status: 400, code: 20001 });
    expect(await content().list()).toHaveLength(BUILT_IN_CONTENTS.length);
  });
});

describe('WhatsApp approval', () => {
  it('moves a submitted template from received to pending to approved on the emulator clock', async () => {
    const created = await create({ friendly_name: 'shipped', language: 'en', types: { 'twilio/text': { body: 'Hi {{1}}, your order has shipped.' } } });
    expect((await content()(created.sid).approvalFetch().fetch()).whatsapp).toMatchObject({ status: 'unsubmitted' });
    const submitted = await content()(created.sid).approvalCreate.create({ name: 'order_shipped', category: 'UTILITY' });
    expect(submitted).toMatchObject({ name: 'order_shipped', category: 'UTILITY', contentType: 'twilio/text', status: 'received' });

    const status = async () => ((await content()(created.sid).approvalFetch().fetch()).whatsapp as unknown as { status: string }).status;
    await phones.advanceClock('PT1M');
    expect(await status()).toBe('pending');
    await phones.advanceClock('PT9M');
    expect(await status()).toBe('approved');
    const [listed] = (await emu.client.content.v1.contentAndApprovals.list()).filter((c) => c.sid === created.sid);
    expect(listed?.approvalRequests).toMatchObject({ name: 'order_shipped', status: 'approved', rejection_reason: '' });
  });

  it('rejects a template whose body ends with a variable, with the reason, and refuses bad submissions', async () => {
    const created = await create({ language: 'en', types: { 'twilio/text': { body: 'Your code is {{1}}' } } });
    await expect(content()(created.sid).approvalCreate.create({ name: 'Bad Name', category: 'UTILITY' })).rejects.toMatchObject({ status: 400 });
    await expect(content()(created.sid).approvalCreate.create({ name: 'code', category: 'GOSSIP' })).rejects.toMatchObject({ status: 400 });
    await content()(created.sid).approvalCreate.create({ name: 'code', category: 'authentication' });
    await expect(content()(created.sid).approvalCreate.create({ name: 'code', category: 'UTILITY' })).rejects.toMatchObject({ status: 400 });
    await phones.advanceClock('PT10M');
    expect((await content()(created.sid).approvalFetch().fetch()).whatsapp).toMatchObject({
      category: 'AUTHENTICATION',
      status: 'rejected',
      rejection_reason: expect.stringContaining('start or end'),
    });
  });

  it('delivers outside the 24-hour window only once approved; free-form still fails with 63016', async () => {
    const c = await whatsappConversation('whatsapp:+15558675311');
    const created = await create({ language: 'en', variables: { 1: 'there' }, types: { 'twilio/text': { body: 'Hello {{1}}, can we help?' } } });
    const unapproved = await c.messages.create({ author: 'agent', contentSid: created.sid, contentVariables: JSON.stringify({ 1: 'Ana' }) });
    expect(await receiptOf(c, unapproved.sid)).toMatchObject({ status: 'failed', errorCode: 63016 });

    await content()(created.sid).approvalCreate.create({ name: 'can_we_help', category: 'UTILITY' });
    await phones.decideWhatsAppApproval(created.sid, 'approved');
    const approved = await c.messages.create({ author: 'agent', contentSid: created.sid, contentVariables: JSON.stringify({ 1: 'Ana' }) });
    expect(await receiptOf(c, approved.sid)).toMatchObject({ status: 'delivered' });
    const freeForm = await c.messages.create({ author: 'agent', body: 'Are you there?' });
    expect(await receiptOf(c, freeForm.sid)).toMatchObject({ status: 'failed', errorCode: 63016 });
    expect(await phones.inbox('whatsapp:+15558675311')).toEqual([[wa, 'Hello Ana, can we help?']]);
  });

  it('fails an unknown template with 21655 and variables that are not a JSON object of strings with 21656', async () => {
    const c = await whatsappConversation('whatsapp:+15558675312');
    const unknown = await c.messages.create({ author: 'agent', contentSid: 'HX0123456789abcdef0123456789abcdef' });
    expect(await receiptOf(c, unknown.sid)).toMatchObject({ status: 'failed', errorCode: 21655 });
    // Text that is not JSON at all the REST API refuses outright; JSON of the wrong shape fails delivery.
    for (const contentVariables of ['{"1": 5}', '["a"]']) {
      const bad = await c.messages.create({ author: 'agent', contentSid: BUILT_IN_CONTENTS[2]?.sid ?? '', contentVariables });
      expect(await receiptOf(c, bad.sid)).toMatchObject({ status: 'failed', errorCode: 21656 });
    }
  });
});

describe('Rendering per channel', () => {
  it('shows WhatsApp the rich card with media header and buttons, and SMS its text with links appended', async () => {
    const conversation = await conversations().create({ friendlyName: 'Both channels' });
    const c = conversations()(conversation.sid);
    await c.participants.create({ 'messagingBinding.address': 'whatsapp:+15558675313', 'messagingBinding.proxyAddress': wa });
    await c.participants.create({ 'messagingBinding.address': '+15558675314', 'messagingBinding.proxyAddress': sms });
    const cta = await create({
      language: 'en',
      variables: { 1: 'there', 2: 'your order' },
      types: { 'whatsapp/card': ORDER_TYPES['whatsapp/card'], 'twilio/call-to-action': ORDER_TYPES['twilio/call-to-action'] },
    });
    await content()(cta.sid).approvalCreate.create({ name: 'track_order', category: 'UTILITY' });
    await phones.decideWhatsAppApproval(cta.sid, 'approved');
    await c.messages.create({ author: 'agent', contentSid: cta.sid, contentVariables: JSON.stringify({ 1: 'Ana', 2: 'A-17' }) });
    await emu.carrier.idle();

    const [onWhatsApp] = (await phones.messages('whatsapp:+15558675313')).filter((m) => m.direction === 'received');
    expect(onWhatsApp).toMatchObject({
      body: 'Hi Ana, order A-17 is on its way.',
      content: {
        header_text: null,
        media_urls: ['https://example.com/van.png'],
        footer: 'Reply STOP to opt out',
        buttons: [{ type: 'URL', title: 'Track', url: 'https://example.com/t/A-17', phone: null }],
      },
    });
    const [onSms] = (await phones.messages('+15558675314')).filter((m) => m.direction === 'received');
    expect(onSms).toMatchObject({ body: 'Hi Ana, track order A-17.\nTrack: https://example.com/t/A-17', content: null });
  });

  it('sends SMS the text type when there is one, and WhatsApp the quick replies', async () => {
    const conversation = await conversations().create({ friendlyName: 'Quick replies' });
    const c = conversations()(conversation.sid);
    await c.participants.create({ 'messagingBinding.address': 'whatsapp:+15558675315', 'messagingBinding.proxyAddress': wa });
    await c.participants.create({ 'messagingBinding.address': '+15558675316', 'messagingBinding.proxyAddress': sms });
    await phones.send({ from: 'whatsapp:+15558675315', to: wa, body: 'hi' });
    const qr = await create({ language: 'en', types: { 'twilio/text': ORDER_TYPES['twilio/text'], 'twilio/quick-reply': ORDER_TYPES['twilio/quick-reply'] } });
    // Inside the window a template needs no approval.
    await c.messages.create({ author: 'agent', contentSid: qr.sid, contentVariables: JSON.stringify({ 1: 'Bo', 2: 'B-2' }) });
    await emu.carrier.idle();
    const [onWhatsApp] = (await phones.messages('whatsapp:+15558675315')).filter((m) => m.direction === 'received');
    expect(onWhatsApp?.body).toBe('Hi Bo, did order B-2 arrive?');
    expect(onWhatsApp?.content?.buttons.map((b) => b.title)).toEqual(['Yes', 'No']);
    // The SMS member also got the WhatsApp customer's "hi", relayed.
    expect(await phones.inbox('+15558675316')).toEqual([
      [sms, 'hi'],
      [sms, 'Hi Bo, order B-2 has shipped.'],
    ]);
  });
});
