import { test, expect } from './fixtures';
import { createExperiment, setField } from './uiActions';

test('a σ sweep from the form draws recovery curves for every method, with GRAMPA above the baselines', async ({ app }) => {
  const { page } = app;
  await createExperiment(app, 'Matching', 'matching', 'grampa vs sigma');
  await setField(app, 'model.n', '150');
  await page.getByTestId('field-sweep.param').selectOption('sigma');
  // The first value is the one the methods table reports.
  await setField(app, 'sweep.values', '0.2, 0.05, 0.1, 0.3, 0.45');
  await setField(app, 'repeats', '2');
  await page.getByTestId('run-experiment').click();
  await expect(page.getByTestId('run-status')).toHaveText(/done/i, { timeout: 150_000 });

  const recovered = async (method: string) => Number(await page.getByTestId(`method-${method}`).locator('td').nth(1).innerText());
  const grampa = await recovered('grampa');
  expect(grampa).toBeGreaterThan(0.9);
  expect(grampa).toBeGreaterThan(await recovered('topeig'));
  expect(grampa).toBeGreaterThan(await recovered('umeyama'));
  const chart = page.getByTestId('chart').first();
  for (const m of ['grampa', 'topeig', 'umeyama']) await expect(chart).toHaveAttribute('data-series', new RegExp(`(^|,)${m}(,|$)`));
  await chart.scrollIntoViewIfNeeded();
  await app.shot('matching-recovery');
});

test('an imported edge-list pair is matched and the matching downloads as CSV', async ({ app }) => {
  const { page } = app;
  // A 12-vertex graph and a relabelled copy (vertex i of A is vertex (5i + 3) mod 12 of B).
  const edges = [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 0], [0, 6], [6, 7], [7, 8], [8, 9], [9, 10], [10, 11], [11, 6], [2, 8], [4, 10], [1, 7], [3, 11]];
  const relabel = (v: number) => (5 * v + 3) % 12;
  const a = edges.map(([i, j]) => `${i} ${j}`).join('\n');
  const b = edges.map(([i, j]) => `${relabel(i)} ${relabel(j)}`).join('\n');
  await createExperiment(app, 'Imported graphs', 'matching', 'de-anonymise');
  await page.getByTestId('field-model.type').selectOption('imported');
  await page.getByTestId('field-model.graphA').fill(a);
  await page.getByTestId('field-model.graphB').fill(`# relabelled copy\n${b}`);
  await page.getByTestId('field-model.graphB').blur();
  await page.getByTestId('run-experiment').click();
  await expect(page.getByTestId('run-status')).toHaveText(/done/i, { timeout: 120_000 });
  await expect(page.getByTestId('matching-table')).toBeVisible();
  await app.shot('matching-imported');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-matching-csv').click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = csv.trim().split('\n');
  expect(lines[0]).toMatch(/^vertex_a,grampa_vertex_b,grampa_confidence/);
  expect(lines).toHaveLength(13);
  // Every row names a vertex of B, and GRAMPA's matching is a permutation.
  const matched = lines.slice(1).map((l) => Number(l.split(',')[1]));
  expect(new Set(matched).size).toBe(12);
  expect(matched.every((v) => Number.isInteger(v) && v >= 0 && v < 12)).toBe(true);
  void setField;
});
