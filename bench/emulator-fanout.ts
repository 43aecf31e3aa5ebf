import { performance } from 'node:perf_hooks';
import { Client, type ClientOptions, type Message } from '@twilio/conversations';
import twilio from 'twilio';
import { createTwilioClient } from 'conversations-emulator/client';
import { credentials, startEmulatorProcess, type EmulatorProcess } from './support/emulator-process';
import { LightClient } from './support/light-client';
import { distribution, pool } from './support/stats';

const CLIENTS = 100;
const LATENCY_MESSAGES = 30;
const THROUGHPUT_MESSAGES = 200;

type Timings = { sentAt: Map<string, number>; perRecipient: number[]; lastRecipient: Map<string, number>; received: Map<string, number> };

const newTimings = (): Timings => ({ sentAt: new Map(), perRecipient: [], lastRecipient: new Map(), received: new Map() });

/** Records one delivery of `body`: the latency from the REST call's start, and the slowest so far. */
function deliver(timings: Timings, body: string): void {
  const sentAt = timings.sentAt.get(body);
  if (sentAt === undefined) return;
  const latency = performance.now() - sentAt;
  timings.perRecipient.push(latency);
  timings.lastRecipient.set(body, Math.max(timings.lastRecipient.get(body) ?? 0, latency));
  timings.received.set(body, (timings.received.get(body) ?? 0) + 1);
}

function token(identity: string, serviceSid: string): string {
  const accessToken = new twilio.jwt.AccessToken(credentials.accountSid, credentials.apiKey, credentials.apiSecret, { identity, ttl: 3600 });
  accessToken.addGrant(new twilio.jwt.AccessToken.ChatGrant({ serviceSid }));
  return accessToken.toJwt();
}

/** Resolves once `count` recipients have `body` (delivery counting happens in the listeners). */
function allReceived(timings: Timings, bodies: readonly string[], count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (bodies.every((b) => (timings.received.get(b) ?? 0) >= count) ? resolve() : setTimeout(check, 2));
    check();
  });
}

/**
 * REST `messages.create` → `messageAdded` at SDK clients: 100 clients in one conversation, and one
 * client in each of 100 conversations; then 100 light protocol clients in one conversation, which shows
 * the emulator's own fan-out without the SDK's frame decoding (every client here shares one core).
 */
export async function runFanout() {
  const emulator = await startEmulatorProcess();
  try {
    return await measure(emulator);
  } finally {
    await emulator.stop();
  }
}

async function measure(emulator: EmulatorProcess) {
  const rest = createTwilioClient(emulator.url, credentials);
  const identities = Array.from({ length: CLIENTS }, (_, i) => `agent-${String(i).padStart(3, '0')}`);
  const room = await rest.conversations.v1.conversations.create({ friendlyName: 'Fan-out room' });
  await pool(identities, 10, async (identity) => {
    await rest.conversations.v1.conversations(room.sid).participants.create({ identity });
  });
  const singles: string[] = [];
  await pool(identities, 10, async (identity, i) => {
    const single = await rest.conversations.v1.conversations.create({ friendlyName: `Single ${identity}` });
    await rest.conversations.v1.conversations(single.sid).participants.create({ identity });
    singles[i] = single.sid;
  });

  const options = { twilsock: { uri: `${emulator.url.replace(/^http/, 'ws')}/v3/wsconnect` }, apiUri: emulator.url, cdsUri: emulator.url, logLevel: 'error' };
  const roomTimings = newTimings();
  const singleTimings = newTimings();
  const clients: Client[] = [];
  const startedAt = performance.now();
  await pool(identities, 10, async (identity, i) => {
    const client = new Client(token(identity, emulator.serviceSid), options as ClientOptions);
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.onceWithReplay('initialized', () => resolve());
      client.onceWithReplay('initFailed', ({ error }) => reject(new Error(error?.message)));
    });
    for (const sid of [room.sid, singles[i] ?? '']) {
      const conversation = await client.getConversationBySid(sid);
      await conversation.getParticipants();
      conversation.on('messageAdded', (message: Message) => deliver(sid === room.sid ? roomTimings : singleTimings, message.body ?? ''));
    }
  });
  const connectSeconds = (performance.now() - startedAt) / 1000;

  // Warm-up: every client has its subscriptions established once it has seen a message live or replayed.
  roomTimings.sentAt.set('warm-up', performance.now());
  await rest.conversations.v1.conversations(room.sid).messages.create({ author: 'system', body: 'warm-up' });
  await allReceived(roomTimings, ['warm-up'], CLIENTS);
  roomTimings.perRecipient.length = 0;
  roomTimings.lastRecipient.clear();

  const send = async (timings: Timings, conversationSid: string, body: string) => {
    timings.sentAt.set(body, performance.now());
    await rest.conversations.v1.conversations(conversationSid).messages.create({ author: 'system', body });
  };

  // 1. One conversation, 100 recipients: one message at a time, each waited for at every client.
  for (let i = 0; i < LATENCY_MESSAGES; i++) {
    await send(roomTimings, room.sid, `room-${i}`);
    await allReceived(roomTimings, [`room-${i}`], CLIENTS);
  }
  const roomLatency = distribution(roomTimings.perRecipient);
  const roomAll = distribution([...roomTimings.lastRecipient.values()]);
  const roomThroughput = await throughput(roomTimings, CLIENTS, (i) => send(roomTimings, room.sid, `room-burst-${i}`), (i) => `room-burst-${i}`);

  // 2. 100 conversations, one recipient each.
  for (let i = 0; i < LATENCY_MESSAGES * 3; i++) {
    await send(singleTimings, singles[i % CLIENTS] ?? '', `single-${i}`);
    await allReceived(singleTimings, [`single-${i}`], 1);
  }
  const singleLatency = distribution(singleTimings.perRecipient);
  const singleThroughput = await throughput(singleTimings, 1, (i) => send(singleTimings, singles[i % CLIENTS] ?? '', `single-burst-${i}`), (i) => `single-burst-${i}`);

  await Promise.allSettled(clients.map((client) => client.shutdown()));
  const light = await lightFanout(emulator, rest);

  return {
    clients: CLIENTS,
    sdkConnectSeconds: Math.round(connectSeconds * 10) / 10,
    oneConversation: { perRecipientMs: roomLatency, allRecipientsMs: roomAll, ...roomThroughput },
    hundredConversations: { perRecipientMs: singleLatency, ...singleThroughput },
    lightClientsOneConversation: light,
  };
}

