import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { uniquePhoneNumber } from 'conversations-emulator/playwright';
import { parse } from 'csv-parse/sync';
import { formatDuration } from '../components/reports/format';
import { DEMO, signInWithApi } from './fixtures/auth';
import { seriousViolations } from './fixtures/axe';
import { expectOk, expectOwner, type OwnApp, startOwnApp } from './fixtures/own-app';
import { SECOND_NUMBER, SMS_NUMBER } from './fixtures/phone';

// Reports over a simulated week: the emulator's clock moves days ahead, so these tests run on an
// app of their own (see fixtures/own-app.ts) and drive agents through the app's HTTP API.
test.describe.configure({ mode: 'serial' });

let app: OwnApp;
test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(360_000);
  app = await startOwnApp();
});
test.afterAll(async () => app?.stop());

type Person = { api: APIRequestContext; id: string };
const customer = uniquePhoneNumber;
const setAvailability = (person: Person, availability: 'AVAILABLE' | 'AWAY') => expectOk(person.api.put('/api/me/availability', { data: { availability } }));
const reply = (person: Person, sid: string, body: string) => expectOk(person.api.post(`/api/conversations/${sid}/messages`, { data: { body } }));
const resolve = (person: Person, sid: string) => expectOk(person.api.post(`/api/conversations/${sid}/close`, { data: {} }));

async function textIn(from: string, to: string, body: string): Promise<string> {
  const { routing } = await app.emulator.phone(from).send(to, body);
  expect(routing.outcome).toBe('autocreated');
  return routing.conversation_sid!;
}

async function supervisorPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.server.url });
  await signInWithApi(context.request, DEMO.supervisor.email);
  return context.newPage();
}

/** The report's query for a week from the emulator's first day, on one number, in UTC. */
function weekOf(start: Date, number: string): URLSearchParams {
  const day = (offset: number) => new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return new URLSearchParams({ range: 'custom', from: day(0), to: day(7), tz: 'UTC', number });
}

