import { describe, expect, it } from 'vitest';
import { createTwilioClient } from '../src/client';
import { rejection, setupTestEmulator } from './support/harness';

const { emu } = setupTestEmulator({ numbers: ['+15017122661', 'whatsapp:+14155238886'] });

describe('Classic API patterns (Twilio’s condensed Conversations guide)', () => {
  it('runs the quickstart with API key auth: service, conversation, SMS/WhatsApp/chat participants, messages, history', async () => {
    const client = emu.keyClient;
    const service = await client.conversations.v1.services.create({ friendlyName: 'Customer Support Service' });
    expect(service.sid).toMatch(/^IS/);
    const conversation = await client.conversations.v1.conversations.create({
      friendlyName: 'Customer Support - Order #12345',
      attributes: JSON.stringify({ orderId: '12345', priority: 'high', customerTier: 'gold' }),
    });
    const c = client.conversations.v1.conversations(conversation.sid);
    await c.participants.create({
      'messagingBinding.address': '+15558675310',
      'messagingBinding.proxyAddress': '+15017122661',
      attributes: JSON.stringify({ name: 'John Doe', role: 'customer', accountId: 'A123' }),
    });
    await c.participants.create({ 'messagingBinding.address': 'whatsapp:+15558675310', 'messagingBinding.proxyAddress': 'whatsapp:+14155238886' });
    await c.participants.create({ identity: 'user-123' });
    await c.messages.create({ body: 'Hello! How can I help you today?', author: 'support-agent' });

    // Add multiple SMS participants through one Twilio number.
    const other = await client.conversations.v1.conversations.create({ friendlyName: 'Broadcast' });
    for (const phoneNumber of ['+15558675311', '+15558675312', '+15558675313']) {
      await client.conversations.v1.conversations(other.sid).participants.create({
        'messagingBinding.address': phoneNumber,
        'messagingBinding.proxyAddress': '+15017122661',
      });
    }

    const history = await c.messages.list({ limit: 50 });
    expect(history.map((m) => `${m.author}: ${m.body}`)).toEqual(['support-agent: Hello! How can I help you today?']);

    // Find and remove by phone number.
    for (const p of await c.participants.list()) {
      if ((p.messagingBinding as { address?: string } | null)?.address === '+15558675310') await c.participants(p.sid).remove();
    }
    expect((await c.participants.list()).map((p) => p.identity ?? (p.messagingBinding as { address: string }).address)).toEqual([
      'whatsapp:+15558675310',
      'user-123',
    ]);

    // Participant and conversation attributes as metadata.
    const sms = await c.participants.create({ 'messagingBinding.address': '+15558675399', 'messagingBinding.proxyAddress': '+15017122661' });
    await c.participants(sms.sid).update({ attributes: JSON.stringify({ role: 'vip_customer', satisfaction: 'high' }) });
    await c.update({ attributes: JSON.stringify({ orderId: '12345', status: 'resolved' }) });
    expect(JSON.parse((await c.fetch()).attributes)).toEqual({ orderId: '12345', status: 'resolved' });

    // Filter by state, close, delete.
    await c.update({ state: 'closed' });
    expect((await client.conversations.v1.conversations.list({ state: 'active', limit: 20 })).map((x) => x.sid)).not.toContain(conversation.sid);
    await c.remove();
    expect(await rejection(() => c.fetch())).toMatchObject({ status: 404, code: 20404 });
  });

  it('works through the convenience client with account SID + auth token', async () => {
    const client = createTwilioClient(emu.url, { accountSid: emu.credentials.accountSid, authToken: emu.credentials.authToken });
    const list = await client.conversations.v1.services.list();
    expect(list.length).toBeGreaterThan(0);
  });
});

describe('Pagination', () => {
  it('follows next_page_url with list and each across pages, on both paths', async () => {
    const service = await emu.client.conversations.v1.services.create({ friendlyName: 'Paging' });
    const created: string[] = [];
    for (let i = 0; i < 23; i += 1) {
      created.push((await emu.core.conversations.createConversation(service.sid, { friendlyName: `p${i}` }, { source: 'api', webhookEnabled: false })).sid);
    }
    const scoped = emu.client.conversations.v1.services(service.sid).conversations;
    expect((await scoped.list({ pageSize: 5 })).map((c) => c.sid)).toEqual(created);
    const seen: string[] = [];
    await scoped.each({ pageSize: 4 }, (c) => {
      seen.push(c.sid);
    });
    expect(seen).toEqual(created);
    expect((await scoped.list({ pageSize: 5, limit: 7 })).length).toBe(7);

    const first = await scoped.page({ pageSize: 10 });
    expect(first.instances.length).toBe(10);
    const raw = first.toJSON() as { nextPageUrl?: string };
    expect(raw.nextPageUrl).toMatch(new RegExp(`^https://conversations\\.twilio\\.com/v1/Services/${service.sid}/Conversations\\?PageSize=10&Page=1&PageToken=PT\\d+$`));
  });

  it('neither repeats nor skips records deleted or created between page requests', async () => {
    const c = await emu.client.conversations.v1.conversations.create({});
    const conv = emu.client.conversations.v1.conversations(c.sid);
    const sms = { source: 'sms', webhookEnabled: false } as const;
    const sids: string[] = [];
    for (let i = 0; i < 10; i += 1) sids.push((await emu.core.messages.addMessage(emu.serviceSid, c.sid, { body: `${i}` }, sms)).sid);
    const page1 = await conv.messages.page({ pageSize: 4 });
    await conv.messages(sids[1] ?? '').remove();
    await conv.messages(sids[5] ?? '').remove();
    const page2 = await page1.nextPage();
    expect(page2?.instances.map((m) => m.body)).toEqual(['4', '6', '7', '8']);
  });

  it('rejects malformed paging parameters', async () => {
    const { accountSid, authToken } = emu.credentials;
    const auth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    for (const query of ['PageSize=0', 'PageSize=abc', 'Page=-1', 'PageToken=garbage']) {
      const response = await fetch(`${emu.url}/v1/Conversations?${query}`, { headers: { Authorization: auth } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: number }).code).toBe(20001);
    }
  });
});
