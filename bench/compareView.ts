/**
 * UI benchmark (issue 9): how long the compare view takes to become interactive in web mode with
 * 6 runs of 5000 eigenvalues each, and how the history table answers with 10 000 runs.
 *
 *   npx tsx bench/compareView.ts        (needs `node scripts/build.mjs` and Debian's chromium)
 *
 * The runs go through the real store (create → claim → complete), with mp-sanity-shaped results whose
 * eigenvalues are Marchenko–Pastur quantiles: the view's cost depends on the array sizes, not on how
 * they were sampled, and computing six 5000×5000 spectra would only slow the benchmark down.
 * "Interactive" = every panel's chart has rendered its SVG with both series. Prints one line per
 * measurement; a timing is reported, never asserted.
 */
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkbench } from '../electron/workbench.js';
import { startWebServer } from '../electron/web.js';
import { chromiumExecutable } from '../e2e/chromiumExecutable.js';
import { marchenkoPasturLaw } from '../engine/kinds/mp-sanity/mpTheory.js';

const RUNS = 6;
const N = 5000;

function mpResult(gamma: number) {
  const law = marchenkoPasturLaw(gamma);
  // Quantiles of the bulk by bisection on its CDF.
  const eig = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const target = ((i + 0.5) / N) * law.bulkCdf(law.upper);
    let lo = law.lower, hi = law.upper;
    for (let k = 0; k < 50; k++) {
      const mid = (lo + hi) / 2;
      if (law.bulkCdf(mid) < target) lo = mid;
      else hi = mid;
    }
    eig[i] = (lo + hi) / 2;
  }
  const bins = 60, w = (law.upper - law.lower) / bins;
  const edges = Float64Array.from({ length: bins + 1 }, (_, i) => law.lower + i * w);
  const density = new Float64Array(bins);
  for (const v of eig) density[Math.min(bins - 1, Math.floor((v - law.lower) / w))] += 1 / (N * w);
  const x = Float64Array.from({ length: 401 }, (_, i) => law.lower + ((law.upper - law.lower) * (1 - Math.cos((Math.PI * i) / 400))) / 2);
  return {
    n: N, d: Math.round(N / gamma), gamma, entries: 'gaussian', eigenvalues: eig, histogram: { edges, density },
    theory: { x, density: x.map((v) => law.density(v)), atoms: [], edges: [[law.lower, law.upper]] },
    diagnostics: { l1: 0, ks: 0, atomMassEmpirical: 0, atomMassTheory: 0, maxEigenvalue: eig[N - 1], edgeTheory: law.upper },
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-bench-ui-'));
  const wb = createWorkbench({ dataDir: dir, mode: 'web', poolSize: 1 });
  const server = await startWebServer({ workbench: wb, staticDir: 'dist/renderer' });
  try {
    const p = await wb.handlers.createProject('bench');
    const e = await wb.handlers.createExperiment({ projectId: p.id, kind: 'mp-sanity', name: 'e', params: { n: 100, d: 200 } });
    const now = new Date().toISOString();
    const ids: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const run = wb.store.runs.create({ experimentId: e.id, kind: 'mp-sanity', experimentName: 'e', params: { n: N, d: 2 * N + 1000 * r, entries: 'gaussian', bins: 60 }, summary: `bench ${r}`, seed: r, engineVersion: 'bench' }, now);
      wb.store.runs.claimNext(now);
      wb.store.runs.complete(run.id, mpResult(N / (2 * N + 1000 * r)), now);
      ids.push(run.id);
    }
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.getByTestId('connection-status').waitFor();
    const timings: number[] = [];
    for (let trial = 0; trial < 3; trial++) {
      // Browser-side code as strings: this file is typechecked without the DOM library.
      await page.evaluate(`location.hash = '#/'`);
      await page.getByTestId('new-project-name').waitFor();
      const t0 = Date.now();
      await page.evaluate(`location.hash = '#/compare?runs=${ids.join(',')}'`);
      await page.waitForFunction(
        `(() => { const charts = [...document.querySelectorAll('[data-testid="compare-panel"] [data-testid="chart"]')];
           return charts.length === ${RUNS} && charts.every((c) => /histogram/.test(c.getAttribute('data-series') || '') && c.querySelectorAll('svg path').length > 20); })()`,
        undefined,
        { timeout: 60_000 },
      );
      timings.push(Date.now() - t0);
    }
    timings.sort((a, b) => a - b);
    console.log(`compare view, ${RUNS} runs × ${N} eigenvalues: interactive in ${timings[1]} ms (median of 3: ${timings.join(', ')} ms; goal < 1000 ms)`);
    await browser.close();
  } finally {
    await server.close();
    await wb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
