import { beforeAll, describe, expect, it } from 'vitest';
import { initLinalg } from '../../linalg/index.js';
import { Rng } from '../../random/Rng.js';
import { sampleCorrelatedErdosRenyi } from '../../graphs/sampleCorrelatedErdosRenyi.js';
import { matching, matchingParams, MATCHING_METHODS } from './index.js';

const ctx = (seed: number) => ({ seed, rng: new Rng(seed), progress: () => {}, signal: new AbortController().signal });
const run = (raw: Record<string, unknown>, seed = 1) => matching.run(matchingParams.parse(raw), ctx(seed));
const ALL = [...MATCHING_METHODS];

beforeAll(() => initLinalg());

describe('graph matching on correlated random graphs', () => {
  it('on noiseless Gaussian pairs (n = 200, σ = 0) every method recovers 100%', async () => {
    const r = await run({ model: { type: 'gaussian', n: 200, sigma: 0 }, methods: ALL, qpIterations: 20 });
    for (const m of ALL) {
      expect(r.methods[m]!.recovered, m).toBe(1);
      expect(r.methods[m]!.edgeAgreement, m).toBeCloseTo(1, 12);
      expect(r.methods[m]!.objective, m).toBeLessThan(1e-10);
    }
  });

  it('on noiseless Erdős–Rényi pairs (n = 200, q = 0.1, δ = 0) every method recovers 100%, degree profile included', async () => {
    // q = 0.1 (mean degree 20) is dense enough for the degree profile to be exact here; sparser graphs
    // (q ≲ 0.05) have vertices with identical profiles, which no profile method can tell apart.
    const r = await run({ model: { type: 'erdos-renyi', n: 200, q: 0.1, delta: 0 }, methods: ALL, qpIterations: 20 });
    for (const m of ALL) {
      expect(r.methods[m]!.recovered, m).toBe(1);
      expect(r.methods[m]!.objective, m).toBe(0);
    }
  });

  it('GRAMPA recovers ≥ 95% at σ = 0.1, n = 500, where the top-eigenvector sort recovers < 20%', async () => {
    const r = await run({ model: { type: 'gaussian', n: 500, sigma: 0.1 }, methods: ['grampa', 'topeig'] });
    expect(r.methods.grampa!.recovered).toBeGreaterThanOrEqual(0.95);
    expect(r.methods.topeig!.recovered).toBeLessThan(0.2);
    expect(r.methods.grampa!.seconds).toBeGreaterThan(0);
  });

  it('reproduces the MATH.md §9.8 check values (n = 400, η = 0.2, one seed) within ±0.15', async () => {
    const g3 = await run({ model: { type: 'gaussian', n: 400, sigma: 0.3 }, methods: ['grampa'] });
    expect(Math.abs(g3.methods.grampa!.recovered! - 0.66)).toBeLessThan(0.15);
    const g3greedy = await run({ model: { type: 'gaussian', n: 400, sigma: 0.3 }, methods: ['grampa'], rounding: 'greedy' });
    expect(Math.abs(g3greedy.methods.grampa!.recovered! - 0.56)).toBeLessThan(0.15);
    const u2 = await run({ model: { type: 'gaussian', n: 400, sigma: 0.2 }, methods: ['grampa', 'umeyama'] });
    expect(u2.methods.grampa!.recovered).toBeGreaterThan(0.95);
    expect(u2.methods.umeyama!.recovered).toBeLessThan(0.25);
    const er = await run({ model: { type: 'erdos-renyi', n: 400, q: 0.1, delta: 0.05 }, methods: ['grampa'] });
    expect(Math.abs(er.methods.grampa!.recovered! - 0.52)).toBeLessThan(0.15);
    const er2 = await run({ model: { type: 'erdos-renyi', n: 400, q: 0.1, delta: 0.02 }, methods: ['grampa'] });
    expect(er2.methods.grampa!.recovered).toBeGreaterThan(0.95);
  });

  it('a σ sweep gives one recovery curve per method with standard errors, and a heatmap with the true matches on its diagonal', async () => {
    const r = await run({ model: { type: 'gaussian', n: 150, sigma: 0 }, methods: ['grampa', 'umeyama'], repeats: 3, sweep: { param: 'sigma', values: [0, 0.3, 0.6] } });
    const c = r.curves!.grampa!;
    expect([...c.x]).toEqual([0, 0.3, 0.6]);
    expect(c.mean[0]).toBe(1);
    expect(c.stderr[0]).toBe(0);
    expect(c.mean[2]).toBeLessThan(c.mean[1]);
    expect(c.mean[1]).toBeLessThan(1);
    expect(c.stderr[1]).toBeGreaterThan(0);
    expect(r.curves!.umeyama!.mean.length).toBe(3);
    // methods summarise the first sweep value (σ = 0): perfect recovery.
    expect(r.methods.grampa!.recovered).toBe(1);
    const h = r.heatmap!;
    expect(h.size).toBe(150);
    expect(h.order).toBe('truth');
    // Noiseless, X̂ = X̂(A, A)Πᵀ with X̂(A, A) = U (C ∘ ũũᵀ) Uᵀ positive semidefinite (Schur product of
    // the positive definite Cauchy matrix and ũũᵀ): in the true order X_ii + X_kk ≥ 2 X_ik for all i, k.
    let diag = 0, off = 0;
    for (let i = 0; i < h.size; i++) {
      diag += h.values[i * h.size + i] / h.size;
      for (let k = 0; k < h.size; k++) {
        if (k !== i) off += Math.abs(h.values[i * h.size + k]) / (h.size * (h.size - 1));
        expect(h.values[i * h.size + i] + h.values[k * h.size + k]).toBeGreaterThanOrEqual(2 * h.values[i * h.size + k] - 1e-9);
      }
    }
    expect(diag).toBeGreaterThan(3 * off);
  });

  it('the same seed reproduces a run exactly', async () => {
    const p = { model: { type: 'erdos-renyi', n: 120, q: 0.2, delta: 0.1 }, methods: ['grampa', 'degree-profile'], repeats: 2 };
    const a = await run(p, 3);
    const b = await run(p, 3);
    expect(a.methods.grampa!.recovered).toBe(b.methods.grampa!.recovered);
    expect(a.methods['degree-profile']!.objective).toBe(b.methods['degree-profile']!.objective);
  });
});

