import { expect } from '@playwright/test';
import { DEMO } from './fixtures/auth';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { expectHeard, recordLiveEvents } from './fixtures/live-events';
import { customerSends, SMS_NUMBER } from './fixtures/phone';
import { FROM_APP } from './fixtures/ports';
import { apiSession } from './fixtures/sdk';
import { readStream } from './fixtures/sse-reader';
import { clearQueue, conversationRow, createMember, openInbox, type TeamMember, test } from './fixtures/team';

// What the app owns reaches other people's screens down their event stream, as it happens: each
// test checks that the stream delivered the change, then that the screen shows it.

const supervisor: TeamMember = { id: '', email: DEMO.supervisor.email, password: DEMO.password, name: DEMO.supervisor.name, role: 'SUPERVISOR' };

test.beforeEach(async ({ browser }) => clearQueue(browser));

test('a transfer reaches the new owner’s inbox and leaves the old one’s through the stream', async ({ browser }) => {
  const a = await openInbox(browser, await createMember(browser, { name: 'Ava Live' }), { available: true });
  const bo = await createMember(browser, { name: 'Bo Live' });
  const b = await openInbox(browser, bo);
  await recordLiveEvents(a.page);
  await recordLiveEvents(b.page);
  const { routing } = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Can someone help?' });
  const sid = routing.conversation_sid!;
  await expect(conversationRow(a.page, sid)).toBeVisible();

  const sam = await openInbox(browser, supervisor, { path: '/supervisor' });
  const transfer = await sam.page.request.post(`/api/conversations/${sid}/transfer`, { data: { to: bo.id }, headers: FROM_APP });
  expect(transfer.status()).toBe(200);

  await expectHeard(b.page, 'assignment.changed', { conversationSid: sid, toUserId: bo.id });
  await expect(conversationRow(b.page, sid)).toBeVisible();
  await expectHeard(a.page, 'assignment.changed', { conversationSid: sid, fromUserId: a.member.id });
  await expect(conversationRow(a.page, sid)).toHaveCount(0);
  for (const session of [a, b, sam]) await session.close();
});

test('a new note appears on the supervisor’s view of the conversation through the stream', async ({ browser }) => {
  const a = await openInbox(browser, await createMember(browser, { name: 'Noa Live' }), { available: true });
  const { routing } = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'About my order' });
  const sid = routing.conversation_sid!;
  await conversationRow(a.page, sid).click();
  const sam = await openInbox(browser, supervisor, { path: `/supervisor/conversations/${sid}` });
  await recordLiveEvents(sam.page);

  const added = await a.page.request.post(`/api/conversations/${sid}/notes`, { data: { body: 'Customer prefers email follow-up' }, headers: FROM_APP });
  expect(added.status()).toBe(201);

  await expectHeard(sam.page, 'note.added', { conversationSid: sid });
  await expect(sam.page.getByTestId('note')).toContainText('Customer prefers email follow-up');
  for (const session of [a, sam]) await session.close();
});

test('a newly queued conversation appears on the supervisor console through the stream', async ({ browser }) => {
  const sam = await openInbox(browser, supervisor, { path: '/supervisor' });
  await recordLiveEvents(sam.page);
  // Nobody is available: the text waits in the queue.
  const { routing } = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Anyone there?' });
  const sid = routing.conversation_sid!;

  await expectHeard(sam.page, 'assignment.changed', { conversationSid: sid, queueChanged: true });
  await expect(sam.page.getByTestId(`floor-conversation-${sid}`)).toBeVisible();
  await expect(sam.page.getByTestId('queue-count')).toHaveText('1');
  await sam.close();
});

test('a canned response added by a supervisor shows in an agent’s open picker through the stream', async ({ browser }) => {
  const a = await openInbox(browser, await createMember(browser, { name: 'Cy Live' }), { available: true });
  const { routing } = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Return policy?' });
  await conversationRow(a.page, routing.conversation_sid!).click();
  await recordLiveEvents(a.page);
  const shortcut = `ret${Date.now() % 1_000_000}`;
  const box = a.page.getByRole('textbox', { name: 'Message' });
  await box.fill(`/${shortcut}`);
  const picker = a.page.getByRole('listbox', { name: 'Canned responses' });
  await expect(picker).toContainText('No canned response matches.');

  const sam = await openInbox(browser, supervisor, { path: '/supervisor' });
  const created = await sam.page.request.post('/api/canned-responses', { data: { shortcut, title: 'Returns', body: 'Returns are free within 30 days.' }, headers: FROM_APP });
  expect(created.status()).toBe(201);

  await expectHeard(a.page, 'canned-responses.changed', {});
  await expect(picker).toContainText('Returns');
  for (const session of [a, sam]) await session.close();
});

