import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { runsOverD } from './uiActions';


async function download(page: Page, testId: string): Promise<{ bytes: Buffer; name: string }> {
  const [dl] = (await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])) as [Download, unknown];
  return { bytes: readFileSync((await dl.path())!), name: dl.suggestedFilename() };
}

test('a 2×2 figure exports as SVG, vector PDF and PNG at a chosen DPI, identically after a restart', async ({ app }) => {
  const { page } = app;
  await runsOverD(app, 'Figures');
  const boxes = page.getByTestId('select-run');
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await page.getByTestId('compare-selected').click();
  await page.getByTestId('compose-figure').click();
  await expect(page).toHaveURL(/#\/figure\/\d+/);
  await expect(page.getByTestId('figure-layout')).toHaveValue('2x2');
  await expect(page.getByTestId('figure-preview')).toBeVisible();
  // A mathematical label on panel (d): subscripts through Unicode.
  await page.getByTestId('panel-tab').nth(3).click();
  await page.getByTestId('panel-title').fill('ESD of W, γ = n/d');
  await page.getByTestId('panel-title').blur();
  await expect(page.getByTestId('figure-saved')).toHaveText('saved');
  await app.shot('composer');

  const svg = await download(page, 'export-svg');
  expect(svg.name).toMatch(/\.svg$/);
  const text = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((t) => {
    // In the page (the e2e tsconfig has no DOM lib): the browser's own XML parser must accept the file.
    type Doc = { querySelector(s: string): unknown; querySelectorAll(s: string): { length: number }; documentElement: { nodeName: string } };
    const Parser = (globalThis as unknown as { DOMParser: new () => { parseFromString(text: string, type: string): Doc } }).DOMParser;
    const doc = new Parser().parseFromString(t, 'image/svg+xml');
    return { ok: doc.querySelector('parsererror') === null, root: doc.documentElement.nodeName, panels: doc.querySelectorAll('g[id^="panel-"]').length };
  }, text);
  expect(parsed).toEqual({ ok: true, root: 'svg', panels: 4 });
  expect(text).toContain('>λ</text>');
  expect(text).toContain('>density</text>');
  for (const entry of ['simulation', 'theory', 'd=300', 'd=600 · theory']) expect(text).toContain(`>${entry}</text>`);
  expect(text).toContain('(d) ESD of W, γ = n/d');
  expect(text).not.toMatch(/zr\d+-/); // no per-instance ids
  // ≥ one path per series: 3 single-run panels × 2 series + the overlay's 6, plus axes and legend icons.
  expect((text.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(12);

  const pdf = await download(page, 'export-pdf');
  const pdfText = pdf.bytes.toString('latin1');
  expect(pdfText.startsWith('%PDF-')).toBe(true);
  expect(pdfText).toMatch(/ m\n/);
  expect(pdfText).toMatch(/ l\n/);
  expect(pdfText).toMatch(/\n(S|f|B)\n/);
  expect(pdfText).toContain('/BaseFont /Helvetica');
  expect(pdfText).not.toContain('/Image');
  expect(pdfText).not.toContain('/XObject');

  await page.getByTestId('png-dpi').fill('150');
  const png = await download(page, 'export-png');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  // Double column: 7 in wide; 2×2 panels at 4:3 → 5.25 in high; × 150 dpi.
  expect(width).toBe(7 * 150);
  expect(height).toBe(Math.round(5.25 * 150));

  const csv = await download(page, 'export-csv');
  expect(csv.bytes.toString('utf8').split('\n')[0]).toBe('panel,run,label,quantity,series,x,x_right,density');

  const hash = new URL(page.url()).hash;
  await app.restart();
  await page.evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), hash);
  await expect(page.getByTestId('figure-preview')).toBeVisible();
  const again = await download(page, 'export-svg');
  expect(again.bytes.equals(svg.bytes)).toBe(true);
});

test('a project exported, deleted and imported comes back with every run, figure and array', async ({ app }) => {
  const { page } = app;
  await runsOverD(app, 'Portable');
  await page.getByTestId('new-figure').click();
  await expect(page.getByTestId('figure-preview')).toBeVisible();
  await page.getByTestId('panel-run').first().check();
  await expect(page.getByTestId('figure-saved')).toHaveText('saved');
  await page.getByTestId('project-item').filter({ hasText: 'Portable' }).getByText('Portable').click();

  await page.getByTestId('menu-file').click();
  const exported = await download(page, 'menu-export');
  const original = JSON.parse(exported.bytes.toString('utf8'));
  expect(original.format).toBe('spectra-workbench-project');
  expect(original.runs).toHaveLength(3);
  expect(original.figures).toHaveLength(1);

  // A bad file is refused with a message, and nothing appears.
  await page.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something else"}') });
  await expect(page.getByTestId('menu-message')).toContainText(/not a Spectra Workbench project file/);

  await page.goto(app.url);
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('project-item').filter({ hasText: 'Portable' }).getByTestId('delete-project').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('project-item').filter({ hasText: 'Portable' })).toHaveCount(0);

  await page.getByTestId('import-file').setInputFiles({ name: 'portable.json', mimeType: 'application/json', buffer: exported.bytes });
  await expect(page.getByTestId('menu-message')).toContainText(/Imported “Portable” \(1 experiments, 3 runs\)/);
  await expect(page.getByTestId('run-row')).toHaveCount(3);
  await expect(page.getByTestId('figure-item')).toHaveCount(1);

  await page.getByTestId('menu-file').click();
  const roundTrip = JSON.parse((await download(page, 'menu-export')).bytes.toString('utf8'));
  const arrays = (p: { runs: { arrays: unknown[]; seed: number; params: unknown }[] }) => p.runs.map((r) => [r.seed, r.params, r.arrays]);
  expect(arrays(roundTrip)).toEqual(arrays(original));
  expect(roundTrip.figures[0].spec.panels[0].runIds).toHaveLength(1);
  await app.shot('imported-project');
});