describe('graph matching on imported graphs', () => {
  const edgeList = (adj: Float64Array, n: number, extra = '') => {
    const lines = [`# n = ${n}`];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (adj[i * n + j]) lines.push(`${i} ${j}`);
    return lines.join('\n') + '\n' + extra;
  };

  it('an imported isomorphic pair with its ground truth is recovered exactly; self-loops and duplicates are reported', async () => {
    const n = 120;
    const pair = sampleCorrelatedErdosRenyi(new Rng(8), n, 0.15, 0);
    const truth = Array.from(pair.truth!, (j, i) => `${i} ${j}`).join('\n');
    const r = await run({ model: { type: 'imported', graphA: edgeList(pair.a, n, '5 5\n0 1\n'), graphB: edgeList(pair.b, n), truth }, methods: ['grampa', 'umeyama'] });
    expect(r.methods.grampa!.recovered).toBe(1);
    expect(r.methods.umeyama!.recovered).toBe(1);
    expect(r.warnings.some((w) => /self-loop dropped/.test(w))).toBe(true);
    expect(r.warnings.some((w) => /duplicate edge ignored/.test(w)) || !pair.a[1]).toBe(true);
    expect(r.matchings!.grampa!.matching.length).toBe(n);
  });

  it('without ground truth the result is the matching with a per-vertex confidence, and recovery is null', async () => {
    const n = 100;
    const pair = sampleCorrelatedErdosRenyi(new Rng(12), n, 0.2, 0.02);
    const r = await run({ model: { type: 'imported', graphA: edgeList(pair.a, n), graphB: edgeList(pair.b, n) }, methods: ['grampa', 'topeig'], repeats: 4 });
    expect(r.methods.grampa!.recovered).toBeNull();
    expect(r.warnings[0]).toMatch(/repeats = 4 ignored/);
    const m = r.matchings!.grampa!;
    expect(m.matching).toBeInstanceOf(Float64Array);
    expect(new Set(m.matching).size).toBe(n); // a permutation
    let agree = 0;
    for (let i = 0; i < n; i++) if (m.matching[i] === pair.truth![i]) agree++;
    expect(agree / n).toBeGreaterThan(0.9); // checked against the sampler's truth, which the run never saw
    expect(Math.min(...m.confidence)).toBeGreaterThanOrEqual(0);
    expect(r.matchings!.topeig!.confidence.length).toBe(n);
  });
});

