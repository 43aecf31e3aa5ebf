import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { settledState, setupTestEmulator } from './support/harness';
import { when } from './realtime/support/wait-for';

/**
 * The control API under /emulator/v1/: bad input answers a clear 4xx and changes nothing; CORS for the
 * browser; the phone's live event stream; the clock; WhatsApp approval verdicts.
 */
const APP = 'http://localhost:3000';
const { emu, phone: phones } = setupTestEmulator({ controlOrigins: [APP] }, { resetEach: true });
const number = '+15017122661';

describe('Bad control-API input', () => {
  it('answers 400 with a message naming the problem, and changes nothing', async () => {
    const upload = await phones.upload(Buffer.from('x'.repeat(10)), 'image/png', 'small.png');
    const cases: [Record<string, string | string[] | undefined>, string][] = [
      [{ To: number, Body: 'no sender' }, 'From'],
      [{ From: '+15558675310', Body: 'no recipient' }, 'To'],
      [{ From: 'not-a-number', To: number, Body: 'x' }, 'From'],
      [{ From: '+15558675310', To: 'whatsapp:+14155238886', Body: 'x' }, 'channel'],
      [{ From: number, To: '+15558675310', Body: 'a Twilio number is not a phone' }, 'Twilio numbers'],
      [{ From: '+15558675310', To: '+15558675310', Body: 'x' }, 'own number'],
      [{ From: '+15558675310', To: [number, number], Body: 'x' }, 'twice'],
      [{ From: 'whatsapp:+15558675310', To: ['whatsapp:+14155238886', 'whatsapp:+15558675399'], Body: 'x' }, 'group'],
      [{ From: '+15558675310', To: number }, 'Body'],
      [{ From: '+15558675310', To: number, Body: 'x'.repeat(1601) }, '1600'],
      [{ From: '+15558675310', To: number, MediaUrl: 'https://example.com/cat.png' }, 'MediaUrl'],
      [{ From: '+15558675310', To: number, MediaUrl: Array.from({ length: 11 }, () => upload.url) }, '10 file'],
    ];
    const before = await settledState(emu);
    for (const [fields, mention] of cases) {
      const answer = await phones.trySend(fields);
      expect({ fields, status: answer.status, code: answer.json.code }).toMatchObject({ fields, status: 400, code: 20001 });
      expect({ fields, message: answer.json.message }).toMatchObject({ fields, message: expect.stringContaining(mention) });
    }
    const bad = [
      await phones.call('Clock', { method: 'POST', body: new URLSearchParams({ Advance: 'P1M' }) }),
      await phones.call('Clock', { method: 'POST', body: new URLSearchParams({ Advance: '10 minutes' }) }),
      await phones.call('Clock', { method: 'POST' }),
      await phones.call(`Carrier/Phones/${encodeURIComponent('+15558675310')}`, { method: 'POST', body: new URLSearchParams({ Reachable: 'maybe' }) }),
      await phones.call(`Carrier/Phones/${encodeURIComponent('+15558675310')}`, { method: 'POST' }),
      await phones.call(`Carrier/Phones/not-a-phone/Messages`),
      await phones.call('Carrier/Media', { method: 'POST', body: new Uint8Array(3) }),
      await phones.call('MessagingService', { method: 'POST', body: new URLSearchParams({ InboundAutocreation: 'sometimes' }) }),
      // A filename with a line break would break the headers it is later served with.
      await phones.call('Carrier/Media', { method: 'POST', headers: { 'Content-Type': 'text/plain', 'Content-Disposition': "attachment; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x.txt" }, body: new Uint8Array(3) }),
      await phones.call('Carrier/Media?Filename=bell%07.txt', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: new Uint8Array(3) }),
      await phones.call('Carrier/Media', { method: 'POST', headers: { 'Content-Type': 'text/plain', 'Content-Disposition': 'attachment; filename="%E0%A4%A.txt"' }, body: new Uint8Array(3) }),
    ];
    expect(bad.map((b) => b.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400]);
    expect(await settledState(emu)).toBe(before);
    expect((await phones.call<{ offset_ms: number }>('Clock')).json.offset_ms).toBe(emu.clock.offset());
  });

  it('refuses to send from a phone without service, and an upload over 16 MB', async () => {
    await phones.setReachable('+15558675311', false);
    const before = await settledState(emu);
    const answer = await phones.trySend({ From: '+15558675311', To: number, Body: 'hello?' });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toContain('no service');
    const big = await phones.call('Carrier/Media', { method: 'POST', headers: { 'Content-Type': 'video/mp4' }, body: new Uint8Array(16 * 1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    expect(await settledState(emu)).toBe(before);
  });
});

describe('Browser access', () => {
  it('answers CORS for the app’s origin only, and refuses any other web page before acting', async () => {
    const preflight = await fetch(`${emu.url}/emulator/v1/Carrier/Messages`, {
      method: 'OPTIONS',
      headers: { Origin: APP, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const error = await fetch(`${emu.url}/emulator/v1/Carrier/Phones/nope/Messages`, { headers: { Origin: APP } });
    expect(error.headers.get('access-control-allow-origin')).toBe(APP);

    const before = await settledState(emu);
    for (const origin of ['http://localhost:4000', 'https://evil.example', 'null']) {
      // A simple form-encoded POST: a browser sends it without a preflight, so refusing the answer is not enough.
      const forged = await fetch(`${emu.url}/emulator/v1/Carrier/Messages`, {
        method: 'POST',
        headers: { Origin: origin },
        body: new URLSearchParams({ From: '+15558675310', To: number, Body: 'forged' }),
      });
      expect(forged.status).toBe(403);
      expect(((await forged.json()) as { code: number }).code).toBe(20403);
      expect(forged.headers.get('access-control-allow-origin')).toBeNull();
      const read = await fetch(`${emu.url}/emulator/v1/Carrier/Phones/${encodeURIComponent('+15558675310')}/Messages`, { headers: { Origin: origin } });
      expect(read.status).toBe(403);
      const refusedPreflight = await fetch(`${emu.url}/emulator/v1/Carrier/Messages`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      expect([refusedPreflight.status, refusedPreflight.headers.get('access-control-allow-origin')]).toEqual([403, null]);
    }
    expect(await settledState(emu)).toBe(before);
    // Without an Origin it is not a web page (curl, tests): served.
    expect((await phones.call('Clock')).status).toBe(200);
    // Twilio's own API stays as it was: no CORS there.
    const rest = await fetch(`${emu.url}/v1/Conversations`, { headers: { Origin: APP } });
    expect(rest.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves phones’ files as their type, never sniffed, and downloads anything but images', async () => {
    const page = await phones.upload(Buffer.from('<script>alert(1)</script>'), 'text/html', 'page.html');
    const html = await fetch(page.url);
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''page.html");
    const picture = await phones.upload(Buffer.from('png'), 'image/png', 'cat photo.png');
    const image = await fetch(picture.url);
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''cat%20photo.png");
  });

  it('streams a phone’s new and changed messages as Server-Sent Events', async () => {
    await emu.client.conversations.v1.addressConfigurations.create({ type: 'whatsapp', address: 'whatsapp:+14155238886', 'autoCreation.enabled': true });
    const customer = 'whatsapp:+15558675312';
    const events: { event: string; data: { sid?: string; direction?: string; status?: string; body?: string } }[] = [];
    const stream = request(`${emu.url}/emulator/v1/Carrier/Phones/${encodeURIComponent(customer)}/Events`, { headers: { Origin: APP } });
    const response = await new Promise<import('node:http').IncomingMessage>((resolve) => {
      stream.on('response', resolve);
      stream.end();
    });
    expect(response.headers['content-type']).toContain('text/event-stream');
    expect(response.headers['access-control-allow-origin']).toBe(APP);
    let buffer = '';
    const arrives = (condition: () => boolean) => when(condition, (recheck) => {
      const onData = () => queueMicrotask(recheck);
      response.on('data', onData);
      return () => response.off('data', onData);
    });
    response.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) as (typeof events)[number]['data'] });
      }
    });
    try {
      const sent = await phones.send({ from: customer, to: 'whatsapp:+14155238886', body: 'Hi' });
      await emu.client.conversations.v1.conversations(sent.routing.conversation_sid ?? '').messages.create({ author: 'agent', body: 'Hello!' });
      await arrives(() => events.some((e) => e.data.direction === 'received'));
      await phones.read(customer);
      await arrives(() => events.some((e) => e.data.status === 'read'));
      expect(events.map((e) => [e.event, e.data.direction, e.data.status, e.data.body])).toEqual([
        ['message', 'sent', 'delivered', 'Hi'],
        ['message', 'received', 'delivered', 'Hello!'],
        ['message', 'received', 'read', 'Hello!'],
      ]);
      await phones.setReachable(customer, false);
      await arrives(() => events.some((e) => e.event === 'phone'));
    } finally {
      stream.destroy();
      response.destroy();
    }
  });
});

describe('Clock, delivery pace and content templates', () => {
  it('reads and sets the carrier’s receipt delays; a bad value changes nothing', async () => {
    const original = emu.carrier.receiptDelays();
    try {
      const set = await phones.call('Carrier/Delays', { method: 'POST', body: new URLSearchParams({ SentDelayMs: '700', DeliveredDelayMs: '1500' }) });
      expect(set.json).toEqual({ sent_delay_ms: 700, delivered_delay_ms: 1500 });
      expect((await phones.call('Carrier/Delays')).json).toEqual({ sent_delay_ms: 700, delivered_delay_ms: 1500 });
      for (const bad of ['-1', 'soon', '600001']) {
        const answer = await phones.call<{ code: number }>('Carrier/Delays', { method: 'POST', body: new URLSearchParams({ SentDelayMs: bad }) });
        expect([bad, answer.status, answer.json.code]).toEqual([bad, 400, 20001]);
      }
      expect(emu.carrier.receiptDelays()).toEqual({ sentMs: 700, deliveredMs: 1500 });
    } finally {
      emu.carrier.setReceiptDelays(original);
    }
  });

  it('reads and advances emulator time', async () => {
    const before = await phones.call<{ now: string; now_ms: number; offset_ms: number }>('Clock');
    const after = await phones.advanceClock('P1DT2H');
    expect(after.offset_ms - before.json.offset_ms).toBe((26 * 3600) * 1000);
    expect(Date.parse(after.now) - Date.parse(before.json.now)).toBeGreaterThanOrEqual(26 * 3600 * 1000 - 1000);
  });

  it('moves to a later instant, and refuses an earlier one or both ways at once', async () => {
    const before = await phones.call<{ now_ms: number }>('Clock');
    const target = new Date(before.json.now_ms + 3 * 86400_000).toISOString();
    const after = await phones.setClock(target);
    expect(after.now_ms - Date.parse(target)).toBeGreaterThanOrEqual(0);
    expect(after.now_ms - Date.parse(target)).toBeLessThan(1000);
    const refused = [
      await phones.call<{ message: string }>('Clock', { method: 'POST', body: new URLSearchParams({ Now: before.json.now_ms.toString() }) }),
      await phones.call<{ message: string }>('Clock', { method: 'POST', body: new URLSearchParams({ Now: new Date(before.json.now_ms).toISOString() }) }),
      await phones.call<{ message: string }>('Clock', { method: 'POST', body: new URLSearchParams({ Now: target, Advance: 'PT1M' }) }),
    ];
    expect(refused.map((r) => [r.status, r.json.message])).toEqual([
      [400, expect.stringContaining("'Now'")],
      [400, expect.stringContaining('never goes back')],
      [400, expect.stringContaining('exactly one')],
    ]);
    expect((await phones.call<{ offset_ms: number }>('Clock')).json.offset_ms).toBe(after.offset_ms);
  });

  it('decides a WhatsApp approval now, and refuses a verdict for content never submitted', async () => {
    const content = await emu.client.content.v1.contents.create({ language: 'en', types: { 'twilio/text': { body: 'Your order has shipped.' } } } as never);
    const unsubmitted = await phones.call<{ message: string }>(`Content/${content.sid}/ApprovalRequests/whatsapp`, {
      method: 'POST',
      body: new URLSearchParams({ Status: 'approved' }),
    });
    expect(unsubmitted.status).toBe(400);
    await emu.client.content.v1.contents(content.sid).approvalCreate.create({ name: 'order_shipped', category: 'UTILITY' });
    const decided = await phones.decideWhatsAppApproval(content.sid, 'rejected', 'INVALID_FORMAT - test');
    expect(decided.whatsapp).toMatchObject({ status: 'rejected', rejection_reason: 'INVALID_FORMAT - test' });
    expect((await emu.client.content.v1.contents(content.sid).approvalFetch().fetch()).whatsapp).toMatchObject({ status: 'rejected' });
  });
});
