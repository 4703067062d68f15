import { describe, expect, it } from 'vitest';
import { parseGraphText } from './parseGraphText.js';
import { parseMappingText } from './parseMappingText.js';
import { importGraphPair } from './importGraphPair.js';

const ok = (r: ReturnType<typeof parseGraphText>) => {
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('reading graphs from text', () => {
  it('an edge list gives a symmetric 0/1 adjacency with n = largest index + 1', () => {
    const g = ok(parseGraphText('# a triangle and a pendant\n0 1\n1 2\n2,0\n\n2\t3\n'));
    expect(g.format).toBe('edges');
    expect(g.n).toBe(4);
    expect(g.edges).toBe(4);
    expect(g.binary).toBe(true);
    expect(g.adjacency[0 * 4 + 1]).toBe(1);
    expect(g.adjacency[1 * 4 + 0]).toBe(1);
    expect(g.adjacency[3 * 4 + 2]).toBe(1);
    expect(g.adjacency[0 * 4 + 3]).toBe(0);
    expect(g.warnings).toEqual([]);
  });

  it('a "# n = …" line keeps trailing isolated vertices, and indexBase 1 counts from 1', () => {
    const g = ok(parseGraphText('# n = 6\n1 2\n2 3\n', { indexBase: 1 }));
    expect(g.n).toBe(6);
    expect(g.adjacency[0 * 6 + 1]).toBe(1);
  });

  it('self-loops are dropped and duplicate edges ignored, each reported with its line', () => {
    const g = ok(parseGraphText('0 1\n1 1\n1 0\n1 2\n0 1\n'));
    expect(g.edges).toBe(2);
    expect(g.adjacency[1 * 3 + 1]).toBe(0);
    expect(g.warnings).toEqual([
      'graph: 1 self-loop dropped (first at line 2: 1 1)',
      'graph: 2 duplicate edges ignored, first occurrence kept (first at line 3: 1 0)',
    ]);
  });

  it('malformed edge lists are refused with the line number', () => {
    const bad = (text: string, opts = {}) => {
      const r = parseGraphText(text, opts);
      expect(r.ok).toBe(false);
      return (r as { message: string }).message;
    };
    expect(bad('0 1\n1 2\n2 x\n')).toBe('graph, line 3: vertex "x" is not a whole number (vertices are integers counted from 0)');
    expect(bad('0 1\n1 2 3 4\n', { format: 'edges' })).toMatch(/^graph, line 2: expected "i j" or "i j weight", got 4 fields/);
    expect(bad('0 1\n5\n')).toMatch(/^graph, line 2: expected "i j" or "i j weight", got 1 field /);
    expect(bad('1 2\n0 1\n', { indexBase: 1 })).toMatch(/^graph, line 2: vertex 0 is below the first index 1/);
    expect(bad('0 1\n1 2 abc\n')).toMatch(/^graph, line 2: weight "abc" is not a finite number/);
    expect(bad('0 1\n1 1e9\n')).toMatch(/line 2: vertex "1e9" is not a whole number/);
    expect(bad('0 1\n1 70000\n', { maxVertices: 5000 })).toMatch(/line 2: vertex 70000 exceeds the limit of 5000 vertices/);
    expect(bad('# n = 3\n0 1\n1 5\n')).toMatch(/line 3: vertex 5 is out of range for the declared n = 3/);
    expect(bad('\n# nothing\n')).toMatch(/empty/);
  });

  it('an adjacency CSV with a header is read, its diagonal dropped and asymmetry repaired with warnings', () => {
    const text = 'a,b,c,d\n0,1,0,0\n1,1,1,0\n0,1,0,1\n0,0,0,0\n';
    const g = ok(parseGraphText(text));
    expect(g.format).toBe('csv');
    expect(g.n).toBe(4);
    expect(g.adjacency[2 * 4 + 3]).toBe(1);
    expect(g.adjacency[3 * 4 + 2]).toBe(1); // symmetrised: either direction makes an edge
    expect(g.warnings).toEqual([
      'graph: 1 self-loop (nonzero diagonal) dropped (first at line 3, row 2)',
      'graph: the matrix is not symmetric (1 pair differ, first at row 3, column 4: 1 vs 0); symmetrised as an edge where either direction has one',
    ]);
  });

  it('a CSV row of the wrong length or a non-number is refused with its line', () => {
    const r1 = parseGraphText('0,1,0,0\n1,0,1\n0,1,0,0\n0,0,0,0\n');
    expect(r1.ok || r1.message).toBe('graph, line 2: expected 4 values (the matrix has 4 rows, so it must be 4×4), got 3');
    const r2 = parseGraphText('0,1,0,0\n1,0,1,0\n0,1,0,?\n0,0,0,0\n');
    expect(r2.ok || r2.message).toBe('graph, line 3, column 4: "?" is not a finite number');
  });

  it('a ground-truth mapping must be one-to-one and in range', () => {
    expect(parseMappingText('0 2\n1 0\n', 3, 3)).toEqual({ ok: true, truth: Int32Array.of(2, 0, -1), mapped: 2 });
    expect(parseMappingText('0 2\n1 2\n', 3, 3)).toEqual({ ok: false, message: 'truth, line 2: vertex 2 of B is the image of two vertices of A' });
    expect(parseMappingText('0 1\n0 2\n', 3, 3)).toEqual({ ok: false, message: 'truth, line 2: vertex 0 of A is mapped twice' });
    expect(parseMappingText('0 7\n', 3, 3)).toEqual({ ok: false, message: 'truth, line 1: vertex 7 of B is out of range (B has 3 vertices counted from 0)' });
  });

  it('graphs of different sizes are refused, or padded with isolated vertices when pad is set', () => {
    const refused = importGraphPair({ graphA: '0 1\n1 2\n', graphB: '0 1\n1 2\n2 3\n' });
    expect(refused).toMatchObject({ ok: false, field: 'pad' });
    expect((refused as { message: string }).message).toMatch(/^graph A has 3 vertices but graph B has 4: matching needs equal sizes\. Set pad: true/);
    const padded = importGraphPair({ graphA: '0 1\n1 2\n', graphB: '0 1\n1 2\n2 3\n', pad: true });
    expect(padded.ok).toBe(true);
    if (padded.ok) {
      expect(padded.pair.n).toBe(4);
      expect(padded.warnings).toEqual(['graph A padded with 1 isolated vertices (3…3) to match 4 vertices']);
    }
  });
});
