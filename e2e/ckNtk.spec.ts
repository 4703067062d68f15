import { test, expect } from './fixtures';
import { createExperiment, setField } from './uiActions';

test('the three-layer arctan figure of Fan & Wang, configured through the form, shows every layer against its limit', async ({ app }) => {
  const { page } = app;
  await createExperiment(app, 'Deep random networks', 'ck-ntk', 'arctan, three layers');
  await setField(app, 'n', '300');
  await setField(app, 'd0', '300');
  await setField(app, 'widths', '400, 400, 400');
  await page.getByTestId('field-activation').selectOption('arctan');
  await page.getByTestId('run-experiment').click();

  await expect(page.getByTestId('run-status')).toHaveText(/done/i, { timeout: 120_000 });
  // One panel per layer (0 = input Gram, then 3 hidden layers), each with the histogram and the theory density.
  const panels = page.getByTestId('ck-layer-panel');
  await expect(panels).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    const chart = panels.nth(i).getByTestId('chart');
    await expect(chart).toHaveAttribute('data-series', /histogram/);
    await expect(chart).toHaveAttribute('data-series', /theory/);
  }
  await expect(page.getByTestId('ntk-panel').getByTestId('chart')).toHaveAttribute('data-series', /histogram.*theory/);
  await expect(page.getByTestId('ck-small-multiples').getByTestId('chart')).toHaveCount(5);
  await expect(page.getByTestId('diag-layer')).toHaveCount(4);
  await expect(page.getByTestId('ck-ntk-summary')).toContainText('arctan');
  await app.shot('ck-ntk-layers');
  await page.getByTestId('log-y').check();
  await expect(panels.first().getByTestId('chart')).toHaveAttribute('data-series', /theory/);
});
