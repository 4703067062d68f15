import { test, expect } from './fixtures';
import { createExperiment, setField } from './uiActions';

test('a sweep of d over five values with two repeats plots simulation against theory and survives a restart', async ({ app }) => {
  const { page } = app;
  await createExperiment(app, 'Edge of MP', 'mp-sanity', 'edge vs d');
  await setField(app, 'n', '200');
  await setField(app, 'd', '200');

  await page.getByTestId('sweep-experiment').click();
  const dialog = page.getByTestId('sweep-dialog');
  await expect(dialog).toBeVisible();
  // The parameter list is the numeric leaves of the current parameters.
  const options = await page.getByTestId('sweep-param').locator('option').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
  expect(options).toEqual(expect.arrayContaining(['n', 'd', 'bins']));
  expect(options).not.toContain('entries');
  await page.getByTestId('sweep-param').selectOption('d');

  // A refused value is shown on the values input and nothing starts.
  await page.getByTestId('sweep-values').fill('100, 0, 200');
  await page.getByTestId('sweep-repeats').fill('2');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-error')).toContainText(/Value 2.*d = 0/);
  await expect(page.getByTestId('sweep-values')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();

  // Generated values: 100 → 400, log-spaced, rounded to whole numbers.
  await page.getByTestId('sweep-from').fill('100');
  await page.getByTestId('sweep-to').fill('400');
  await page.getByTestId('sweep-count').fill('3');
  await page.getByTestId('sweep-scale').selectOption('log');
  await expect(page.getByTestId('sweep-preview')).toContainText('100, 200, 400');

  await page.getByTestId('sweep-values').fill('100, 150, 200, 300, 400');
  await expect(page.getByTestId('sweep-preview')).toContainText('5 values');
  await app.shot('sweep-dialog');
  await page.getByTestId('sweep-start').click();

  // The sweep page: 10 runs finish, progress reaches 100.
  await expect(page).toHaveURL(/#\/sweep\/\d+$/);
  const sweepHash = new URL(page.url()).hash;
  await expect(page.getByTestId('sweep-run-row')).toHaveCount(10);
  await expect(page.getByTestId('sweep-progress')).toHaveAttribute('aria-valuenow', '100', { timeout: 150_000 });
  await expect(page.getByTestId('sweep-run-row').and(page.locator('[data-status="done"]'))).toHaveCount(10);
  await expect(page.getByTestId('cancel-sweep')).toHaveCount(0);

  const edge = page.getByTestId('sweep-panel').filter({ hasText: 'largest eigenvalue' }).getByTestId('chart');
  await expect(edge).toHaveAttribute('data-series', /largest eigenvalue \(simulation\)/);
  await expect(edge).toHaveAttribute('data-series', /largest eigenvalue \(theory\)/);
  await expect(edge.locator('svg')).toBeVisible();
  // Five dots with error bars (simulation), the theory line and the axes.
  expect(await edge.locator('svg path').count()).toBeGreaterThan(20);
  await expect(page.getByTestId('sweep-panel')).toHaveCount(3);
  await app.shot('sweep');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.shot('sweep-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('sweep-run-row').last().scrollIntoViewIfNeeded();
  await app.shot('sweep-runs');

  await page.getByTestId('sweep-log-x').check();
  await expect(edge).toHaveAttribute('data-series', /simulation.*theory|theory.*simulation/);
  await page.getByTestId('sweep-panel').first().scrollIntoViewIfNeeded();
  await app.shot('sweep-log-x');

  // Restart the server: the project lists the sweep, complete, and its page draws again.
  await app.restart();
  await page.getByTestId('project-item').filter({ hasText: 'Edge of MP' }).getByText('Edge of MP').click();
  const row = page.getByTestId('sweep-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('sweep-row-progress')).toHaveAttribute('aria-valuenow', '100');
  await expect(row).toContainText('10');
  await app.shot('project-sweeps');
  await row.click();
  expect(new URL(page.url()).hash).toBe(sweepHash);
  await expect(page.getByTestId('sweep-progress')).toHaveAttribute('aria-valuenow', '100');
  const chart = page.getByTestId('sweep-panel').filter({ hasText: 'largest eigenvalue' }).getByTestId('chart');
  await expect(chart).toHaveAttribute('data-series', /simulation/);
  await expect(chart).toHaveAttribute('data-series', /theory/);

  // A run row leads to that run.
  await page.getByTestId('sweep-run-row').first().click();
  await expect(page).toHaveURL(/#\/run\/\d+$/);
  await expect(page.getByTestId('run-status')).toHaveText(/done/i);
});

test('a running sweep updates live and Cancel all stops what is left', async ({ app }) => {
  const { page } = app;
  await createExperiment(app, 'Cancel me', 'mp-sanity', 'big');
  await setField(app, 'n', '1500');
  await page.getByTestId('sweep-experiment').click();
  await page.getByTestId('sweep-param').selectOption('d');
  await page.getByTestId('sweep-from').fill('1000');
  await page.getByTestId('sweep-to').fill('3000');
  await page.getByTestId('sweep-count').fill('6');
  await page.getByTestId('sweep-scale').selectOption('linear');
  await page.getByTestId('sweep-repeats').fill('3');
  await expect(page.getByTestId('sweep-preview')).toContainText('6 values: 1000, 1400, 1800, 2200, 2600, 3000');
  await page.getByTestId('sweep-start').click();

  await expect(page).toHaveURL(/#\/sweep\/\d+$/);
  await expect(page.getByTestId('sweep-run-row')).toHaveCount(18);
  // Live: the first run finishes and is counted without a reload.
  await expect(page.getByTestId('sweep-count-done')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('sweep-progress')).not.toHaveAttribute('aria-valuenow', '100');
  await app.shot('sweep-running');
  await page.getByTestId('cancel-sweep').click();
  await expect(page.getByTestId('sweep-count-cancelled')).toBeVisible();
  await expect(page.getByTestId('sweep-progress')).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByTestId('cancel-sweep')).toHaveCount(0);
  await expect(page.locator('[data-testid="sweep-run-row"][data-status="queued"]')).toHaveCount(0);
});
