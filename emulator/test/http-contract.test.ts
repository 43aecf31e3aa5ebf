import { describe, expect, it } from 'vitest';
import { createTwilioClient, toEmulatorUrl } from '../src/client';
import { createClock, toTwilioDate, type Clock } from '../src/clock';
import { rejection, startTestEmulator, setupTestEmulator } from './support/harness';
import { validateTwilioResponse } from './support/spec-validator';

const { emu } = setupTestEmulator();

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('HTTP contract', () => {
  it('answers wrong or missing credentials with 401 / 20003 and changes nothing', async () => {
    const state = JSON.stringify(emu.core.store.state);
    const wrong = createTwilioClient(emu.url, { accountSid: emu.credentials.accountSid, authToken: 'wrong' });
    expect(await rejection(() => wrong.conversations.v1.conversations.create({ friendlyName: 'x' }))).toMatchObject({ status: 401, code: 20003 });
    const wrongKey = createTwilioClient(emu.url, { accountSid: emu.credentials.accountSid, apiKey: emu.credentials.apiKey, apiSecret: 'nope' });
    expect(await rejection(() => wrongKey.conversations.v1.users.list())).toMatchObject({ status: 401, code: 20003 });
    const none = await fetch(`${emu.url}/v1/Conversations`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Basic');
    expect(JSON.stringify(emu.core.store.state)).toBe(state);
  });

  it('answers unknown paths and methods in Twilio shape', async () => {
    const auth = basic(emu.credentials.accountSid, emu.credentials.authToken);
    const unknown = await fetch(`${emu.url}/v1/Nope`, { headers: { Authorization: auth } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      code: 20404,
      message: 'The requested resource /v1/Nope was not found',
      more_info: 'https://www.twilio.com/docs/errors/20404',
      status: 404,
    });
    const method = await fetch(`${emu.url}/v1/Services/${emu.serviceSid}`, { method: 'POST', headers: { Authorization: auth } });
    expect(method.status).toBe(405);
  });

  it('serves health and reset on the control plane', async () => {
    const health = await fetch(`${emu.url}/emulator/v1/Health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', account_sid: emu.credentials.accountSid, default_service_sid: emu.serviceSid });
    await emu.client.conversations.v1.conversations.create({ friendlyName: 'before reset' });
    const before = emu.serviceSid;
    const reset = await fetch(`${emu.url}/emulator/v1/Reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(await emu.client.conversations.v1.conversations.list()).toEqual([]);
    expect(emu.serviceSid).not.toBe(before);
    expect((await emu.client.conversations.v1.configuration().fetch()).defaultChatServiceSid).toBe(emu.serviceSid);
    expect((await emu.client.conversations.v1.roles.list()).length).toBe(4);
  });

  it('redirects every Twilio host the emulator serves to its base URL, Twilio’s paths unchanged, and refuses the others', () => {
    expect(toEmulatorUrl('https://conversations.twilio.com/v1/Conversations?PageSize=5', 'http://127.0.0.1:1')).toBe(
      'http://127.0.0.1:1/v1/Conversations?PageSize=5',
    );
    expect(toEmulatorUrl('https://conversations.dublin.ie1.twilio.com/v1/Services', 'http://127.0.0.1:1')).toBe('http://127.0.0.1:1/v1/Services');
    expect(toEmulatorUrl('https://mcs.us1.twilio.com/v1/Services/IS1/Media', 'http://127.0.0.1:1/')).toBe(
      'http://127.0.0.1:1/mcs/v1/Services/IS1/Media',
    );
    expect(toEmulatorUrl('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json', 'http://127.0.0.1:1')).toBe(
      'http://127.0.0.1:1/2010-04-01/Accounts/AC1/Messages.json',
    );
    expect(toEmulatorUrl('https://memory.twilio.com/v1/Stores/mem_store_1/Profiles', 'http://127.0.0.1:1')).toBe(
      'http://127.0.0.1:1/v1/Stores/mem_store_1/Profiles',
    );
    expect(() => toEmulatorUrl('https://voice.twilio.com/v1/Calls', 'http://127.0.0.1:1')).toThrow(/does not serve/);
    expect(toEmulatorUrl('https://example.com/hook', 'http://127.0.0.1:1')).toBe('https://example.com/hook');
  });

  it('has a validator that does fail on a response off the spec', async () => {
    const off = await validateTwilioResponse('get', 'https://conversations.twilio.com/v1/Roles/RL00000000000000000000000000000000', 200, {
      sid: 'XY00000000000000000000000000000000',
      extra: true,
    });
    expect(off.errors.join('\n')).toMatch(/must match pattern/);
    expect(off.errors).toContain("unexpected field 'extra'");
    expect(off.errors).toContain("missing field 'permissions'");
  });
});

describe('Rate limit', () => {
  it('answers more than 30 actions per second on one conversation with 429 / 20429', async () => {
    // Time stands still, so the burst falls in one second however slowly a loaded machine serves it.
    const moving = createClock();
    const start = Date.now();
    const still: Clock = { ...moving, now: () => start + moving.offset(), isoNow: () => toTwilioDate(start + moving.offset()) };
    const limited = await startTestEmulator({ rateLimit: true, clock: still });
    try {
      const c = await limited.client.conversations.v1.conversations.create({});
      const conv = limited.client.conversations.v1.conversations(c.sid);
      const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => conv.messages.create({ body: `burst ${i}` })));
      const rejected = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as { status: number; code: number });
      expect(rejected.length).toBe(10);
      expect(rejected.every((e) => e.status === 429 && e.code === 20429)).toBe(true);
      // The answer says when the window has room again, in whole seconds.
      const { accountSid, authToken } = limited.credentials;
      const raw = await fetch(`${limited.url}/v1/Conversations/${c.sid}/Messages`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Body=one+more',
      });
      expect(raw.status).toBe(429);
      expect(raw.headers.get('retry-after')).toBe('1');
      // Nothing of a rejected request was written: exactly the accepted messages exist.
      expect((await conv.messages.list()).length).toBe(40 - rejected.length);
      // Reads are not limited, and another conversation has its own budget.
      const other = await limited.client.conversations.v1.conversations.create({});
      await limited.client.conversations.v1.conversations(other.sid).messages.create({ body: 'fine' });
    } finally {
      await limited.close();
    }
  });

  it('can be switched off', async () => {
    const c = await emu.client.conversations.v1.conversations.create({});
    const conv = emu.client.conversations.v1.conversations(c.sid);
    await Promise.all(Array.from({ length: 40 }, (_, i) => conv.messages.create({ body: `ok ${i}` })));
    expect((await conv.messages.list()).length).toBe(40);
  });
});