async function downloadCsv(page: Page, table: string): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${table}`).first().click()]);
  const text = await (await download.createReadStream()).toArray();
  return parse(Buffer.concat(text).toString('utf8'), { columns: true }) as Record<string, string>[];
}

const overviewValue = (page: Page, id: string) => page.getByTestId(`overview-${id}`).getByTestId('value');
const agentCell = (page: Page, agentId: string, column: string) => page.getByTestId(`agent-row-${agentId}`).locator(`[data-column="${column}"]`);

test('a week handled by two agents: the overview, the agents table and the CSVs agree; agents are refused', async ({ browser }) => {
  const sam = await app.signIn(DEMO.supervisor.email);
  const ada = await app.signIn(DEMO.agent.email);
  const ben = await app.signIn(DEMO.otherAgent.email);
  // First response target: 75 minutes.
  await expectOk(sam.api.put('/api/supervisor/settings', { data: { firstResponseSeconds: 4500, replyWaitSeconds: 600 } }));
  const start = await app.emulator.clock.now();

  // Monday: Ada answers in an hour and resolves three hours later.
  await setAvailability(ada, 'AVAILABLE');
  await setAvailability(ben, 'AWAY');
  const monday = await textIn(customer(), SMS_NUMBER, 'Where is my order?');
  await expectOwner(sam.api, monday, ada.id);
  await app.emulator.clock.advance('PT1H');
  await reply(ada, monday, 'It ships today.');
  await app.emulator.clock.advance('PT3H');
  await resolve(ada, monday);

  // Tuesday: Ben answers after 90 minutes and hands it to Ada, who resolves it two hours later.
  await app.emulator.clock.advance('P1D');
  await setAvailability(ada, 'AWAY');
  await setAvailability(ben, 'AVAILABLE');
  const tuesday = await textIn(customer(), SMS_NUMBER, 'My invoice is wrong');
  await expectOwner(sam.api, tuesday, ben.id);
  await app.emulator.clock.advance('PT1H30M');
  await reply(ben, tuesday, 'Let me get billing.');
  await expectOk(ben.api.post(`/api/conversations/${tuesday}/transfer`, { data: { to: ada.id, note: 'Billing' } }));
  await app.emulator.clock.advance('PT1H');
  await reply(ada, tuesday, 'Fixed, a new invoice is on its way.');
  await app.emulator.clock.advance('PT1H');
  await resolve(ada, tuesday);

  // Wednesday: Ada answers after two hours; still open.
  await app.emulator.clock.advance('P1D');
  await setAvailability(ben, 'AWAY');
  await setAvailability(ada, 'AVAILABLE');
  const wednesday = await textIn(customer(), SMS_NUMBER, 'Can I change my address?');
  await expectOwner(sam.api, wednesday, ada.id);
  await app.emulator.clock.advance('PT2H');
  await reply(ada, wednesday, 'Yes, what is the new one?');
  // The day ends: Ada's time available stops running (it grows while she is there and Available),
  // so the table and the CSVs read below count the same.
  await setAvailability(ada, 'AWAY');

  const query = weekOf(start, SMS_NUMBER);
  // Webhooks arrive on their own time: wait until every message is indexed.
  await expect.poll(async () => ((await (await sam.api.get(`/api/reports?${query}`)).json()) as { overview: { current: { messagesOut: number; resolved: number } } }).overview.current).toMatchObject({
    messagesOut: 4,
    resolved: 2,
  });

  const page = await supervisorPage(browser);
  await page.goto(`/reports?${query}`);
  await expect(page.getByTestId('report-period')).toContainText('(UTC)');
  const expected: Record<string, string> = {
    opened: '3',
    resolved: '2',
    'still-open': '1',
    'messages-in': '3',
    'messages-out': '4',
    'first-response-median': '1h 30m',
    'first-response-p90': '1h 54m',
    'resolution-median': '3h 45m',
    'service-level': '33%',
  };
  for (const [id, value] of Object.entries(expected)) await expect(overviewValue(page, id)).toHaveText(value);
  await expect(page.getByTestId('overview-service-level')).toContainText('1 of 3');
  expect(await seriousViolations(page)).toEqual([]);

  const adaRow = { handled: '3', firstResponseMedianSeconds: '1h 30m', resolutionMedianSeconds: '3h 45m', repliesSent: '3', transfersIn: '1', transfersOut: '0' };
  const benRow = { handled: '1', firstResponseMedianSeconds: '1h 30m', resolutionMedianSeconds: '—', repliesSent: '1', transfersIn: '0', transfersOut: '1' };
  for (const [person, row] of [[ada, adaRow], [ben, benRow]] as const) {
    for (const [column, value] of Object.entries(row)) await expect(agentCell(page, person.id, column)).toHaveText(value);
  }

  // The CSVs carry the same figures, raw.
  const overview = Object.fromEntries((await downloadCsv(page, 'overview')).map((row) => [row.metric, row.current]));
  expect(overview).toMatchObject({ opened: '3', resolved: '2', stillOpen: '1', messagesIn: '3', messagesOut: '4', serviceLevelMet: '1', serviceLevelMissed: '2' });
  expect(formatDuration(Number(overview.firstResponseMedianSeconds))).toBe('1h 30m');
  expect(formatDuration(Number(overview.resolutionMedianSeconds))).toBe('3h 45m');
  const agents = await downloadCsv(page, 'agents');
  for (const person of [ada, ben]) {
    const csv = agents.find((row) => row.agent_id === person.id)!;
    await expect(agentCell(page, person.id, 'handled')).toHaveText(csv.conversations!);
    await expect(agentCell(page, person.id, 'repliesSent')).toHaveText(csv.replies_sent!);
    await expect(agentCell(page, person.id, 'transfersIn')).toHaveText(csv.transfers_in!);
    await expect(agentCell(page, person.id, 'transfersOut')).toHaveText(csv.transfers_out!);
    await expect(agentCell(page, person.id, 'firstResponseMedianSeconds')).toHaveText(formatDuration(csv.first_response_median_seconds ? Number(csv.first_response_median_seconds) : null));
    await expect(agentCell(page, person.id, 'availableSeconds')).toHaveText(formatDuration(Number(csv.available_seconds)));
  }
  expect(Number(agents.find((row) => row.agent_id === ada.id)!.available_seconds)).toBeGreaterThan(0);

  // The agents table sorts, and a name opens that agent's conversations.
  await page.getByRole('button', { name: /^Replies sent/ }).click();
  await expect(page.getByRole('table', { name: 'Agents' }).locator('tbody tr').first()).toHaveAttribute('data-testid', `agent-row-${ada.id}`);
  await page.getByTestId(`agent-row-${ben.id}`).getByRole('link', { name: DEMO.otherAgent.name }).click();
  await expect(page.getByRole('heading', { name: `Conversations handled by ${DEMO.otherAgent.name}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Conversations' }).locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId(`conversation-row-${tuesday}`)).toContainText(`${DEMO.otherAgent.name}, ${DEMO.agent.name}`);

  const conversations = await downloadCsv(page, 'conversations');
  expect(conversations.map((row) => row.conversation_sid)).toEqual([tuesday]);
  expect(conversations[0]).toMatchObject({ first_responder: DEMO.otherAgent.name, resolved_by: DEMO.agent.name, messages_in: '1', messages_out: '2' });
  await page.context().close();

  // Agents see none of it: the page and both APIs answer 403.
  expect((await ada.api.get(`/reports?${query}`)).status()).toBe(403);
  expect((await ada.api.get(`/api/reports?${query}`)).status()).toBe(403);
  expect((await ada.api.get(`/api/reports/export?table=conversations&${query}`)).status()).toBe(403);
});

