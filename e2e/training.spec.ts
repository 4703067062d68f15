import { test, expect } from './fixtures';
import { createExperiment, setField } from './uiActions';

test('a small training run from the form: scrubbing the step slider shows each snapshot’s spectrum without recomputing', async ({ app }) => {
  const { page } = app;
  await createExperiment(app, 'Training dynamics', 'training', 'mean-field, large step');
  await setField(app, 'n', '160');
  await setField(app, 'nTest', '100');
  await setField(app, 'd', '80');
  await setField(app, 'widths', '80, 80');
  await page.getByTestId('field-parameterisation').selectOption('mean-field');
  await setField(app, 'optimizer.lr', '800');
  await setField(app, 'steps', '20');
  await setField(app, 'snapshots', '0, 10, 20');
  await setField(app, 'ntkProbe', '40');
  await page.getByTestId('run-experiment').click();

  await expect(page.getByTestId('run-status')).toHaveText(/done/i, { timeout: 120_000 });
  const spectrum = page.getByTestId('training-spectrum');
  const chart = spectrum.getByTestId('chart');
  await expect(chart).toHaveAttribute('data-series', /histogram/);
  await expect(chart).toHaveAttribute('data-series', /theory/); // the step-0 ESD drawn as the reference curve
  await expect(spectrum).toHaveAttribute('data-step', '0');
  await expect(chart).toHaveAttribute('aria-label', /at step 0/);
  const pathsAtStart = await chart.locator('svg').innerHTML();

  // Scrub to the last snapshot: label, chart and diagnostics follow.
  const slider = page.getByTestId('step-slider');
  await slider.focus();
  await slider.press('End');
  await expect(page.getByTestId('step-label')).toContainText('step 20');
  await expect(spectrum).toHaveAttribute('data-step', '20');
  await expect(chart).toHaveAttribute('aria-label', /at step 20/);
  await expect(page.getByTestId('training-diagnostics')).toBeVisible();
  expect(await chart.locator('svg').innerHTML()).not.toBe(pathsAtStart);

  // Back one snapshot with the keyboard, then play from there to the end.
  await slider.press('ArrowLeft');
  await expect(spectrum).toHaveAttribute('data-step', '10');
  await page.getByTestId('play').click();
  await expect(spectrum).toHaveAttribute('data-step', '20', { timeout: 5_000 });

  // Other matrices of the same snapshot: the CK of layer 2 and the NTK.
  await page.getByTestId('matrix-select').selectOption('ck');
  await page.getByTestId('layer-select').selectOption({ label: '2' });
  await expect(chart).toHaveAttribute('aria-label', /CK \(train inputs\) layer 2 at step 20/);
  await page.getByTestId('matrix-select').selectOption('ntk');
  await expect(chart).toHaveAttribute('aria-label', /NTK \(probe set\) at step 20/);
  await page.getByTestId('matrix-select').selectOption('weights');
  await app.shot('training');
});