describe('matching parameters', () => {
  const bad = (raw: unknown) => {
    const r = matchingParams.safeParse(raw);
    expect(r.success).toBe(false);
    return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  };
  const er = (q: number, delta: number) => ({ model: { type: 'erdos-renyi', n: 100, q, delta } });

  it('the CLI contract parses with its documented defaults', () => {
    const p = matchingParams.parse({ model: { type: 'gaussian', n: 500, sigma: 0.2 }, methods: ['grampa', 'topeig', 'umeyama'], eta: 0.2, rounding: 'lap', repeats: 1 });
    expect(p.qpIterations).toBe(100);
    expect(matchingParams.parse({ model: { type: 'erdos-renyi', n: 500, q: 0.1, delta: 0.05 } }).model).toEqual({ type: 'erdos-renyi', n: 500, q: 0.1, delta: 0.05 });
    expect(matchingParams.parse({}).model).toEqual({ type: 'gaussian', n: 500, sigma: 0.2 });
  });

  it('refuses q outside (0, 1), δ outside [0, 1] and δq > 1 − q, naming the field and the fix', () => {
    expect(bad(er(0, 0.1))).toBe('model.q: q must be strictly between 0 and 1 (it is the edge probability), got 0');
    expect(bad(er(1.2, 0.1))).toBe('model.q: q must be strictly between 0 and 1 (it is the edge probability), got 1.2');
    expect(bad(er(0.1, -0.1))).toBe('model.delta: delta must be between 0 and 1 (it is the fraction of differing edges), got -0.1');
    expect(bad(er(0.1, 1.5))).toBe('model.delta: delta must be between 0 and 1 (it is the fraction of differing edges), got 1.5');
    expect(bad(er(0.6, 0.9))).toBe('model.delta: delta·q = 0.54 exceeds 1 − q = 0.4: B would need more edges than its non-edges allow. Lower delta to at most (1 − q)/q = 0.666667 or lower q');
  });

  it('refuses sweeps that do not fit the model, and sweep values that break the sampler', () => {
    expect(bad({ model: { type: 'gaussian' }, sweep: { param: 'delta', values: [0.1] } })).toBe("sweep.param: sweeping delta needs model.type 'erdos-renyi', but the model is 'gaussian'");
    expect(bad({ ...er(0.6, 0.1), sweep: { param: 'delta', values: [0.1, 0.9] } })).toMatch(/^sweep\.values\.1: at delta = 0\.9: delta·q = 0\.54 exceeds/);
    expect(bad({ model: { type: 'gaussian' }, sweep: { param: 'n', values: [100, 10.5] } })).toMatch(/^sweep\.values\.1: n values must be whole numbers/);
  });

  it('refuses huge n with a memory estimate, and unknown methods or models by name', () => {
    expect(bad({ model: { type: 'gaussian', n: 20000 } })).toMatch(/^model\.n: n = 20000 needs about 59\.6 GiB .* Reduce n to at most 6\d{3}\./);
    expect(bad({ model: { type: 'gaussian' }, sweep: { param: 'n', values: [100, 9000] } })).toMatch(/^sweep\.values: n = 9000 needs about/);
    expect(bad({ methods: ['grampa', 'magic'] })).toMatch(/^methods\.1: each method must be one of grampa, topeig, umeyama, degree-profile, qp/);
    expect(bad({ model: { type: 'planted' } })).toMatch(/^model(\.type)?: model\.type must be 'gaussian', 'erdos-renyi' or 'imported'/);
    expect(bad({ eta: 0 })).toMatch(/^eta: eta must be positive/);
  });

  it('refuses malformed imported graphs with the line number, and graphs of different sizes unless pad is set', () => {
    const imp = (graphA: string, graphB: string, extra = {}) => ({ model: { type: 'imported', graphA, graphB, ...extra } });
    expect(bad(imp('0 1\n1 2\n2 three\n', '0 1\n1 2\n2 0\n'))).toBe('model.graphA: graph A, line 3: vertex "three" is not a whole number (vertices are integers counted from 0)');
    expect(bad(imp('0 1\n1 2\n', '0 1\n1 2\n2 3\n'))).toMatch(/^model\.pad: graph A has 3 vertices but graph B has 4: matching needs equal sizes\. Set pad: true/);
    expect(matchingParams.safeParse(imp('0 1\n1 2\n', '0 1\n1 2\n2 3\n', { pad: true })).success).toBe(true);
    expect(bad(imp('0 1\n1 2\n', '0 1\n1 2\n', { truth: '0 0\n1 0\n' }))).toBe('model.truth: truth, line 2: vertex 0 of B is the image of two vertices of A');
    expect(bad(imp('0 1\n1 9000\n', '0 1\n'))).toMatch(/^model\.graphA: graph A, line 2: vertex 9000 exceeds the limit of 6\d{3} vertices \(matching n vertices needs about 20 dense/);
  });
});
