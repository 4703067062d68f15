import { test, expect } from './fixtures';

test('a backup taken from the UI restores the projects as they were, keeping the replaced database as a backup', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('new-project-name').fill('Kept');
  await page.getByTestId('create-project').click();
  await expect(page.getByTestId('project-item').filter({ hasText: 'Kept' })).toBeVisible();

  await page.getByTestId('open-backups').click();
  await expect(page.getByTestId('backups-dialog')).toBeVisible();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backups-message')).toContainText('Saved');
  const rowsAfterBackup = await page.getByTestId('backup-row').count();
  expect(rowsAfterBackup).toBeGreaterThanOrEqual(1);
  await page.getByTestId('close-backups').click();

  await page.getByTestId('new-project-name').fill('Made later');
  await page.getByTestId('create-project').click();
  await expect(page.getByTestId('project-item').filter({ hasText: 'Made later' })).toBeVisible();

  await page.getByTestId('open-backups').click();
  // Newest first: the manual backup is the first row.
  await page.getByTestId('backup-row').filter({ hasText: 'manual' }).first().getByTestId('restore-backup').click();
  await page.locator('dialog[open]').getByTestId('confirm-ok').click();
  await expect(page.getByTestId('backups-message')).toContainText('Restored');
  await expect(page.getByTestId('backup-row').filter({ hasText: 'before-restore' })).toHaveCount(1);
  await app.shot('backups');
  await page.getByTestId('close-backups').click();
  await expect(page.getByTestId('project-item').filter({ hasText: 'Kept' })).toBeVisible();
  await expect(page.getByTestId('project-item').filter({ hasText: 'Made later' })).toHaveCount(0);
});