test('a viewer who leaves disappears from the other agent’s viewing notice', async ({ browser }) => {
  const a = await openInbox(browser, await createMember(browser, { name: 'Vi Watched' }), { available: true });
  const { routing } = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Hi there' });
  const sid = routing.conversation_sid!;
  await conversationRow(a.page, sid).click();
  await recordLiveEvents(a.page);

  const sam = await openInbox(browser, supervisor, { path: `/supervisor/conversations/${sid}` });
  await expect(a.page.getByTestId('collision-notice')).toHaveText('Sam Rivera is viewing');
  // Sam closes the tab: the stream's end is the viewer leaving.
  await sam.close();
  await expectHeard(a.page, 'viewer.changed', { conversationSid: null, name: 'Sam Rivera' });
  await expect(a.page.getByTestId('collision-notice')).toHaveCount(0);
  await a.close();
});

test('a supervisor using the console shows as online, and offline once they leave', async ({ browser }) => {
  const sue = await createMember(browser, { name: 'Sue Console', role: 'SUPERVISOR' });
  const sam = await openInbox(browser, supervisor, { path: '/supervisor' });
  await recordLiveEvents(sam.page);
  const suesRow = sam.page.getByTestId(`agent-${sue.id}`);
  await expect(suesRow).toContainText('Offline');

  const console = await openInbox(browser, sue, { path: '/supervisor' });
  await expectHeard(sam.page, 'team.changed', { userId: sue.id });
  await expect(suesRow).toContainText('Online');
  const team = (await (await sam.page.request.get('/api/team')).json()) as { team: { id: string; online: boolean }[] };
  expect(team.team.find((member) => member.id === sue.id)?.online).toBe(true);

  await console.close();
  await expect(suesRow).toContainText('Offline');
  await sam.close();
});

test('a reconnecting stream receives the events it missed', async ({ browser, baseURL }) => {
  const a = await openInbox(browser, await createMember(browser, { name: 'Rey Live' }), { available: true });
  const { routing } = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Still waiting' });
  const sid = routing.conversation_sid!;
  await expect(conversationRow(a.page, sid)).toBeVisible();
  const cookie = (await a.context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
  const addNote = async (body: string) => {
    const response = await a.page.request.post(`/api/conversations/${sid}/notes`, { data: { body }, headers: FROM_APP });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { note: { id: string } }).note.id;
  };

  // Another agent, who may not see Rey's conversation, hears none of its notes.
  const outsider = await apiSession(await createMember(browser, { name: 'Oz Outsider' }));
  const outsiderStream = await readStream(`${baseURL}/api/live`, { cookie: (await outsider.storageState()).cookies.map(({ name, value }) => `${name}=${value}`).join('; ') });

  // A stream hears the first note, then drops.
  const first = await readStream(`${baseURL}/api/live`, { cookie });
  const firstNote = await addNote('Before the drop');
  const heard = await first.next((event) => event.data?.kind === 'note.added' && event.data.data.noteId === firstNote);
  first.close();

  // Two notes while it is away; it comes back saying where it stopped.
  const missed = [await addNote('Missed one'), await addNote('Missed two')];
  const again = await readStream(`${baseURL}/api/live`, { cookie, lastEventId: heard.id! });
  for (const noteId of missed) await again.next((event) => event.data?.kind === 'note.added' && event.data.data.noteId === noteId);
  again.close();
  // Every stream hears of a new teammate: the outsider's next word about either is that one.
  const newcomer = await createMember(browser, { name: 'Nat Newcomer' });
  const heardByOutsider = await outsiderStream.next((event) => (event.data?.kind === 'note.added' && event.data.data.conversationSid === sid) || (event.data?.kind === 'team.changed' && event.data.data.userId === newcomer.id));
  expect(heardByOutsider.data?.kind).toBe('team.changed');
  outsiderStream.close();
  await outsider.dispose();
  await a.close();
});

test('a new role ends the person’s event stream at once: nothing published after it reaches them', async ({ browser, baseURL }) => {
  const member = await createMember(browser, { name: 'Rob Promoted' });
  const session = await apiSession(member);
  const cookie = (await session.storageState()).cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
  const stream = await readStream(`${baseURL}/api/live`, { cookie });
  const admin = await apiSession({ email: DEMO.admin.email, password: DEMO.password });
  expect((await admin.patch(`/api/admin/users/${member.id}`, { data: { role: 'SUPERVISOR' } })).status()).toBe(200);
  // Every stream hears about a new teammate; Rob's ended with his own change, before it.
  const newcomer = await createMember(browser, { name: 'Nia Newcomer' });
  await stream.next((event) => event.data?.kind === 'team.changed' && event.data.data.userId === member.id);
  await expect(stream.next((event) => event.data?.kind === 'team.changed' && event.data.data.userId === newcomer.id)).rejects.toThrow('the stream ended');
  await Promise.all([session.dispose(), admin.dispose()]);
});
