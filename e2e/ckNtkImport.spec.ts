/**
 * Issue #4: a researcher imports a data matrix from a file (.csv as text, .npy as a binary upload) through the
 * generated form and gets the layer-by-layer CK spectra of that input against their limits.
 */
import { test, expect } from './fixtures';
import { createExperiment, setField } from './uiActions';

const SAMPLES = 100;
const FEATURES = 60;

/** Gaussian-ish data (Box–Muller on a seeded LCG), samples as rows, with a small per-feature offset. */
function gaussianData(seed: number): Float64Array {
  let s = seed >>> 0;
  const uniform = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
  const out = new Float64Array(SAMPLES * FEATURES);
  for (let k = 0; k < out.length; k++) out[k] = 0.1 * (k % FEATURES) / FEATURES + Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return out;
}

function csvOf(data: Float64Array): string {
  const lines = [Array.from({ length: FEATURES }, (_, j) => `x${j + 1}`).join(',')];
  for (let i = 0; i < SAMPLES; i++) lines.push(Array.from(data.subarray(i * FEATURES, (i + 1) * FEATURES), (v) => v.toFixed(6)).join(','));
  return lines.join('\n') + '\n';
}

/** np.save of a float64 C-order matrix: format 1.0, little-endian '<f8', header padded to 64 bytes. */
function npyOf(data: Float64Array, rows: number, cols: number): Buffer {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  header += ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const out = Buffer.alloc(10 + header.length + 8 * data.length);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(out, 0);
  out.writeUInt16LE(header.length, 8);
  out.write(header, 10, 'latin1');
  data.forEach((v, k) => out.writeDoubleLE(v, 10 + header.length + 8 * k));
  return out;
}

async function expectLayerPanels(page: import('@playwright/test').Page, count: number): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveText(/done/i, { timeout: 120_000 });
  const panels = page.getByTestId('ck-layer-panel');
  await expect(panels).toHaveCount(count);
  for (let i = 0; i < count; i++) {
    const chart = panels.nth(i).getByTestId('chart');
    await expect(chart).toHaveAttribute('data-series', /histogram/);
    await expect(chart).toHaveAttribute('data-series', /theory/);
  }
}

test('a .csv data matrix loaded through the form sets n and d₀ and shows every layer against its limit', async ({ app }) => {
  const { page } = app;
  await createExperiment(app, 'Imported data', 'ck-ntk', 'csv import');
  await page.getByTestId('field-input.type').selectOption('csv');
  await setField(app, 'widths', '200, 200');

  // A malformed file is refused with the line and column; nothing is queued.
  await page.getByTestId('file-input.text').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('1,2,3\n4,NaN,6\n') });
  await expect(page.getByTestId('field-input.text')).toHaveValue(/NaN/);
  await page.getByTestId('run-experiment').click();
  await expect(page.getByTestId('error-input.text')).toContainText(/line 2, column 2 has NaN/);
  await expect(page.getByTestId('run-status')).toHaveCount(0);

  await page.getByTestId('file-input.text').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(gaussianData(7))) });
  await expect(page.getByTestId('field-input.text')).toHaveValue(/^x1,x2,/);
  await page.getByTestId('field-input.removeTopPCs').fill('1');
  await page.getByTestId('field-input.removeTopPCs').blur();
  await page.getByTestId('run-experiment').click();
  await expectLayerPanels(page, 3);
  await expect(page.getByTestId('ck-ntk-summary')).toContainText(/100/);
  await app.shot('ck-ntk-import');
});

test('a float64 .npy file is uploaded as a binary file (name, size, Clear) and runs like the .csv', async ({ app }) => {
  const { page } = app;
  await createExperiment(app, 'Imported data', 'ck-ntk', 'npy import');
  await page.getByTestId('field-input.type').selectOption('npy');
  await setField(app, 'widths', '200, 200');
  const npy = npyOf(gaussianData(11), SAMPLES, FEATURES);

  // Binary content is never shown as text: a picker with the file's name and size.
  await expect(page.locator('[data-path="input.base64"] textarea')).toHaveCount(0);
  await page.getByTestId('file-input.base64').setInputFiles({ name: 'x.npy', mimeType: 'application/octet-stream', buffer: npy });
  await expect(page.getByTestId('file-info-input.base64')).toContainText(`x.npy · ${(npy.length / 1024).toFixed(1)} KiB`);
  await page.getByTestId('file-clear-input.base64').click();
  await expect(page.getByTestId('file-info-input.base64')).toHaveCount(0);
  await page.getByTestId('run-experiment').click();
  await expect(page.getByTestId('error-input.base64')).toContainText(/no \.npy file loaded/);

  await page.getByTestId('file-input.base64').setInputFiles({ name: 'x.npy', mimeType: 'application/octet-stream', buffer: npy });
  await expect(page.getByTestId('file-info-input.base64')).toContainText('x.npy');
  await page.getByTestId('field-input.base64').scrollIntoViewIfNeeded();
  await app.shot('ck-ntk-import-npy-form');
  await page.getByTestId('run-experiment').click();
  await expectLayerPanels(page, 3);
  await app.shot('ck-ntk-import-npy');
});
