import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { createTwilioClient } from '../src/client';
import { startTestEmulator, tempStatePath } from './support/harness';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const statePath = () => {
  const temp = tempStatePath();
  cleanups.push(temp.cleanup);
  return temp.file;
};

describe('Persistence (--state)', () => {
  it('reads everything back after a restart with the same state file', async () => {
    const file = statePath();
    const first = await startTestEmulator({ statePath: file });
    const v1 = first.client.conversations.v1;
    const c = await v1.conversations.create({ friendlyName: 'durable', uniqueName: 'durable-1', attributes: '{"k":"v"}' });
    await v1.conversations(c.sid).participants.create({ identity: 'keeper' });
    await v1.conversations(c.sid).participants.create({ 'messagingBinding.address': '+15559990000', 'messagingBinding.proxyAddress': first.numbers[0] });
    const upload = await fetch(`${first.url}/mcs/v1/Services/${first.serviceSid}/Media`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${first.credentials.accountSid}:${first.credentials.authToken}`).toString('base64')}`,
        'Content-Type': 'text/plain',
      },
      body: 'kept bytes',
    });
    const media = (await upload.json()) as { sid: string };
    await v1.conversations(c.sid).messages.create({ author: 'keeper', body: 'remember me', mediaSid: media.sid });
    await v1.users('keeper').userConversations(c.sid).update({ notificationLevel: 'muted', lastReadMessageIndex: 0 });
    const role = await v1.roles.create({ friendlyName: 'Kept', type: 'service', permission: ['createConversation'] });
    const kept = await first.client.content.v1.contents.create({ friendly_name: 'kept', language: 'en', types: { 'twilio/text': { body: 'Kept {{1}}.' } } } as never);
    await first.client.content.v1.contents(kept.sid).approvalCreate.create({ name: 'kept', category: 'UTILITY' });
    const serviceSid = first.serviceSid;
    await first.carrier.idle();
    await first.carrier.setReachable('+15559990001', false);
    await first.close();

    const second = await startTestEmulator({ statePath: file });
    try {
      const again = second.client.conversations.v1;
      expect(second.serviceSid).toBe(serviceSid);
      expect((await again.conversations('durable-1').fetch()).attributes).toBe('{"k":"v"}');
      expect((await again.conversations(c.sid).participants.list()).length).toBe(2);
      const [message] = await again.conversations(c.sid).messages.list();
      expect(message?.body).toBe('remember me');
      expect((await again.users('keeper').userConversations(c.sid).fetch()).notificationLevel).toBe('muted');
      expect((await again.roles(role.sid).fetch()).permissions).toEqual(['createConversation']);
      expect((await second.client.content.v1.contents(kept.sid).approvalFetch().fetch()).whatsapp).toMatchObject({ name: 'kept', status: 'received' });
      // The carrier's side too: what the phone received, and a phone's reachability.
      expect(second.carrier.messagesOf('+15559990000').map((m) => [m.direction, m.body])).toEqual([['received', 'remember me']]);
      expect(second.carrier.isReachable('+15559990001')).toBe(false);
      const content = await fetch(`${second.url}/mcs/v1/Services/${serviceSid}/Media/${media.sid}/Content`, {
        headers: { Authorization: `Basic ${Buffer.from(`${second.credentials.apiKey}:${second.credentials.apiSecret}`).toString('base64')}` },
      });
      expect(await content.text()).toBe('kept bytes');
      // Indices continue where they stopped.
      expect((await again.conversations(c.sid).messages.create({ body: 'next' })).index).toBe(1);
      // A leftover temp file from an interrupted write is ignored (once deliveries have been recorded).
      await second.carrier.idle();
      expect(existsSync(`${file}.tmp`)).toBe(false);
    } finally {
      await second.close();
    }
  });

  it('loads a state file written before the carrier and the Content API existed', async () => {
    const file = statePath();
    const first = await startTestEmulator({ statePath: file });
    const c = await first.client.conversations.v1.conversations.create({ friendlyName: 'old file' });
    await first.close();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const key of ['whatsappSessions', 'messagingService', 'carrierMessages', 'carrierMedia', 'carrierPhones', 'contents']) delete saved[key];
    writeFileSync(file, JSON.stringify(saved));
    const second = await startTestEmulator({ statePath: file });
    try {
      expect((await second.client.conversations.v1.conversations(c.sid).fetch()).friendlyName).toBe('old file');
      expect(second.carrier.messagesOf('+15559990002')).toEqual([]);
      // It could send the built-in templates: they are there, as content resources.
      expect((await second.client.content.v1.contents.list()).map((content) => content.friendlyName)).toEqual([
        'delivery_help',
        'delivery_connected',
        'conversation_follow_up',
      ]);
    } finally {
      await second.close();
    }
  });

  it('loses nothing acknowledged when the process is killed, and ignores a torn temp file', async () => {
    const file = statePath();
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/src/main.ts', '--port', '0', '--state', file], {
      env: { ...process.env, EMULATOR_RATE_LIMIT: 'off' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const lines = createInterface({ input: child.stdout });
      let url = '';
      for await (const line of lines) {
        const match = /listening on (http:\/\/\S+)/.exec(line);
        if (match?.[1]) {
          url = match[1];
          break;
        }
      }
      const client = createTwilioClient(url, { accountSid: 'AC00000000000000000000000000000001', authToken: 'switchboard-emulator-auth-token' });
      const created = [];
      for (let i = 0; i < 5; i += 1) created.push((await client.conversations.v1.conversations.create({ friendlyName: `k${i}` })).sid);
      child.kill('SIGKILL');
      await exited;
      writeFileSync(`${file}.tmp`, '{"version":1, torn');
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { conversations: Record<string, unknown> };
      expect(Object.keys(saved.conversations).sort()).toEqual([...created].sort());
      const restarted = await startTestEmulator({ statePath: file });
      try {
        expect((await restarted.client.conversations.v1.conversations.list()).map((c) => c.sid)).toEqual(created);
      } finally {
        await restarted.close();
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
