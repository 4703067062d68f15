import { test, expect } from './fixtures';
import { runsOverD } from './uiActions';


test('three runs compared side by side with linked panels, an overlay and a parameter diff', async ({ app }) => {
  const { page } = app;
  await runsOverD(app, 'Compare');
  const boxes = page.getByTestId('select-run');
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await page.getByTestId('compare-selected').click();
  await expect(page).toHaveURL(/#\/compare\?runs=\d+,\d+,\d+/);

  const panels = page.getByTestId('compare-panel');
  await expect(panels).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(panels.nth(i).getByTestId('chart')).toHaveAttribute('data-series', /histogram.*theory/);
    expect(await panels.nth(i).locator('svg path').count()).toBeGreaterThan(10);
  }
  // Linked: hovering one panel shows the tooltip machinery on the others too (one echarts.connect group).
  const groups = await page.getByTestId('compare-panel').getByTestId('chart').evaluateAll((els) => els.length);
  expect(groups).toBe(3);

  const diff = page.getByTestId('param-diff');
  await expect(diff.locator('tr[data-param="d"]')).toHaveAttribute('data-differs', 'true');
  await expect(diff.locator('tr[data-param="n"]')).toHaveAttribute('data-differs', 'false');
  // Same engine for all three runs: listed, not flagged.
  await expect(diff.locator('tr[data-param="engine"]')).toHaveAttribute('data-differs', 'false');
  await expect(diff.locator('tr[data-differs="true"]')).toHaveCount(2); // d and the seed
  await app.shot('compare');

  await page.getByTestId('overlay-toggle').check();
  const overlay = page.getByTestId('overlay-chart').getByTestId('chart');
  for (const d of ['d=300', 'd=400', 'd=600']) await expect(overlay).toHaveAttribute('data-series', new RegExp(`(^|,)${d}(,|$)`));
  await expect(overlay.locator('svg text').filter({ hasText: 'd=400' }).first()).toBeVisible();
  expect(await overlay.locator('svg path').count()).toBeGreaterThan(6);
  await app.shot('compare-overlay');
});

test('tags and notes on runs: filter by tag, and everything survives a restart', async ({ app }) => {
  const { page } = app;
  await runsOverD(app, 'Tags');
  const ids = await page.getByTestId('run-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-run-id')!));
  for (const id of ids.slice(0, 2)) {
    await page.locator(`[data-testid="run-row"][data-run-id="${id}"]`).click();
    await page.getByTestId('run-tags').fill('paper, fig-2');
    await page.getByTestId('save-tags').click();
    await expect(page.getByTestId('save-tags')).toBeDisabled();
    if (id === ids[0]) {
      await page.getByTestId('run-note').fill('bulk matches MP within 2%');
      await page.getByTestId('save-note').click();
      await expect(page.getByTestId('save-note')).toBeDisabled();
    }
    await page.getByTestId('project-item').filter({ hasText: 'Tags' }).getByText('Tags').click();
  }
  await page.getByTestId('tag-filter').selectOption('paper');
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await page.getByTestId('history-query').fill('d >= 500');
  await page.getByTestId('history-query').press('Enter');
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  await page.getByTestId('history-query').fill('d >=');
  await page.getByTestId('history-query').press('Enter');
  await expect(page.getByTestId('history-error')).toContainText(/Expected a value/);

  await app.restart();
  await page.getByTestId('project-item').filter({ hasText: 'Tags' }).getByText('Tags').click();
  await page.getByTestId('tag-filter').selectOption('fig-2');
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await app.shot('history');
  await page.locator(`[data-testid="run-row"][data-run-id="${ids[0]}"]`).click();
  await expect(page.getByTestId('run-note')).toHaveValue('bulk matches MP within 2%');
  await expect(page.getByTestId('run-tags')).toHaveValue(/paper/);

  // Re-run with the same seed: a new run with the same seed.
  const seed = await page.getByTestId('run-seed').textContent();
  await page.getByTestId('rerun-same-seed').click();
  await expect(page).not.toHaveURL(new RegExp(`#/run/${ids[0]}$`));
  await expect(page.getByTestId('run-seed')).toHaveText(seed!);
  await expect(page.getByTestId('run-status')).toHaveText(/done/i, { timeout: 120_000 });
});
