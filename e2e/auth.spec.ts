import { expect } from '@playwright/test';
import { test } from './fixtures/console-errors';
import { DEMO, signInWithApi, signInWithForm, uniqueEmail } from './fixtures/auth';
import { THROTTLE_POLICY } from '../lib/auth/login-throttle';
import { FROM_APP } from './fixtures/ports';
import { createMember } from './fixtures/team';

test('an agent signs in and lands on their inbox with their name', async ({ page }) => {
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/login/);
  await signInWithForm(page, DEMO.agent.email);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByTestId('current-user-name')).toHaveText(DEMO.agent.name);
  await expect(page.getByText('Agent', { exact: true })).toBeVisible();
  // Agents get no supervisor or team links.
  await expect(page.getByRole('link', { name: 'Supervisor' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Team' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/login/);
});

test('100 parallel wrong passwords: the lock engages after the limit, the right one is refused, and no URL carries error details', async ({ browser, request }) => {
  const target = await createMember(browser, { name: 'Tess Target' });
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  // Each guess claims its own address (no proxy is trusted here), so only the per-account lock stops them.
  const attempt = async (password: string, i: number) => {
    const response = await request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: target.email, password, json: 'true' },
      headers: { 'x-forwarded-for': `198.18.${i >> 8}.${i & 255}` },
    });
    const { url } = (await response.json()) as { url: string };
    return new URL(url).searchParams.get('error');
  };
  const errors = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(`guess-number-${i}`, i)));
  // Only fixed codes reach the URL: never an exception's text.
  expect(new Set(errors)).toEqual(new Set(['CredentialsSignin', 'Throttled']));
  expect(errors.filter((error) => error === 'CredentialsSignin')).toHaveLength(THROTTLE_POLICY.account.failuresBeforeLock);
  expect(await attempt(target.password, 100)).toBe('Throttled');
});

test('a wrong password shows an error and creates no session', async ({ page }) => {
  await signInWithForm(page, DEMO.agent.email, 'not-the-password');
  await expect(page.locator('form').getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(/\/login/);
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(session).toEqual({});
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/login/);
});

test('an agent opening the team admin gets the 403 page, and its API answers 403', async ({ page }) => {
  await signInWithApi(page.request, DEMO.agent.email);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  expect((await page.request.get('/api/admin/users')).status()).toBe(403);
  expect((await page.request.post('/api/admin/users', { data: {}, headers: FROM_APP })).status()).toBe(403);
});

test('supervisors see the supervisor console link and admins the team link', async ({ browser }) => {
  for (const [user, links] of [
    [DEMO.supervisor, ['Supervisor']],
    [DEMO.admin, ['Supervisor', 'Team']],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithApi(page.request, user.email);
    await page.goto('/inbox');
    for (const name of links) await expect(page.getByRole('link', { name })).toBeVisible();
    await context.close();
  }
});

test('an admin creates a user who can then sign in', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInWithApi(admin.request, DEMO.admin.email);
  await admin.goto('/admin/users');

  const email = uniqueEmail('kim');
  const form = admin.getByRole('form', { name: 'Add a team member' });
  await form.getByLabel('Name').fill('Kim Lee');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Initial password').fill('short');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(form.getByText('Use at least 10 characters.')).toBeVisible();

  // Long enough but easy to guess: the server says why, beside the field.
  await form.getByLabel('Initial password').fill('aaaaaaaaaa');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(form.getByText('Too easy to guess. Repeated characters like "aaa" are easy to guess.')).toBeVisible();
  await expect(admin.getByTestId(`team-member-${email}`)).toHaveCount(0);

  await form.getByLabel('Initial password').fill('kims-first-password');
  await form.getByLabel('Role').selectOption('SUPERVISOR');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(form.getByRole('status')).toHaveText(`Added ${email}.`);
  await expect(admin.getByTestId(`team-member-${email}`).getByLabel(`Name of ${email}`)).toHaveValue('Kim Lee');

  // The same email again is refused with a clear message, and nothing is added.
  await form.getByLabel('Name').fill('Kim Again');
  await form.getByLabel('Email').fill(email.toUpperCase());
  await form.getByLabel('Initial password').fill('another-password');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(form.getByRole('alert')).toHaveText(`A user with the email ${email} already exists.`);
  await expect(admin.getByTestId(`team-member-${email}`)).toHaveCount(1);

  const kimContext = await browser.newContext();
  const kim = await kimContext.newPage();
  await signInWithForm(kim, email, 'kims-first-password');
  await expect(kim.getByTestId('current-user-name')).toHaveText('Kim Lee');
  await expect(kim.getByRole('link', { name: 'Supervisor' })).toBeVisible();
  await adminContext.close();
  await kimContext.close();
});

test('a disabled user is signed out on their next request', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInWithApi(admin.request, DEMO.admin.email);
  const email = uniqueEmail('dana');
  const created = await admin.request.post('/api/admin/users', {
    data: { email, name: 'Dana Cruz', password: 'danas-password', role: 'AGENT' },
    headers: FROM_APP,
  });
  expect(created.status()).toBe(201);

  const danaContext = await browser.newContext();
  const dana = await danaContext.newPage();
  await signInWithForm(dana, email, 'danas-password');
  await expect(dana.getByTestId('current-user-name')).toHaveText('Dana Cruz');

  await admin.goto('/admin/users');
  await admin.getByTestId(`team-member-${email}`).getByRole('button', { name: 'Disable' }).click();
  await admin.getByRole('dialog', { name: 'Disable Dana Cruz?' }).getByRole('button', { name: 'Disable' }).click();
  await expect(admin.getByTestId(`team-member-${email}`)).toContainText('Disabled');

  await dana.reload();
  await expect(dana).toHaveURL(/\/login\?reason=disabled/);
  await expect(dana.getByText('Your account was disabled, so you were signed out.')).toBeVisible();
  expect((await dana.request.get('/api/admin/users')).status()).toBe(401);
  await dana.goto('/inbox');
  await expect(dana).toHaveURL(/\/login/);

  // And the password no longer signs them in.
  await signInWithForm(dana, email, 'danas-password');
  await expect(dana.locator('form').getByRole('alert')).toHaveText('This account is disabled. Ask an admin to enable it.');
  await adminContext.close();
  await danaContext.close();
});
