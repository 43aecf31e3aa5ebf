import { expect, type Page } from '@playwright/test';
import { DEMO, signInWithApi } from './fixtures/auth';
import { FROM_APP } from './fixtures/ports';
import { createMember, test } from './fixtures/team';

async function signedInAdmin(page: Page, path: string) {
  await signInWithApi(page.request, DEMO.admin.email);
  await page.goto(path);
}

test('disabling someone asks first; cancelling keeps them active', async ({ browser, page }) => {
  const member = await createMember(browser, { name: 'Cara Confirm' });
  await signedInAdmin(page, '/admin/users');
  const row = page.getByTestId(`team-member-${member.email}`);

  await row.getByRole('button', { name: 'Disable' }).click();
  const dialog = page.getByRole('dialog', { name: 'Disable Cara Confirm?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(row).toContainText('Active');

  await row.getByRole('button', { name: 'Disable' }).click();
  await dialog.getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('Disabled');
  await page.reload();
  await expect(row).toContainText('Disabled');
  // Enabling again restores access, so it needs no question.
  await row.getByRole('button', { name: 'Enable' }).click();
  await expect(row).toContainText('Active');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a role change asks first; cancelling leaves the role as it was', async ({ browser, page }) => {
  const member = await createMember(browser, { name: 'Rory Role' });
  await signedInAdmin(page, '/admin/users');
  const role = page.getByRole('combobox', { name: 'Role of Rory Role' });

  await role.selectOption('SUPERVISOR');
  const dialog = page.getByRole('dialog', { name: 'Make Rory Role a supervisor?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(role).toHaveValue('AGENT');
  await page.reload();
  await expect(role).toHaveValue('AGENT');

  await role.selectOption('ADMIN');
  await page.getByRole('dialog', { name: 'Make Rory Role an admin?' }).getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.reload();
  await expect(page.getByTestId(`team-member-${member.email}`).getByRole('combobox', { name: 'Role of Rory Role' })).toHaveValue('ADMIN');
});

test('deleting a canned response asks first', async ({ page }) => {
  await signInWithApi(page.request, DEMO.admin.email);
  const shortcut = `confirm-${Date.now()}`;
  const created = await page.request.post('/api/canned-responses', { data: { shortcut, title: 'Goodbye text', body: 'Bye for now' }, headers: FROM_APP });
  expect(created.status()).toBe(201);
  await page.goto('/supervisor/canned-responses');
  const list = page.getByRole('list', { name: 'Canned responses' });
  const item = list.getByRole('listitem').filter({ hasText: `/${shortcut}` });

  await item.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete /${shortcut}?` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(item).toBeVisible();

  await item.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(item).toHaveCount(0);
  await page.reload();
  await expect(item).toHaveCount(0);
});
