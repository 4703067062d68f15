import { test, expect, TARGET } from './fixtures';
import { createExperiment, setField } from './uiActions';

test('a project with an mp-sanity experiment runs to 100%, charts histogram and theory, and survives a restart', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('connection-status')).toBeVisible();
  await app.shot('projects-empty');
  await createExperiment(app, 'Marchenko–Pastur', 'mp-sanity', 'wishart');
  await setField(app, 'n', '400');
  await setField(app, 'd', '800');
  await app.shot('experiment-editor');
  await page.getByTestId('run-experiment').click();

  // The run page: progress reaches 100 %, status done, the chart has both series.
  await expect(page.getByTestId('run-status')).toHaveText(/done/i, { timeout: 120_000 });
  await expect(page.getByTestId('run-progress')).toHaveAttribute('aria-valuenow', '100');
  const chart = page.getByTestId('chart').first();
  await expect(chart).toHaveAttribute('data-series', /histogram/);
  await expect(chart).toHaveAttribute('data-series', /theory/);
  await expect(chart.locator('svg')).toBeVisible();
  expect(await chart.locator('svg path').count()).toBeGreaterThan(20); // bars + curve + axes
  await app.shot('run');
  const runUrl = new URL(page.url()).hash;

  // Stop and start the server: everything is still there.
  await app.restart();
  await expect(page.getByTestId('project-item').filter({ hasText: 'Marchenko–Pastur' })).toBeVisible();
  await page.getByTestId('project-item').filter({ hasText: 'Marchenko–Pastur' }).getByText('Marchenko–Pastur').click();
  await expect(page.getByTestId('experiment-item').filter({ hasText: 'wishart' })).toBeVisible();
  const row = page.getByTestId('run-row').first();
  await expect(row).toHaveAttribute('data-status', 'done');
  await app.shot('project');
  await row.click();
  expect(new URL(page.url()).hash).toBe(runUrl);
  await expect(page.getByTestId('run-status')).toHaveText(/done/i);
  await expect(page.getByTestId('chart').first()).toHaveAttribute('data-series', /histogram.*theory|theory.*histogram/);
});

test('bad parameters show a message naming the field and create no run', async ({ app }) => {
  const { page } = app;
  await createExperiment(app, 'Validation', 'mp-sanity', 'bad');
  const cases: [string, string, RegExp][] = [
    ['n', '-5', /at least 2|≥ 2/i],
    ['d', 'abc', /number/i],
    ['n', '1000000000', /at most 20\s?000|≤ 20\s?000/i],
  ];
  for (const [field, value, message] of cases) {
    await setField(app, field, value);
    await page.getByTestId('run-experiment').click();
    await expect(page.getByTestId(`error-${field}`)).toContainText(message);
    await setField(app, field, field === 'n' ? '100' : '200');
  }
  await app.shot('editor-validation');
  // Nothing was queued: the project's history is empty.
  await page.goto(app.url);
  await page.getByTestId('project-item').filter({ hasText: 'Validation' }).getByText('Validation').click();
  await expect(page.getByTestId('new-experiment')).toBeVisible();
  await expect(page.getByTestId('run-row')).toHaveCount(0);
});

test('web mode refuses requests without the token or from another origin', async ({ app, request }) => {
  test.skip(TARGET === 'electron', 'the desktop app has no HTTP server; IPC sender checks cover it');
  const base = new URL(app.url);
  const root = `${base.protocol}//${base.host}/`;
  // Before any valid request (which sets the session cookie on this request context).
  expect((await request.get(root)).status()).toBe(401);
  expect((await request.get(`${root}?token=wrong`)).status()).toBe(401);
  expect((await request.get(app.url, { headers: { Origin: 'http://evil.example' } })).status()).toBe(403);
  expect((await request.get(app.url, { headers: { Host: 'attacker.example' } })).status()).toBe(403);
  expect((await request.get(app.url)).status()).toBe(200);
});
