import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createTwilioClient } from '../src/client';
import { DEFAULT_CREDENTIALS, DEFAULT_NUMBERS } from '../src/config';
import { startTestEmulator } from './support/harness';
import { phone } from './support/phone';

const dir = mkdtempSync(path.join(tmpdir(), 'emulator-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const [NUMBER] = DEFAULT_NUMBERS;
const AGENT_CUSTOMER = '+15557770100';
const REPLIES = 24;
const NEW_CUSTOMERS = 8;

/** `npm run emulator` with a state file, carrier steps at their real pace (1 s, then 2 s), so deliveries are in flight. */
async function startEmulatorProcess(file: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/src/main.ts', '--port', '0', '--state', file], {
    env: { ...process.env, EMULATOR_RATE_LIMIT: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /listening on (http:\/\/\S+)/.exec(line);
    if (match?.[1]) return { url: match[1], child, exited };
  }
  throw new Error('the emulator did not start');
}

describe('a crash of the emulator (kill -9) during a burst of replies and inbound texts', () => {
  it('resumes every acknowledged delivery after a restart: each reaches a final status, nothing lost or doubled', async () => {
    const file = path.join(dir, 'state.json');
    const { url, child, exited } = await startEmulatorProcess(file);
    const acknowledgedReplies: string[] = [];
    const acknowledgedTexts: { from: string; body: string; conversationSid: string }[] = [];
    let conversationSid = '';
    try {
      const rest = createTwilioClient(url, { accountSid: DEFAULT_CREDENTIALS.accountSid, authToken: DEFAULT_CREDENTIALS.authToken }).conversations.v1;
      await rest.addressConfigurations.create({ type: 'sms', address: NUMBER, 'autoCreation.enabled': true });
      conversationSid = (await rest.conversations.create({ friendlyName: 'crash' })).sid;
      await rest.conversations(conversationSid).participants.create({ 'messagingBinding.address': AGENT_CUSTOMER, 'messagingBinding.proxyAddress': NUMBER });

      // Replies and new customers' texts at once; the process dies while the carrier still has
      // deliveries between queued, sent and delivered.
      const carrier = phone({ url });
      const replies = Array.from({ length: REPLIES }, (_, i) =>
        rest
          .conversations(conversationSid)
          .messages.create({ author: 'agent', body: `reply ${i}` })
          .then(() => void acknowledgedReplies.push(`reply ${i}`)),
      );
      const texts = Array.from({ length: NEW_CUSTOMERS }, (_, i) => {
        const from = `+1555777${String(200 + i).padStart(4, '0')}`;
        return carrier
          .send({ from, to: NUMBER, body: `new customer ${i}` })
          .then((answer) => void acknowledgedTexts.push({ from, body: `new customer ${i}`, conversationSid: answer.routing.conversation_sid ?? '' }));
      });
      const all = [...replies, ...texts];
      await new Promise<void>((resolve) => {
        let settled = 0;
        for (const request of all) {
          const done = () => {
            settled += 1;
            if (settled === Math.floor(all.length / 2)) resolve();
          };
          request.then(done, done);
        }
      });
      child.kill('SIGKILL');
      await Promise.allSettled(all);
      await exited;
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    expect(acknowledgedReplies.length).toBeGreaterThan(0);
    expect(acknowledgedTexts.length + acknowledgedReplies.length).toBeLessThan(REPLIES + NEW_CUSTOMERS);

    const restarted = await startTestEmulator({ statePath: file });
    try {
      await restarted.carrier.idle();
      const rest = restarted.client.conversations.v1;
      const messages = await rest.conversations(conversationSid).messages.list({ limit: 1000 });
      const bodies = messages.map((m) => m.body ?? '');
      // Every acknowledged reply is there once, and every reply that made it in (acknowledged or not)
      // reached a final status at the customer's phone: none stays queued or sent.
      for (const body of acknowledgedReplies) expect(bodies.filter((b) => b === body)).toHaveLength(1);
      for (const message of messages) {
        const receipts = await rest.conversations(conversationSid).messages(message.sid).deliveryReceipts.list();
        expect([message.body, receipts.map((r) => r.status)]).toEqual([message.body, ['delivered']]);
      }
      const received = (await phone(restarted).messages(AGENT_CUSTOMER)).filter((m) => m.direction === 'received').map((m) => m.body);
      expect([...received].sort()).toEqual([...bodies].sort());

      // Every acknowledged text from a new customer is in its conversation, once.
      for (const text of acknowledgedTexts) {
        const inConversation = await rest.conversations(text.conversationSid).messages.list();
        expect(inConversation.filter((m) => m.author === text.from && m.body === text.body)).toHaveLength(1);
      }
      expect(restarted.core.store.recordsByIndex('carrierDeliveries', 'all')).toEqual([]);
    } finally {
      await restarted.close();
    }
  });
});
