import { expect, type Page } from '@playwright/test';
import { DEMO } from './fixtures/auth';
import { emulatorClient, ensureAutocreation, uniqueCustomerNumber } from './fixtures/emulator';
import { customerSends, expectPhoneReceives, SMS_NUMBER } from './fixtures/phone';
import { FROM_APP } from './fixtures/ports';
import { apiSession } from './fixtures/sdk';
import { clearQueue, conversationRow, createMember, openInbox, type TeamMember, test } from './fixtures/team';

const WHATSAPP_NUMBER = 'whatsapp:+14155238886';
const supervisor: TeamMember = { id: '', email: DEMO.supervisor.email, password: DEMO.password, name: DEMO.supervisor.name, role: 'SUPERVISOR' };

test.beforeEach(async ({ browser }) => clearQueue(browser));

async function send(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

async function nameCustomer(page: Page, name: string) {
  // The phone layout's (closed) details sheet holds a second panel: the visible one is used.
  const panel = page.getByTestId('contact-panel').filter({ visible: true });
  await panel.getByRole('button', { name: 'Edit customer name' }).click();
  await panel.getByRole('textbox', { name: 'Customer name' }).fill(name);
  await panel.getByRole('textbox', { name: 'Customer name' }).press('Enter');
  await expect(panel.getByRole('button', { name: 'Edit customer name' }).getByTestId('inline-value')).toHaveText(name);
}

test('a customer named on SMS writes again on WhatsApp: merged, the new conversation shows the earlier one with its messages and notes', async ({ browser }) => {
  await ensureAutocreation(WHATSAPP_NUMBER);
  const number = uniqueCustomerNumber();
  const agent = await openInbox(browser, await createMember(browser, { name: 'Cam Contacts' }), { available: true });

  const first = (await customerSends({ from: number, to: SMS_NUMBER, body: 'My parcel never came' })).routing.conversation_sid!;
  await conversationRow(agent.page, first).click();
  await nameCustomer(agent.page, 'Dana Whitfield');
  // Names replace numbers: the list names the customer, the number stays in the tooltip.
  await expect(conversationRow(agent.page, first)).toContainText('Dana Whitfield');
  await expect(conversationRow(agent.page, first).getByTitle(number)).toBeVisible();
  await send(agent.page, 'Sorry Dana, resending it today.');
  await expectPhoneReceives(number, (message) => message.body === 'Sorry Dana, resending it today.');
  await agent.page.getByRole('tab', { name: 'Private note' }).click();
  await agent.page.getByRole('textbox', { name: 'Note' }).fill('Resent with tracking 1Z999');
  await agent.page.getByRole('button', { name: 'Add note' }).click();
  await expect(agent.page.getByText('Resent with tracking 1Z999')).toBeVisible();
  await agent.page.getByRole('button', { name: 'Close conversation' }).click();
  await agent.page.getByRole('dialog').getByRole('button', { name: 'Close conversation' }).click();
  await expect(agent.page.getByTestId('composer-disabled')).toContainText('This conversation is closed.');

  const second = (await customerSends({ from: `whatsapp:${number}`, to: WHATSAPP_NUMBER, body: 'Still nothing, writing on WhatsApp' })).routing.conversation_sid!;
  await agent.page.getByRole('tab', { name: 'Open' }).click();
  await conversationRow(agent.page, second).click();
  const panel = agent.page.getByTestId('contact-panel').filter({ visible: true });
  await expect(panel.getByRole('button', { name: 'Edit customer name' }).getByTestId('inline-value')).toHaveText('Add a name');
  await expect(panel.getByRole('heading', { name: 'Earlier conversations (0)' })).toBeVisible();

  await panel.getByRole('textbox', { name: 'Find a contact to merge' }).fill('Dana');
  await panel.getByRole('button', { name: 'Find' }).click();
  await panel.getByRole('list', { name: 'Contacts to merge' }).getByRole('button', { name: 'Merge' }).click();
  await expect(panel.getByRole('button', { name: 'Edit customer name' }).getByTestId('inline-value')).toHaveText('Dana Whitfield');
  await expect(conversationRow(agent.page, second)).toContainText('Dana Whitfield');
  await expect(panel.getByRole('list', { name: 'Addresses' })).toContainText('SMS');
  await expect(panel.getByRole('list', { name: 'Addresses' })).toContainText('WhatsApp');

  const earlier = panel.getByTestId('contact-history-entry');
  await expect(earlier).toHaveCount(1);
  await earlier.getByRole('button', { name: 'Read' }).click();
  const transcript = earlier.getByRole('listitem');
  await expect(transcript.filter({ hasText: 'My parcel never came' })).toContainText('Dana Whitfield');
  await expect(transcript.filter({ hasText: 'Sorry Dana, resending it today.' })).toContainText('Cam Contacts');
  await expect(transcript.filter({ hasText: 'Resent with tracking 1Z999' })).toContainText('Note · Cam Contacts');

  // A new conversation with the person starts from their record, filled in.
  await panel.getByRole('button', { name: 'Start conversation' }).click();
  const dialog = agent.page.getByRole('dialog', { name: 'New conversation' });
  await expect(dialog.getByLabel('Customer’s number')).toHaveValue(number);
  await expect(dialog.getByLabel('Customer’s name (optional)')).toHaveValue('Dana Whitfield');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The merge can be taken back: the WhatsApp contact is on its own again.
  await panel.getByRole('button', { name: 'Undo the last merge' }).click();
  await expect(panel.getByRole('heading', { name: 'Earlier conversations (0)' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Edit customer name' }).getByTestId('inline-value')).toHaveText('Add a name');
  await agent.close();
});

test('after a transfer the receiving agent sees the previous agent’s and the supervisor’s names on their messages', async ({ browser }) => {
  const number = uniqueCustomerNumber();
  const amy = await openInbox(browser, await createMember(browser, { name: 'Amy Earlier' }), { available: true });
  const boMember = await createMember(browser, { name: 'Bo Later' });
  const sid = (await customerSends({ from: number, to: SMS_NUMBER, body: 'Where is my order?' })).routing.conversation_sid!;
  await conversationRow(amy.page, sid).click();
  await send(amy.page, 'Checking the warehouse now.');
  await expectPhoneReceives(number, (message) => message.body === 'Checking the warehouse now.');
  await amy.close();

  const sam = await apiSession(supervisor);
  expect((await sam.post(`/api/conversations/${sid}/messages`, { data: { body: 'A supervisor here, too.' }, headers: FROM_APP })).status()).toBe(201);
  expect((await sam.post(`/api/conversations/${sid}/transfer`, { data: { to: boMember.id }, headers: FROM_APP })).ok()).toBe(true);

  const bo = await openInbox(browser, boMember);
  await conversationRow(bo.page, sid).click();
  const messages = bo.page.getByTestId('message');
  await expect(messages.filter({ hasText: 'Checking the warehouse now.' })).toContainText('Amy Earlier');
  await expect(messages.filter({ hasText: 'A supervisor here, too.' })).toContainText(DEMO.supervisor.name);
  await expect(bo.page.getByTestId('thread')).not.toContainText(/c[a-z0-9]{20,}/);
  await sam.dispose();
  await bo.close();
});

test('a canned response created in another tab is usable without reload and fills its variables; an unmatched "/" search is never sent', async ({ browser }) => {
  const number = uniqueCustomerNumber();
  const agent = await openInbox(browser, await createMember(browser, { name: 'Cy Canned' }), { available: true });
  const sid = (await customerSends({ from: number, to: SMS_NUMBER, body: 'Hello?' })).routing.conversation_sid!;
  await conversationRow(agent.page, sid).click();
  await nameCustomer(agent.page, 'Lee Park');

  const shortcut = `hello-${Date.now().toString(36)}`;
  const box = agent.page.getByRole('textbox', { name: 'Message' });
  // Opened once before it exists: the composer has loaded the team's list already.
  await box.fill(`/${shortcut}`);
  await expect(agent.page.getByRole('listbox', { name: 'Canned responses' })).toContainText('No canned response matches.');
  await box.press('Enter');
  await expect(box).toHaveValue(`/${shortcut}`);

  const sam = await openInbox(browser, supervisor);
  const created = await sam.page.request.post('/api/canned-responses', {
    data: { shortcut, title: 'Greeting', body: 'Hi {{contact.name}}, {{agent.name}} here. How can I help?' },
    headers: FROM_APP,
  });
  expect(created.status()).toBe(201);

  await expect(agent.page.getByRole('option', { name: new RegExp(shortcut) })).toBeVisible();
  await box.press('Enter');
  await expect(box).toHaveValue('Hi Lee Park, Cy Canned here. How can I help?');
  await box.press('Enter');
  await expectPhoneReceives(number, (message) => message.body === 'Hi Lee Park, Cy Canned here. How can I help?');
  expect((await (await agent.page.request.get(`/api/conversations/${sid}/messages`)).json()).messages.map((m: { body: string }) => m.body)).not.toContain(`/${shortcut}`);
  await sam.close();
  await agent.close();
});

test('the agent sees the customer’s Memory profile in the contact panel, refreshed on demand; another agent may not look it up', async ({ browser }) => {
  const number = uniqueCustomerNumber();
  const memory = emulatorClient().memory.v1;
  const store = (await memory.stores.create({ displayName: 'e2e customers' })).id!;
  const profile = (await memory.profiles(store).create({ traits: { contact: { name: 'Noor Haddad', tier: 'gold' } } })).id!;
  await memory.identifiers(store, profile).create({ idType: 'phone', value: number });
  // Memory is in use where a configuration groups by profile with the store; it captures a number
  // nobody texts, so the rest of the run keeps plain inbound autocreation.
  const configurations = emulatorClient().conversations.v2.configurations;
  const displayName = `Profiles ${Date.now().toString(36)}`;
  await configurations.create({
    displayName,
    conversationGroupingType: 'GROUP_BY_PROFILE',
    memoryStoreId: store,
    channelSettings: { SMS: { captureRules: [{ from: '*', to: '+15005550199' }] } },
  } as never);
  await expect.poll(async () => (await configurations.list()).some((c) => c.displayName === displayName)).toBe(true);
  try {
    const agent = await openInbox(browser, await createMember(browser, { name: 'Mo Memory' }), { available: true });
    const sid = (await customerSends({ from: number, to: SMS_NUMBER, body: 'Is order 1182 on its way?' })).routing.conversation_sid!;
    await conversationRow(agent.page, sid).click();
    const section = agent.page.getByTestId('contact-panel').filter({ visible: true }).getByRole('region', { name: 'Memory profile' });
    await expect(section).toContainText(profile);
    const traits = section.getByRole('definition');
    await expect(traits).toHaveText(['Noor Haddad', 'gold']);

    await memory.profiles(store, profile).patch({ traits: { contact: { tier: 'platinum' } } });
    await section.getByRole('button', { name: 'Refresh' }).click();
    await expect(traits).toHaveText(['Noor Haddad', 'platinum']);

    // Who may not see the contact may not look their profile up either.
    const contactId = (await (await agent.page.request.get(`/api/conversations/${sid}/contact`)).json()).contact.id as string;
    expect((await agent.page.request.post(`/api/contacts/${contactId}/memory-profile`, { data: {}, headers: FROM_APP })).status()).toBe(200);
    const other = await apiSession(await createMember(browser, { name: 'Ola Outsider' }));
    expect((await other.post(`/api/contacts/${contactId}/memory-profile`, { data: {}, headers: FROM_APP })).status()).toBe(404);
    await other.dispose();
    await agent.close();
  } finally {
    for (const c of await configurations.list()) if (c.displayName === displayName) await configurations(c.id!).remove();
  }
});