test('a satisfaction survey goes out on resolve; the answer is recorded against the agent, not routed', async ({ browser }) => {
  const sam = await app.signIn(DEMO.supervisor.email);
  const ada = await app.signIn(DEMO.agent.email);
  const page = await supervisorPage(browser);
  await page.goto('/supervisor/surveys');
  const sms = page.getByRole('form', { name: 'SMS survey' });
  await sms.getByLabel(/Text the customer a survey/).check();
  await sms.getByRole('button', { name: 'Save SMS survey' }).click();
  await expect(sms.getByRole('status')).toHaveText('Saved.');
  const question = await sms.getByLabel('Question').inputValue();
  expect(await seriousViolations(page)).toEqual([]);

  await setAvailability(ada, 'AVAILABLE');
  const number = customer();
  const sid = await textIn(number, SECOND_NUMBER, 'Is my table booked?');
  await expectOwner(sam.api, sid, ada.id);
  await reply(ada, sid, 'Yes, 8pm tonight.');
  await resolve(ada, sid);
  const customerPhone = app.emulator.phone(number);
  await customerPhone.expectMessage(question, { from: SECOND_NUMBER });

  const answer = await customerPhone.send(SECOND_NUMBER, '4 - quick, thanks');
  const replySid = answer.routing.conversation_sid!;
  expect(replySid).not.toBe(sid);
  // Not routed: closed at once, never owned, never queued.
  await expect.poll(async () => (await app.emulator.twilio.conversations.v1.conversations(replySid).fetch()).state).toBe('closed');
  const history = (await (await sam.api.get(`/api/conversations/${replySid}/history`)).json()) as { assignments: unknown[] };
  expect(history.assignments).toEqual([]);
  expect(((await (await sam.api.get('/api/queue')).json()) as { queue: unknown[] }).queue).toEqual([]);

  // Recorded against the conversation and Ada: the overview, her row, the comments.
  const start = new Date(Date.now() - 86_400_000);
  const query = weekOf(start, SECOND_NUMBER);
  query.set('to', (await app.emulator.clock.now()).toISOString().slice(0, 10));
  await page.goto(`/reports?${query}`);
  await expect(overviewValue(page, 'csat-score')).toHaveText('100%');
  await expect(overviewValue(page, 'csat-response-rate')).toHaveText('100%');
  await expect(overviewValue(page, 'opened')).toHaveText('1');
  await expect(agentCell(page, ada.id, 'csatScore')).toHaveText('100% (4.0, 1)');
  await expect(page.getByTestId('csat-response')).toHaveCount(1);
  await expect(page.getByTestId('csat-response')).toContainText('4/5');
  await expect(page.getByTestId('csat-response')).toContainText('quick, thanks');
  await expect(page.getByTestId('csat-response')).toContainText(DEMO.agent.name);
  const [csat] = await downloadCsv(page, 'csat');
  expect(csat).toMatchObject({ conversation_sid: sid, agent: DEMO.agent.name, score: '4', comment: 'quick, thanks' });

  // A later text that is not an answer is a new conversation, routed as usual.
  const next = await textIn(number, SECOND_NUMBER, 'Can I bring a dog?');
  await expectOwner(sam.api, next, ada.id);
  await page.context().close();
});
