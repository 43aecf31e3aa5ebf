import { expect, type Page } from '@playwright/test';
import { DEMO } from './fixtures/auth';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { customerSends, expectPhoneReceives, phoneMessages, SECOND_NUMBER, SMS_NUMBER } from './fixtures/phone';
import { FROM_APP } from './fixtures/ports';
import { clearQueue, conversationRow, createMember, openInbox, type TeamMember, test } from './fixtures/team';

const supervisor: TeamMember = { id: '', email: DEMO.supervisor.email, password: DEMO.password, name: DEMO.supervisor.name, role: 'SUPERVISOR' };

test.beforeEach(async ({ browser }) => clearQueue(browser));

async function transferFromConsole(page: Page, sid: string, toLabel: RegExp, note?: string) {
  await page.goto('/supervisor');
  await page.getByTestId(`floor-conversation-${sid}`).getByRole('button', { name: 'Transfer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer conversation' });
  await dialog.getByLabel('To').selectOption({ label: await optionLabel(page, toLabel) });
  if (note) await dialog.getByLabel('Note for them (optional)').fill(note);
  await dialog.getByRole('button', { name: 'Transfer' }).click();
  await expect(dialog).toBeHidden();
}

async function optionLabel(page: Page, pattern: RegExp): Promise<string> {
  const option = page.getByRole('dialog', { name: 'Transfer conversation' }).getByRole('option', { name: pattern });
  await expect(option).toHaveCount(1);
  return (await option.textContent())!.trim();
}