/** Sends THROUGHPUT_MESSAGES with 10 REST calls in flight and times until every recipient has all. */
async function throughput(timings: Timings, recipients: number, sendOne: (i: number) => Promise<void>, bodyOf: (i: number) => string) {
  const bodies = Array.from({ length: THROUGHPUT_MESSAGES }, (_, i) => bodyOf(i));
  const started = performance.now();
  await pool(bodies, 10, (_body, i) => sendOne(i));
  await allReceived(timings, bodies, recipients);
  const seconds = (performance.now() - started) / 1000;
  return {
    messagesPerSecond: Math.round(THROUGHPUT_MESSAGES / seconds),
    deliveriesPerSecond: Math.round((THROUGHPUT_MESSAGES * recipients) / seconds),
  };
}

/** 100 light clients subscribed to one conversation's messages list, timed like the SDK ones. */
async function lightFanout(emulator: EmulatorProcess, rest: twilio.Twilio) {
  const identities = Array.from({ length: CLIENTS }, (_, i) => `light-${String(i).padStart(3, '0')}`);
  const room = await rest.conversations.v1.conversations.create({ friendlyName: 'Light room' });
  await pool(identities, 10, async (identity) => {
    await rest.conversations.v1.conversations(room.sid).participants.create({ identity });
  });
  const timings = newTimings();
  const clients: LightClient[] = [];
  await pool(identities, 20, async (identity) => {
    const client = await LightClient.open(`${emulator.url.replace(/^http/, 'ws')}/v3/wsconnect`);
    clients.push(client);
    await client.init(token(identity, emulator.serviceSid));
    const list = (await client.http('GET', `${emulator.url}/v3/Lists/${room.sid}.messages`)).body as { sid: string; last_event_id: number };
    client.onNotification = (_type, body) => {
      const event = (body as { event_type?: string; event?: { item_data?: { text?: string } } }).event;
      if ((body as { event_type?: string }).event_type === 'list_item_added') deliver(timings, event?.item_data?.text ?? '');
    };
    await client.http('POST', `${emulator.url}/v4/Subscriptions`, {
      event_protocol_version: 4,
      action: 'establish',
      correlation_id: Date.now(),
      requests: [{ object_sid: list.sid, object_type: 'list', last_event_id: list.last_event_id }],
    });
  });
  const send = async (body: string) => {
    timings.sentAt.set(body, performance.now());
    await rest.conversations.v1.conversations(room.sid).messages.create({ author: 'system', body });
  };
  for (let i = 0; i < LATENCY_MESSAGES; i++) {
    await send(`light-${i}`);
    await allReceived(timings, [`light-${i}`], CLIENTS);
  }
  const perRecipientMs = distribution(timings.perRecipient);
  const allRecipientsMs = distribution([...timings.lastRecipient.values()]);
  const burst = await throughput(timings, CLIENTS, (i) => send(`light-burst-${i}`), (i) => `light-burst-${i}`);
  for (const client of clients) client.close();
  return { perRecipientMs, allRecipientsMs, ...burst };
}
