import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import pg from 'pg';
import { startEmulator, type Emulator } from 'conversations-emulator';
import { hashPassword } from '../lib/auth/password';
import { applyMigrations } from '../lib/db/migrate';
import { freePort } from '../tests/support/free-port';
import { startPostgresServer } from '../tests/support/postgres-server';
import { type AppInstance, startAppInstance } from './fixtures/app-instance';
import { signInWithApi } from './fixtures/auth';
import { test } from './fixtures/console-errors';
import { expectHeard, recordLiveEvents } from './fixtures/live-events';

// Two app instances share one PostgreSQL: a change made through one reaches a browser whose
// event stream the other holds (PostgreSQL LISTEN/NOTIFY carries it between them).

const PASSWORD = 'two-instances-password-1';

test('an event caused on one app instance reaches a browser connected to the other', async ({ browser }) => {
  test.setTimeout(240_000);
  const database = await startPostgresServer();
  const quiet = { info: () => undefined, warn: () => undefined };
  let emulator: Emulator | undefined;
  const apps: AppInstance[] = [];
  try {
    emulator = await startEmulator({ port: 0, webhooks: { logger: quiet }, carrier: { logger: quiet } });
    await applyMigrations(database.url);
    const people = { agent: `agent-${randomUUID()}`, supervisor: `supervisor-${randomUUID()}` };
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    try {
      const passwordHash = await hashPassword(PASSWORD);
      for (const [role, id] of [['AGENT', people.agent], ['SUPERVISOR', people.supervisor]] as const) {
        await sql.query(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [id, `${id}@example.com`, `${role} ${id.slice(-4)}`, passwordHash, role]);
      }
    } finally {
      await sql.end();
    }

    const [port1, port2] = [await freePort(), await freePort()];
    const secret = randomUUID();
    const instance = (port: number) => ({ port, env: { DATABASE_URL: database.url, EMULATOR_URL: emulator!.url, NEXTAUTH_URL: `http://localhost:${port}`, NEXTAUTH_SECRET: secret } });
    apps.push(...(await Promise.all([startAppInstance(instance(port1)), startAppInstance(instance(port2))])));
    const [first, second] = apps as [AppInstance, AppInstance];

    // The agent's browser is connected to the second instance.
    const agentContext = await browser.newContext({ baseURL: second.url });
    const page = await agentContext.newPage();
    await signInWithApi(agentContext.request, `${people.agent}@example.com`, PASSWORD);
    await page.goto('/inbox');
    await recordLiveEvents(page);

    // The supervisor adds a canned response through the first.
    const supervisorContext = await browser.newContext({ baseURL: first.url });
    await signInWithApi(supervisorContext.request, `${people.supervisor}@example.com`, PASSWORD);
    const created = await supervisorContext.request.post('/api/canned-responses', {
      data: { shortcut: 'hours', title: 'Opening hours', body: 'We are open 9 to 5.' },
      headers: { origin: first.url },
    });
    expect(created.status()).toBe(201);

    await expectHeard(page, 'canned-responses.changed', {});
    // And the supervisor, on the first instance, sees the agent online (the second holds her stream).
    const team = (await (await supervisorContext.request.get('/api/team')).json()) as { team: { id: string; online: boolean }[] };
    expect(team.team.find((member) => member.id === people.agent)?.online).toBe(true);
    await agentContext.close();
    await supervisorContext.close();
  } finally {
    await Promise.allSettled(apps.map((app) => app.stop()));
    await emulator?.close();
    await database.stop();
  }
});
