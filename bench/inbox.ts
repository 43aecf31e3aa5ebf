// The inbox in Chromium, against the production build: an agent with 1,000 conversations
// (Twilio's per-identity maximum), one of them 10,000 messages long.
//  - list: navigation to the first rows on screen, and to all 1,000 loaded;
//  - thread: click → the newest of 10,000 messages rendered;
//  - send-to-render: Enter in one agent's composer → the message on the other agent's screen.
import { chromium, type Page } from 'playwright-core';
import { createTwilioClient, DEFAULT_CREDENTIALS } from 'conversations-emulator/client';
import { CHROMIUM_LAUNCH } from '../e2e/fixtures/chromium';
import { startAppServer } from '../tests/support/app-server';
import { sendToRenderProbe } from './support/send-to-render';
import { appSession } from './support/app-session';
import { BENCH_PASSWORD, createBenchAgents } from './support/bench-agents';
import { distribution, pool } from './support/stats';

const CONVERSATIONS = 1_000;
const THREAD_MESSAGES = 10_000;
const SENDS = 30;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function runInbox() {
  const server = await startAppServer();
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const [ada, ben] = await createBenchAgents(server.url, ['Ada', 'Ben']);
    const twilio = createTwilioClient(server.emulatorUrl, { accountSid: DEFAULT_CREDENTIALS.accountSid, authToken: DEFAULT_CREDENTIALS.authToken }).conversations.v1;

    const seedStarted = Date.now();
    const big = await twilio.conversationWithParticipants.create({
      friendlyName: 'Big thread',
      attributes: JSON.stringify({ switchboard: { channel: 'chat', customer: { name: 'Big thread' } } }),
      participant: [JSON.stringify({ identity: ada.id }), JSON.stringify({ identity: ben.id })],
    });
    // The rest as agents get them: started through the app (indexed, assigned to Ada).
    const adaApi = await appSession(server.url, ada.email, BENCH_PASSWORD);
    await pool(Array.from({ length: CONVERSATIONS - 1 }, (_, i) => i), 8, async (i) => {
      const response = await adaApi.post('/api/conversations', {
        data: { channel: 'sms', customerNumber: `+1555${String(i).padStart(7, '0')}`, customerName: `Customer ${i}`, from: '+15017122661' },
      });
      if (response.status() !== 201) throw new Error(`starting conversation ${i}: ${response.status()} ${await response.text()}`);
    });
    await adaApi.dispose();
    await pool(Array.from({ length: THREAD_MESSAGES }, (_, i) => i), 32, async (i) => {
      await twilio.conversations(big.sid).messages.create({ author: i % 2 ? ada.id : ben.id, body: `Message ${i}` });
    });
    const seedSeconds = Math.round((Date.now() - seedStarted) / 100) / 10;

    const signedIn = async (email: string): Promise<Page> => {
      const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1400, height: 900 } });
      const session = await appSession(server.url, email, BENCH_PASSWORD);
      await context.addCookies((await session.storageState()).cookies);
      await session.dispose();
      return context.newPage();
    };

    // 1. Navigation to an interactive list, and to every conversation loaded.
    const firstRows: number[] = [];
    const allLoaded: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await signedIn(ada.email);
      const started = Date.now();
      await page.goto('/inbox');
      await page.locator('[data-testid^="conversation-row-"]').first().waitFor();
      firstRows.push(Date.now() - started);
      await page.getByTestId('open-count').filter({ hasText: CONVERSATIONS.toLocaleString('en-US') }).waitFor({ timeout: 120_000 });
      await page.getByTestId('syncing').waitFor({ state: 'detached', timeout: 120_000 });
      allLoaded.push(Date.now() - started);
      await page.context().close();
    }

    // 2. Opening the 10,000-message thread, on a fresh page once the inbox has synced.
    const threadOpens: number[] = [];
    const synced = async (target: Page, expected = CONVERSATIONS) => {
      await target.getByTestId('open-count').filter({ hasText: expected.toLocaleString('en-US') }).waitFor({ timeout: 120_000 });
      await target.getByTestId('syncing').waitFor({ state: 'detached', timeout: 120_000 });
    };
    for (let run = 0; run < RUNS; run++) {
      const fresh = await signedIn(ada.email);
      await fresh.goto('/inbox');
      await synced(fresh);
      await fresh.getByRole('searchbox', { name: 'Search conversations' }).fill('Big thread');
      const row = fresh.getByTestId(`conversation-row-${big.sid}`);
      await row.waitFor();
      const started = Date.now();
      await row.click();
      await fresh.getByTestId('message-body').filter({ hasText: `Message ${THREAD_MESSAGES - 1}` }).waitFor();
      threadOpens.push(Date.now() - started);
      await fresh.context().close();
    }
    const page = await signedIn(ada.email);
    await page.goto(`/inbox/${big.sid}`);
    await synced(page);
    await page.getByTestId('message-body').filter({ hasText: `Message ${THREAD_MESSAGES - 1}` }).waitFor();

    // 3. Send-to-render between two agents in the big thread.
    const other = await signedIn(ben.email);
    await other.goto(`/inbox/${big.sid}`);
    await synced(other, 1);
    await other.getByTestId('message-body').filter({ hasText: `Message ${THREAD_MESSAGES - 1}` }).waitFor({ timeout: 120_000 });
    const sendOne = await sendToRenderProbe(page, other);
    const latencies: number[] = [];
    for (let i = 0; i < SENDS; i++) latencies.push(await sendOne());

    return {
      conversations: CONVERSATIONS,
      threadMessages: THREAD_MESSAGES,
      seedSeconds,
      listFirstRowsMs: { runs: firstRows, median: median(firstRows) },
      listAllLoadedMs: { runs: allLoaded, median: median(allLoaded) },
      threadOpenMs: { runs: threadOpens, median: median(threadOpens) },
      sendToRenderMs: distribution(latencies),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
