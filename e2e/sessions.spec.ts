import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { DEMO, signInWithApi, signInWithForm } from './fixtures/auth';
import { FROM_APP } from './fixtures/ports';
import { createMember, type TeamMember } from './fixtures/team';

/** A browser context signed in as `member`, and the session cookie it holds (to replay later). */
async function signedIn(browser: Browser, member: Pick<TeamMember, 'email' | 'password'>) {
  const context = await browser.newContext();
  await signInWithApi(context.request, member.email, member.password);
  const cookies = await context.cookies();
  expect(cookies.some((cookie) => cookie.name.includes('next-auth.session-token'))).toBe(true);
  return { context, cookies };
}

/** What the API answers a request carrying only these cookies. */
async function replay(browser: Browser, cookies: Awaited<ReturnType<typeof signedIn>>['cookies']) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const statuses = { team: (await context.request.get('/api/team')).status(), token: (await context.request.get('/api/token')).status() };
  await context.close();
  return statuses;
}

async function signOutViaNextAuth(request: APIRequestContext) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  expect((await request.post('/api/auth/signout', { form: { csrfToken, json: 'true' } })).ok()).toBe(true);
}

test('the cookie of a signed-out session is refused, even replayed from elsewhere', async ({ browser }) => {
  const session = await signedIn(browser, { email: DEMO.otherAgent.email, password: DEMO.password });
  expect(await replay(browser, session.cookies)).toEqual({ team: 200, token: 200 });
  await signOutViaNextAuth(session.context.request);
  expect(await replay(browser, session.cookies)).toEqual({ team: 401, token: 401 });
  await session.context.close();
});

test('"Sign out everywhere" ends every session of the user, in every browser', async ({ browser }) => {
  const member = await createMember(browser, { name: 'Sol Everywhere' });
  const laptop = await browser.newContext();
  const page = await laptop.newPage();
  await signInWithForm(page, member.email, member.password);
  await expect(page.getByTestId('current-user-name')).toHaveText(member.name);
  const phone = await signedIn(browser, member);
  expect(await replay(browser, phone.cookies)).toEqual({ team: 200, token: 200 });

  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await replay(browser, phone.cookies)).toEqual({ team: 401, token: 401 });
  // The other browser's next page load sends it to sign in again, saying why.
  const other = await phone.context.newPage();
  await other.goto('/inbox');
  await expect(other).toHaveURL(/\/login\?reason=ended/);
  await expect(other.getByText('Your session has ended. Sign in again to continue.')).toBeVisible();
  await laptop.close();
  await phone.context.close();
});

test('an admin’s password reset, and an admin’s "Sign out everywhere", end every older session', async ({ browser }) => {
  const member = await createMember(browser, { name: 'Rae Reset' });
  const before = await signedIn(browser, member);
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInWithApi(admin.request, DEMO.admin.email);
  await adminPage.goto('/admin/users');
  const row = adminPage.getByTestId(`team-member-${member.email}`);

  // An easy password is refused with the reason beside the field, and nothing changes.
  await row.getByRole('button', { name: 'Reset password' }).click();
  await row.getByLabel(`New password for ${member.name}`).fill('1234567890');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByText(/^Too easy to guess\./)).toBeVisible();
  await expect(row.getByLabel(`New password for ${member.name}`)).toHaveAttribute('aria-invalid', 'true');
  expect(await replay(browser, before.cookies)).toEqual({ team: 200, token: 200 });

  await row.getByLabel(`New password for ${member.name}`).fill('violet tundra lantern 42');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByRole('status')).toHaveText('Password reset. They were signed out everywhere.');
  expect(await replay(browser, before.cookies)).toEqual({ team: 401, token: 401 });

  // Signed in again with the new password; the admin signs them out of everywhere.
  const after = await signedIn(browser, { email: member.email, password: 'violet tundra lantern 42' });
  expect(await replay(browser, after.cookies)).toEqual({ team: 200, token: 200 });
  await row.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(row.getByRole('status')).toHaveText('Signed out everywhere.');
  expect(await replay(browser, after.cookies)).toEqual({ team: 401, token: 401 });

  // The admin's own session is untouched.
  expect((await admin.request.get('/api/team')).status()).toBe(200);
  // And the API refuses a revocation for nobody.
  expect((await admin.request.delete('/api/admin/users/nobody/sessions', { headers: { ...FROM_APP, 'content-type': 'application/json' } })).status()).toBe(404);
  for (const context of [before.context, after.context, admin]) await context.close();
});
