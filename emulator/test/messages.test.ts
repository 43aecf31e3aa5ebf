import { beforeAll, describe, expect, it } from 'vitest';
import { rejection, setupTestEmulator } from './support/harness';

const { emu, snapshot } = setupTestEmulator();
let proxy: string;
beforeAll(() => {
  proxy = emu.numbers[0] ?? '';
});
const sms = { source: 'sms', webhookEnabled: false } as const;

/** Uploads bytes to MCS the way the Media resource page describes (raw body + Content-Type). */
const upload = async (bytes: Buffer, contentType: string, filename?: string, serviceSid = emu.serviceSid) => {
  const { accountSid, authToken } = emu.credentials;
  const headers: Record<string, string> = {
    Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
    'Content-Type': contentType,
  };
  if (filename) headers['Content-Disposition'] = `attachment; filename="${filename}"`;
  return fetch(`${emu.url}/mcs/v1/Services/${serviceSid}/Media`, { method: 'POST', headers, body: new Uint8Array(bytes) });
};

describe('Messages', () => {
  it('sends, fetches, edits and deletes messages; author maps to the participant', async () => {
    const c = await emu.client.conversations.v1.conversations.create({});
    const conv = emu.client.conversations.v1.conversations(c.sid);
    const agent = await conv.participants.create({ identity: 'agent-m' });
    const m = await conv.messages.create({ author: 'agent-m', body: 'Ahoy there!', attributes: '{"importance":"high"}' });
    expect(m).toMatchObject({ index: 0, author: 'agent-m', body: 'Ahoy there!', participantSid: agent.sid, media: null, delivery: null });
    const system = await conv.messages.create({ body: 'Welcome!' });
    expect(system).toMatchObject({ index: 1, author: 'system', participantSid: null });
    const edited = await conv.messages(m.sid).update({ body: 'Ahoy, edited' });
    expect(edited.body).toBe('Ahoy, edited');
    expect((await conv.messages(m.sid).fetch()).body).toBe('Ahoy, edited');
    await conv.messages(m.sid).remove();
    const remaining = await conv.messages.list();
    expect(remaining.map((x) => x.index)).toEqual([1]);
    // Indices only grow, even after a deletion.
    expect((await conv.messages.create({ body: 'after' })).index).toBe(2);
  });

  it('lists in ascending or descending order across pages', async () => {
    const c = await emu.client.conversations.v1.conversations.create({});
    const conv = emu.client.conversations.v1.conversations(c.sid);
    for (let i = 0; i < 12; i += 1) await emu.core.messages.addMessage(emu.serviceSid, c.sid, { body: `m${i}` }, sms);
    expect((await conv.messages.list({ pageSize: 5 })).map((m) => m.index)).toEqual([...Array(12).keys()]);
    expect((await conv.messages.list({ pageSize: 5, order: 'desc' })).map((m) => m.index)).toEqual([...Array(12).keys()].reverse());
    const page = await conv.messages.page({ pageSize: 5, order: 'desc' });
    expect(page.instances.map((m) => m.index)).toEqual([11, 10, 9, 8, 7]);
    const next = await page.nextPage();
    expect(next?.instances.map((m) => m.index)).toEqual([6, 5, 4, 3, 2]);
    const back = await next?.previousPage();
    expect(back?.instances.map((m) => m.index)).toEqual([11, 10, 9, 8, 7]);
  });

  it('limits bodies to 1,600 characters when SMS participants are present, 32 KB otherwise', async () => {
    const c = await emu.client.conversations.v1.conversations.create({});
    const conv = emu.client.conversations.v1.conversations(c.sid);
    await conv.messages.create({ body: 'x'.repeat(5000) });
    expect(await rejection(() => conv.messages.create({ body: 'x'.repeat(32 * 1024 + 1) }))).toMatchObject({ status: 400, code: 20001 });
    await conv.participants.create({ 'messagingBinding.address': '+15556660000', 'messagingBinding.proxyAddress': proxy });
    const state = await snapshot();
    expect(await rejection(() => conv.messages.create({ body: 'y'.repeat(1601) }))).toMatchObject({ status: 400, code: 50511 });
    expect(await rejection(() => conv.messages.create({ body: 'ok', attributes: '{' }))).toMatchObject({ status: 400, code: 20001 });
    expect(await rejection(() => conv.messages.create({ body: 'ok', attributes: JSON.stringify({ a: 'x'.repeat(4096) }) }))).toMatchObject({
      code: 20001,
    });
    expect(await rejection(() => conv.messages.create({}))).toMatchObject({ status: 400, code: 20001 });
    expect(await rejection(() => conv.messages.create({ body: 'x', contentSid: 'HX1' }))).toMatchObject({ code: 20001 });
    expect(await rejection(() => conv.messages('IM00000000000000000000000000000000').fetch())).toMatchObject({ status: 404, code: 20404 });
    expect(await snapshot()).toBe(state);
    await conv.messages.create({ body: 'y'.repeat(1600) });
  });

  it('accepts a content template reference', async () => {
    const c = await emu.client.conversations.v1.conversations.create({});
    const m = await emu.client.conversations.v1.conversations(c.sid).messages.create({
      contentSid: 'HX0123456789abcdef0123456789abcdef',
      contentVariables: '{"1":"Ann"}',
    });
    expect(m.contentSid).toBe('HX0123456789abcdef0123456789abcdef');
  });

  it('summarises delivery from receipts and serves the Receipts resource', async () => {
    const c = await emu.client.conversations.v1.conversations.create({});
    const conv = emu.client.conversations.v1.conversations(c.sid);
    const a = await conv.participants.create({ 'messagingBinding.address': '+15556661111', 'messagingBinding.proxyAddress': proxy });
    const b = await conv.participants.create({ 'messagingBinding.address': '+15556662222', 'messagingBinding.proxyAddress': proxy });
    await conv.participants.create({ identity: 'rcpt-agent' });
    // The carrier delivers to a; b's phone is off the network.
    await emu.carrier.setReachable('+15556662222', false);
    const m = await conv.messages.create({ author: 'rcpt-agent', body: 'status?' });
    expect(m.delivery).toEqual({ total: 2, sent: 'none', delivered: 'none', read: 'none', failed: 'none', undelivered: 'none' });
    await emu.carrier.idle();
    expect((await conv.messages(m.sid).fetch()).delivery).toEqual({
      total: 2,
      sent: 'some',
      delivered: 'some',
      read: 'none',
      failed: 'none',
      undelivered: 'some',
    });
    const receipts = await conv.messages(m.sid).deliveryReceipts.list();
    expect(receipts.map((r) => [r.participantSid, r.status, r.errorCode])).toEqual([
      [a.sid, 'delivered', 0],
      [b.sid, 'undelivered', 30003],
    ]);
    // The domain call the carrier uses: the latest status replaces the previous one.
    const r1 = await emu.core.receipts.recordDelivery({ messageSid: m.sid, participantSid: a.sid, status: 'read' }, sms);
    expect((await conv.messages(m.sid).fetch()).delivery).toMatchObject({ read: 'some', delivered: 'some' });
    const one = await conv.messages(m.sid).deliveryReceipts(r1.sid).fetch();
    expect(one.channelMessageSid).toMatch(/^SM/);
    const scoped = await emu.client.conversations.v1.services(emu.serviceSid).conversations(c.sid).messages(m.sid).deliveryReceipts.list();
    expect(scoped.length).toBe(2);
  });
});