async function send(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

test('a supervisor transfers a 1:1 conversation: gone from A live, in B’s inbox live with history, same number, audited', async ({ browser }) => {
  const customer = uniqueCustomerNumber();
  const a = await openInbox(browser, await createMember(browser, { name: 'Amy Before' }), { available: true });
  const bMember = await createMember(browser, { name: 'Bo After' });
  const b = await openInbox(browser, bMember);
  const { routing } = await customerSends({ from: customer, to: SMS_NUMBER, body: 'I need a refund' });
  const sid = routing.conversation_sid!;
  await conversationRow(a.page, sid).click();
  await send(a.page, 'Let me find the right person.');
  await expectPhoneReceives(customer, (m) => m.body === 'Let me find the right person.');

  const sam = await openInbox(browser, supervisor);
  await transferFromConsole(sam.page, sid, /^Bo After/, 'Refunds are your area');

  await expect(conversationRow(a.page, sid)).toHaveCount(0);
  await expect(a.page.getByTestId('read-only-reason')).toHaveText('Assigned to Bo After. You can read it but not reply.');
  await expect(conversationRow(b.page, sid)).toBeVisible();
  await conversationRow(b.page, sid).click();
  await expect(b.page.getByTestId('message-body')).toHaveText(['I need a refund', 'Let me find the right person.']);
  await expect(b.page.getByTestId('handoff-notice')).toContainText('Transferred to you by Sam Rivera from Amy Before.');
  await expect(b.page.getByTestId('handoff-notice')).toContainText('Refunds are your area');

  await send(b.page, 'Refund issued.');
  const reply = await expectPhoneReceives(customer, (m) => m.body === 'Refund issued.');
  expect(reply.from).toBe(SMS_NUMBER);

  const history = (await (await sam.page.request.get(`/api/conversations/${sid}/history`)).json()) as {
    assignments: { reason: string; from: string | null; to: string | null; actor: string | null; note: string | null }[];
    audit: { action: string; actor: string; details: { note: string } }[];
  };
  expect(history.assignments.at(-1)).toMatchObject({ reason: 'TRANSFER', from: 'Amy Before', to: 'Bo After', actor: 'Sam Rivera', note: 'Refunds are your area' });
  expect(history.audit).toContainEqual(expect.objectContaining({ action: 'conversation.transfer', actor: 'Sam Rivera', details: expect.objectContaining({ note: 'Refunds are your area' }) }));
  for (const session of [a, b, sam]) await session.close();
});

test('a group text’s projected address moves from A to B, then to the supervisor; customers see one number throughout', async ({ browser }) => {
  const customers = [uniqueCustomerNumber(), uniqueCustomerNumber()];
  const a = await openInbox(browser, await createMember(browser, { name: 'Ari Group' }));
  const b = await openInbox(browser, await createMember(browser, { name: 'Bex Group' }));

  await a.page.getByRole('button', { name: 'Group' }).click();
  const dialog = a.page.getByRole('dialog', { name: 'New group text' });
  await dialog.getByLabel('Customers’ numbers').fill(customers.join('\n'));
  await dialog.getByLabel('Customers see you as').selectOption(SECOND_NUMBER);
  await dialog.getByRole('button', { name: 'Start group text' }).click();
  await expect(a.page).toHaveURL(/\/inbox\/CH[0-9a-f]{32}$/);
  const sid = a.page.url().split('/').pop()!;
  // Ari's own group: the live SDK thread, not the read-only server view.
  await expect(a.page.getByTestId('thread')).toBeVisible();
  await expect(a.page.getByTestId('thread')).not.toHaveAttribute('data-mode', 'server');
  await send(a.page, 'Welcome, both of you.');
  for (const customer of customers) expect((await expectPhoneReceives(customer, (m) => m.body === 'Welcome, both of you.')).from).toBe(SECOND_NUMBER);

  const sam = await openInbox(browser, supervisor);
  await transferFromConsole(sam.page, sid, /^Bex Group/);
  await expect(conversationRow(a.page, sid)).toHaveCount(0);
  await expect(conversationRow(b.page, sid)).toBeVisible();
  await conversationRow(b.page, sid).click();
  await send(b.page, 'Bex here, taking over.');
  for (const customer of customers) expect((await expectPhoneReceives(customer, (m) => m.body === 'Bex here, taking over.')).from).toBe(SECOND_NUMBER);

  // A can read it but no longer write in it.
  await a.page.goto(`/inbox/${sid}`);
  await expect(a.page.getByTestId('read-only-reason')).toHaveText('Assigned to Bex Group. You can read it but not reply.');
  expect((await a.page.request.post(`/api/conversations/${sid}/messages`, { data: { body: 'sneaky' }, headers: FROM_APP })).status()).toBe(403);

  // The supervisor takes it over the same way, and writes from the console.
  await transferFromConsole(sam.page, sid, /^Me \(Sam Rivera\)/);
  await expect(conversationRow(b.page, sid)).toHaveCount(0);
  await sam.page.goto(`/supervisor/conversations/${sid}`);
  await send(sam.page, 'Sam from the team here.');
  for (const customer of customers) expect((await expectPhoneReceives(customer, (m) => m.body === 'Sam from the team here.')).from).toBe(SECOND_NUMBER);
  for (const session of [a, b, sam]) await session.close();
});

test('an agent sees that a colleague is viewing and typing in the same conversation', async ({ browser }) => {
  const a = await openInbox(browser, await createMember(browser, { name: 'Cal Watched' }), { available: true });
  const { routing } = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Hello?' });
  const sid = routing.conversation_sid!;
  await conversationRow(a.page, sid).click();

  const sam = await openInbox(browser, supervisor, { path: `/supervisor/conversations/${sid}` });
  await expect(a.page.getByTestId('collision-notice')).toHaveText('Sam Rivera is viewing');
  await expect(conversationRow(a.page, sid).getByTestId('row-viewers')).toContainText('Sam Rivera');
  await sam.page.getByRole('textbox', { name: 'Message' }).pressSequentially('I can take this one', { delay: 30 });
  await expect(a.page.getByTestId('collision-notice')).toHaveText('Sam Rivera is typing…');
  await a.close();
  await sam.close();
});

test('a private note never reaches the phone, and a canned response is inserted with /', async ({ browser }) => {
  const sam = await openInbox(browser, supervisor, { path: '/supervisor/canned-responses' });
  const shortcut = `ship-${Date.now() % 100000}`;
  await sam.page.getByLabel('Shortcut').fill(shortcut);
  await sam.page.getByLabel('Title').fill('Shipping time');
  await sam.page.getByLabel('Reply').fill('Orders ship within two business days.');
  await sam.page.getByRole('button', { name: 'Add canned response' }).click();
  await expect(sam.page.getByRole('list', { name: 'Canned responses' })).toContainText(`/${shortcut}`);

  const customer = uniqueCustomerNumber();
  const a = await openInbox(browser, await createMember(browser, { name: 'Dot Notes' }), { available: true });
  const { routing } = await customerSends({ from: customer, to: SMS_NUMBER, body: 'When will it ship?' });
  await conversationRow(a.page, routing.conversation_sid!).click();

  await a.page.getByRole('tab', { name: 'Private note' }).click();
  await a.page.getByRole('textbox', { name: 'Note' }).fill('VIP customer: offer express shipping');
  await a.page.getByRole('button', { name: 'Add note' }).click();
  await expect(a.page.getByTestId('note')).toContainText('VIP customer: offer express shipping');

  await a.page.getByRole('tab', { name: 'Reply' }).click();
  const box = a.page.getByRole('textbox', { name: 'Message' });
  await box.fill(`/${shortcut.slice(0, 6)}`);
  await expect(a.page.getByRole('listbox', { name: 'Canned responses' })).toContainText('Shipping time');
  await box.press('Enter');
  await expect(box).toHaveValue('Orders ship within two business days.');
  await box.press('Enter');
  await expectPhoneReceives(customer, (m) => m.body === 'Orders ship within two business days.');
  expect((await phoneMessages(customer)).map((m) => m.body)).not.toContain('VIP customer: offer express shipping');
  await a.close();
  await sam.close();
});

test('a supervisor monitoring a conversation opens the picture the customer sent', async ({ browser }) => {
  const a = await openInbox(browser, await createMember(browser, { name: 'Pia Picture' }), { available: true });
  const customer = uniqueCustomerNumber();
  // A 2×2 PNG, as a phone would attach it to an MMS.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
  const { routing } = await customerSends({
    from: customer,
    to: SMS_NUMBER,
    body: 'It arrived like this',
    media: [{ name: 'broken-box.png', mimeType: 'image/png', buffer: png }],
  });
  const sid = routing.conversation_sid!;
  await expect(conversationRow(a.page, sid)).toBeVisible();

  // Sam is no participant: the monitor reads through the app, which fetches the picture with its own credentials.
  const sam = await openInbox(browser, supervisor, { path: `/supervisor/conversations/${sid}` });
  await expect(sam.page.getByTestId('thread')).toHaveAttribute('data-mode', 'server');
  const image = sam.page.getByRole('img', { name: 'broken-box.png' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(2);
  const opened = await sam.page.request.get((await image.getAttribute('src'))!);
  expect(opened.status()).toBe(200);
  expect(opened.headers()['content-type']).toBe('image/png');
  expect(Buffer.from(await opened.body()).equals(png)).toBe(true);
  // The attachment belongs to this conversation only.
  const mediaSid = (await image.getAttribute('src'))!.split('/').pop();
  expect((await sam.page.request.get(`/api/conversations/CH${'0'.repeat(32)}/media/${mediaSid}`)).status()).toBe(404);
  await a.close();
  await sam.close();
});

test('an agent cannot open the supervisor console or call its API', async ({ browser }) => {
  const agent = await openInbox(browser, await createMember(browser, { name: 'Eli Agent' }));
  const response = await agent.page.goto('/supervisor');
  expect(response?.status()).toBe(403);
  await expect(agent.page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  expect((await agent.page.request.get('/api/supervisor/overview')).status()).toBe(403);
  expect((await agent.page.request.put('/api/supervisor/settings', { data: { firstResponseSeconds: 60, replyWaitSeconds: 60 }, headers: FROM_APP })).status()).toBe(403);
  expect((await agent.page.request.post('/api/canned-responses', { data: { shortcut: 'x', title: 'x', body: 'x' }, headers: FROM_APP })).status()).toBe(403);
  expect((await agent.page.request.get(`/api/conversations/CH${'0'.repeat(32)}/history`)).status()).toBe(403);
  await agent.close();
});
