import { test, expect, type WorkbenchApp } from './fixtures';
import { createExperiment, setField } from './uiActions';

/** Opens the sweep dialog on the open experiment, sweeps `param` over `values`, and waits for completion. */
async function sweep(app: WorkbenchApp, param: string, values: string, repeats: string): Promise<string> {
  const { page } = app;
  await page.getByTestId('sweep-experiment').click();
  await page.getByTestId('sweep-param').selectOption(param);
  await page.getByTestId('sweep-values').fill(values);
  await page.getByTestId('sweep-repeats').fill(repeats);
  await page.getByTestId('sweep-start').click();
  await expect(page).toHaveURL(/#\/sweep\/\d+$/);
  await expect(page.getByTestId('sweep-progress')).toHaveAttribute('aria-valuenow', '100', { timeout: 170_000 });
  return new URL(page.url()).hash;
}

test('a θ sweep across the BBP threshold plots alignment and outliers against theory, and survives a restart', async ({ app }) => {
  const { page } = app;
  await createExperiment(app, 'Spikes', 'spike', 'theta sweep');
  await setField(app, 'n', '300');
  await setField(app, 'd0', '300');
  await setField(app, 'widths', '400');
  await setField(app, 'repeats', '1');
  // θ from below √γ₀ = 1 to well above: the phase transition.
  const hash = await sweep(app, 'model.theta.0', '0.5, 1, 2, 4, 8', '2');
  await expect(page.locator('[data-testid="sweep-run-row"][data-status="done"]')).toHaveCount(10);
  const alignment = page.getByTestId('sweep-panel').filter({ hasText: 'alignment layer 1' }).getByTestId('chart');
  await expect(alignment).toHaveAttribute('data-series', /alignment layer 1 \(simulation\)/);
  await expect(alignment).toHaveAttribute('data-series', /alignment layer 1 \(theory\)/);
  await alignment.scrollIntoViewIfNeeded();
  await app.shot('spike-sweep');

  await app.restart();
  await page.getByTestId('project-item').filter({ hasText: 'Spikes' }).getByText('Spikes').click();
  await page.getByTestId('sweep-row').first().click();
  expect(new URL(page.url()).hash).toBe(hash);
  await expect(page.getByTestId('sweep-panel').filter({ hasText: 'alignment layer 1' }).getByTestId('chart')).toHaveAttribute('data-series', /theory/);

  // One run of the sweep shows the per-layer figure: alignment against depth and the predicted-vs-measured table.
  await page.getByTestId('sweep-run-row').last().click();
  await expect(page.getByTestId('spike-table')).toBeVisible();
  await expect(page.getByTestId('spike-row')).toHaveCount(2);
  await expect(page.getByTestId('spike-threshold')).toContainText('survives');
  await app.shot('spike-run');
});

test('an α sweep of heavy-tailed weights shows the moments against α and an overlay of the spectra', async ({ app }) => {
  const { page } = app;
  await createExperiment(app, 'Heavy tails', 'heavy-tail', 'alpha sweep');
  await setField(app, 'n', '300');
  await setField(app, 'd', '300');
  await setField(app, 'N', '300');
  await setField(app, 'repeats', '1');
  await sweep(app, 'weights.alpha', '0.5, 1, 1.5, 2', '1');
  const m2 = page.getByTestId('sweep-panel').filter({ hasText: 'moment m2' }).getByTestId('chart');
  await expect(m2).toHaveAttribute('data-series', /moment m2 \(simulation\)/);
  await app.shot('heavy-tail-sweep');

  // The moments table of one run.
  await page.getByTestId('sweep-run-row').first().click();
  await expect(page.getByTestId('moments-table')).toBeVisible();
  await expect(page.getByTestId('moment-row')).toHaveCount(6);
  await expect(page.getByTestId('weight-tail')).toContainText('α̂');
  await app.shot('heavy-tail-run');

  // Overlay of the four ESDs (compare view).
  await page.getByTestId('project-item').filter({ hasText: 'Heavy tails' }).getByText('Heavy tails').click();
  const boxes = page.getByTestId('select-run');
  for (let i = 0; i < 4; i++) await boxes.nth(i).check();
  await page.getByTestId('compare-selected').click();
  await page.getByTestId('overlay-toggle').check();
  const overlay = page.getByTestId('overlay-chart').getByTestId('chart');
  for (const a of ['0.5', '1', '1.5', '2']) await expect(overlay).toHaveAttribute('data-series', new RegExp(`alpha=${a.replace('.', '\\.')}(,|$)`));
  await app.shot('heavy-tail-overlay');
});