describe('Media (MCS)', () => {
  it('uploads raw bytes, serves metadata and content, and attaches media to a message', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    const response = await upload(bytes, 'image/png', 'dot.png');
    expect(response.status).toBe(201);
    const media = (await response.json()) as { sid: string; size: number; content_type: string; filename: string; links: { content: string } };
    expect(media).toMatchObject({ size: 8, content_type: 'image/png', filename: 'dot.png' });
    expect(media.sid).toMatch(/^ME[0-9a-f]{32}$/);

    const c = await emu.client.conversations.v1.conversations.create({});
    const m = await emu.client.conversations.v1.conversations(c.sid).messages.create({ author: 'sender', mediaSid: media.sid });
    expect(m.body).toBeNull();
    expect(m.media).toEqual([{ sid: media.sid, content_type: 'image/png', filename: 'dot.png', size: 8, category: 'media' }]);

    const auth = `Basic ${Buffer.from(`${emu.credentials.apiKey}:${emu.credentials.apiSecret}`).toString('base64')}`;
    // The helper reaches MCS at https://mcs.us1.twilio.com/v1/…, which the redirect client sends to /mcs/v1/….
    const meta = await fetch(`${emu.url}/mcs${media.links.content.replace(/\/Content$/, '')}`, { headers: { Authorization: auth } });
    const metadata = (await meta.json()) as { message_sid: string; channel_sid: string; url: string; links: { content: string; content_direct_temporary: string } };
    expect(metadata).toMatchObject({ message_sid: m.sid, channel_sid: c.sid, url: `https://mcs.us1.twilio.com/v1/Services/${emu.serviceSid}/Media/${media.sid}` });
    // As on Twilio: a temporary URL anyone holding it may load for a while (an <img src>), no credentials needed.
    const temporary = await fetch(metadata.links.content_direct_temporary);
    expect(temporary.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await temporary.arrayBuffer())).toEqual(bytes);
    const content = await fetch(`${emu.url}/mcs${media.links.content}`, { headers: { Authorization: auth } });
    expect(content.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await content.arrayBuffer())).toEqual(bytes);

    // Attached once only.
    expect(
      await rejection(() => emu.client.conversations.v1.conversations(c.sid).messages.create({ mediaSid: media.sid })),
    ).toMatchObject({ status: 400, code: 20001 });
  });

  it('rejects uploads without credentials or Content-Type, and unknown media', async () => {
    const anonymous = await fetch(`${emu.url}/mcs/v1/Services/${emu.serviceSid}/Media`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hi',
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { code: number }).code).toBe(20003);
    const untyped = await upload(Buffer.from('hi'), '');
    expect(untyped.status).toBe(400);
    const c = await emu.client.conversations.v1.conversations.create({});
    expect(
      await rejection(() => emu.client.conversations.v1.conversations(c.sid).messages.create({ mediaSid: 'ME00000000000000000000000000000000' })),
    ).toMatchObject({ status: 400, code: 50512 });
  });
});
