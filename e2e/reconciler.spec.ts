import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { startEmulator, type Emulator } from 'conversations-emulator';
import { createTwilioClient, DEFAULT_NUMBERS } from 'conversations-emulator/client';
import { applyMigrations } from '../lib/db/migrate';
import { GRACE_MS } from '../lib/reconciler/grace-period';
import { freePort } from '../tests/support/free-port';
import { startPostgresServer } from '../tests/support/postgres-server';
import { type AppInstance, startAppInstance } from './fixtures/app-instance';

// Customers text in while the app is down, and Twilio gives up on its webhooks. When the app
// comes back — here as two instances sharing one PostgreSQL — the reconciler finds every one
// of them and routes each exactly once.

const [NUMBER] = DEFAULT_NUMBERS;
const RECONCILE_PERIOD_MS = 30_000;
const CUSTOMERS = 6;

test('customers whose webhooks ran out of retries are all routed within one reconciler period, each exactly once, by two app instances', async () => {
  test.setTimeout(240_000);
  const database = await startPostgresServer();
  const sql = new pg.Client({ connectionString: database.url });
  const quiet = { info: () => undefined, warn: () => undefined };
  // Twilio's retries, shortened: they run out in well under a second.
  let emulator: Emulator | undefined;
  const apps: AppInstance[] = [];
  try {
    emulator = await startEmulator({ port: 0, webhooks: { retryDelaysMs: [10, 20, 40], logger: quiet }, carrier: { receiptDelays: { sentMs: 0, deliveredMs: 0 }, logger: quiet } });
    const [port1, port2] = [await freePort(), await freePort()];
    const publicUrl = `http://localhost:${port1}`;
    const rest = createTwilioClient(emulator.url, { accountSid: emulator.credentials.accountSid, authToken: emulator.credentials.authToken }).conversations.v1;
    // Configured as the app left it: auto-creation on, webhooks to the app.
    await rest.addressConfigurations.create({ type: 'sms', address: NUMBER, 'autoCreation.enabled': true });
    await rest.services(emulator.serviceSid).configuration.webhooks().update({
      postWebhookUrl: `${publicUrl}/api/webhooks/twilio`,
      method: 'POST',
      filters: ['onConversationAdded', 'onMessageAdded', 'onParticipantAdded'],
    });

    // The team exists; one agent is at her desk with room for two conversations.
    await applyMigrations(database.url);
    await sql.connect();
    const agentId = `agent-${randomUUID()}`;
    // Her browser's heartbeat, kept fresh for the length of the test.
    const heartbeat = new Date(Date.now() + 10 * 60_000);
    await sql.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, availability, capacity, "lastSeenAt", "updatedAt") VALUES ($1, $2, 'Ada Back', 'x', 'AGENT', 'AVAILABLE', 2, $3, now())`,
      [agentId, `${agentId}@example.com`, heartbeat],
    );

    // The app is down: customers text in, every webhook fails until Twilio gives up.
    const sids: string[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const sent = await emulator.carrier.send({ from: `+1555444${String(1000 + i)}`, to: [NUMBER], body: `while you were out ${i}`, mediaSids: [] });
      if (!('conversationSid' in sent.routing)) throw new Error(`the text was ${sent.routing.outcome}`);
      sids.push(sent.routing.conversationSid);
    }
    await emulator.webhooks.idle();
    // The reconciler leaves what is younger than its grace period to its next pass (a webhook may be
    // on its way), and Twilio dates a conversation to the second: the app comes back once these texts
    // are past it, as texts sent while it was down are — or its first pass would leave the youngest.
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 1_000));

    // Both instances come back, on one database and one Twilio.
    const env = { DATABASE_URL: database.url, EMULATOR_URL: emulator.url, NEXTAUTH_URL: publicUrl, NEXTAUTH_SECRET: randomUUID() };
    apps.push(...(await Promise.all([startAppInstance({ port: port1, env }), startAppInstance({ port: port2, env })])));

    const routed = async () =>
      (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ConversationIndex" WHERE sid = ANY($1) AND ("assigneeId" IS NOT NULL OR "queuedAt" IS NOT NULL)`, [sids])).rows[0]!.n;
    // Within one period of the instances serving (they reconcile as they start).
    await expect.poll(routed, { timeout: RECONCILE_PERIOD_MS, intervals: [250] }).toBe(CUSTOMERS);

    // Each exactly once: one routing decision per conversation, one repair of each kind, and
    // the agent in Twilio once in each of hers.
    const decisions = await sql.query<{ sid: string; n: number }>(`SELECT "conversationSid" AS sid, count(*)::int AS n FROM "Assignment" WHERE "conversationSid" = ANY($1) GROUP BY 1`, [sids]);
    expect(decisions.rows.map((row) => row.n)).toEqual(sids.map(() => 1));
    const repairs = await sql.query<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM "ReconcilerRepair" WHERE "conversationSid" = ANY($1) GROUP BY 1 ORDER BY 1`, [sids]);
    expect(repairs.rows).toEqual([
      { kind: 'INDEXED', n: CUSTOMERS },
      { kind: 'ROUTED', n: CUSTOMERS },
    ]);
    const hers = (await sql.query<{ sid: string }>(`SELECT sid FROM "ConversationIndex" WHERE sid = ANY($1) AND "assigneeId" = $2`, [sids, agentId])).rows.map((row) => row.sid);
    expect(hers).toHaveLength(2);
    for (const sid of sids) {
      const identities = (await rest.conversations(sid).participants.list()).flatMap((p) => (p.identity ? [p.identity] : []));
      expect(identities).toEqual(hers.includes(sid) ? [agentId] : []);
    }
  } finally {
    await Promise.allSettled(apps.map((app) => app.stop()));
    await sql.end().catch(() => undefined);
    await emulator?.close();
    await database.stop();
  }
});
