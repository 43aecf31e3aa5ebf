import { performance } from 'node:perf_hooks';
import { createTwilioClient } from 'conversations-emulator/client';
import { runBroadcastThroughApp } from './broadcast-through-app';
import { credentials, startEmulatorProcess, type EmulatorProcess } from './support/emulator-process';
import { distribution, pool } from './support/stats';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const REPLIES = Number(process.env.BENCH_REPLIES ?? 1_000);
/** Requests in flight: what a sender pacing a number with the rate limit off would keep busy. */
const SEND_CONCURRENCY = 16;
const REPLY_CONCURRENCY = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const customer = (i: number) => `+1555800${String(i).padStart(4, '0')}`;

/**
 * A 10,000-recipient broadcast (`BENCH_RECIPIENTS`), twice. First the emulator alone (rate limit
 * off, no delivery delays): `messages.create` for each recipient from a number a bridged
 * Conversation Orchestrator configuration captures; then 1,000 of them (`BENCH_REPLIES`) reply,
 * each captured and bridged into a new v1 conversation with the broadcast copied in first. Reports
 * the time to send (and to capture) all, the reply latencies, and the emulator's memory after.
 * Then the same through the app, with its inbox in use (`broadcast-through-app.ts`).
 */
export async function runOrchestratorBroadcast() {
  const emulator = await startEmulatorProcess({ EMULATOR_SENT_DELAY_MS: '0', EMULATOR_DELIVERED_DELAY_MS: '0' });
  let direct: Awaited<ReturnType<typeof measure>>;
  try {
    direct = await measure(emulator);
  } finally {
    await emulator.stop();
  }
  return { ...direct, throughApp: await runBroadcastThroughApp({ recipients: RECIPIENTS, replies: REPLIES }) };
}

async function measure(emulator: EmulatorProcess) {
  const client = createTwilioClient(emulator.url, { accountSid: credentials.accountSid, authToken: credentials.authToken });
  const number = ((await (await fetch(`${emulator.url}/emulator/v1/Health`)).json()) as { numbers: string[] }).numbers[0] ?? '';
  const accepted = await client.conversations.v2.configurations.create({
    displayName: 'Bench broadcast',
    conversationGroupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES',
    channelSettings: { SMS: { captureRules: [{ from: '*', to: number }, { from: number, to: '*' }] } },
    conversationsV1Bridge: { serviceId: emulator.serviceSid },
  } as never);
  const operationId = (accepted.statusUrl ?? '').split('/').pop() ?? '';
  while ((await client.conversations.v2.operations(operationId).fetch()).status === 'PENDING') await sleep(20);
  const rssBefore = emulator.rss();

  const sendStart = performance.now();
  const sids: string[] = [];
  await pool(
    Array.from({ length: RECIPIENTS }, (_, i) => customer(i)),
    SEND_CONCURRENCY,
    async (to, i) => {
      sids[i] = (await client.messages.create({ from: number, to, body: 'Spring sale: 20% off everything this week.' })).sid;
    },
  );
  const sendMs = performance.now() - sendStart;
  // Captured once sent: the last message's conversation exists.
  const last = sids[sids.length - 1] ?? '';
  while ((await client.conversations.v2.conversations.list({ channelId: last, limit: 1 })).length === 0) await sleep(20);
  const captureMs = performance.now() - sendStart;

  const replyLatencies: number[] = [];
  const replyStart = performance.now();
  await pool(
    Array.from({ length: REPLIES }, (_, i) => customer(i)),
    REPLY_CONCURRENCY,
    async (from) => {
      const started = performance.now();
      const response = await fetch(`${emulator.url}/emulator/v1/Carrier/Messages`, {
        method: 'POST',
        body: new URLSearchParams({ From: from, To: number, Body: 'Does that include shoes?' }),
      });
      if (!response.ok) throw new Error(`reply from ${from}: ${response.status} ${await response.text()}`);
      replyLatencies.push(performance.now() - started);
    },
  );
  const repliesMs = performance.now() - replyStart;
  const v1Conversations = (await client.conversations.v1.conversations.list({ pageSize: 1000, limit: REPLIES + 10 })).length;
  return {
    recipients: RECIPIENTS,
    sendMs: Math.round(sendMs),
    sendsPerSecond: Math.round(RECIPIENTS / (sendMs / 1000)),
    allCapturedMs: Math.round(captureMs),
    replies: REPLIES,
    repliesMs: Math.round(repliesMs),
    replyMs: distribution(replyLatencies),
    v1Conversations,
    rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
    rssAfterMiB: Math.round(emulator.rss() / 2 ** 20),
  };
}
