/**
 * Reads a ground-truth correspondence from file TEXT: one pair "i j" per line meaning vertex i of A is
 * vertex j of B (same separators, comments and `indexBase` as parseGraphText). The mapping may be
 * partial — recovery is then measured on the mapped vertices only — but it must be one-to-one.
 * Returns truth[i] = j, or −1 for a vertex of A without a known partner.
 */
export type ParseMappingOutcome = { ok: true; truth: Int32Array; mapped: number } | { ok: false; message: string };

export function parseMappingText(text: string, nA: number, nB: number, opts: { indexBase?: 0 | 1; label?: string } = {}): ParseMappingOutcome {
  const base = opts.indexBase ?? 0;
  const label = opts.label ?? 'truth';
  const truth = new Int32Array(nA).fill(-1);
  const usedB = new Int32Array(nB).fill(0);
  const lines = text.split(/\r\n|\n|\r/);
  let mapped = 0;
  for (let l = 0; l < lines.length; l++) {
    const t = lines[l].trim();
    if (t === '' || t[0] === '#' || t[0] === '%') continue;
    const f = t.split(/[\s,;]+/).filter((s) => s !== '');
    const lineNo = l + 1;
    if (f.length !== 2) return { ok: false, message: `${label}, line ${lineNo}: expected "i j" (vertex i of A is vertex j of B), got ${f.length} fields` };
    if (!f.every((s) => /^[+]?\d+$/.test(s))) return { ok: false, message: `${label}, line ${lineNo}: "${t}" is not two whole numbers` };
    const i = Number(f[0]) - base;
    const j = Number(f[1]) - base;
    if (i < 0 || i >= nA) return { ok: false, message: `${label}, line ${lineNo}: vertex ${f[0]} of A is out of range (A has ${nA} vertices counted from ${base})` };
    if (j < 0 || j >= nB) return { ok: false, message: `${label}, line ${lineNo}: vertex ${f[1]} of B is out of range (B has ${nB} vertices counted from ${base})` };
    if (truth[i] >= 0) return { ok: false, message: `${label}, line ${lineNo}: vertex ${f[0]} of A is mapped twice` };
    if (usedB[j]) return { ok: false, message: `${label}, line ${lineNo}: vertex ${f[1]} of B is the image of two vertices of A` };
    truth[i] = j;
    usedB[j] = 1;
    mapped++;
  }
  if (mapped === 0) return { ok: false, message: `${label} has no pairs: expected lines "i j" (vertex i of A is vertex j of B)` };
  return { ok: true, truth, mapped };
}
