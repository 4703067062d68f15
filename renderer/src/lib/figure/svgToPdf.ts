/**
 * A vector PDF from the SVG subset ECharts' SVG renderer emits: <svg>, <g> (transform, clip-path),
 * <path> (M L H V C S Q T A Z, absolute and relative; arcs become cubic Béziers), <rect>, <circle>,
 * <line>, <polyline>/<polygon>, <text> (one run per element), <defs><clipPath>; fill, stroke, their
 * opacities, stroke width, dashes, caps and joins. No raster images are ever written.
 *
 * Text uses the standard Type 1 fonts every PDF reader has (no embedding): Helvetica (and -Bold) for
 * Latin text in WinAnsiEncoding and Symbol for Greek letters, so λ, μ, γ stay text. Characters neither
 * can show are approximated (ℓ → l, subscript digits → digits) or replaced by "?".
 *
 * Coordinates: SVG px at 96 per inch become PDF points at 72 per inch (× 0.75), y flipped once at
 * the top of the page. Pure and deterministic (no dates, no ids): the same SVG gives the same bytes.
 */

interface SvgNode {
  name: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/** A small XML reader: enough for well-formed SVG (elements, attributes, text, CDATA, comments). */
export function parseSvg(svg: string): SvgNode {
  const root: SvgNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: SvgNode[] = [root];
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(svg))) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.text += m[1];
    else if (m[2] !== undefined) {
      if (stack.length > 1) stack.pop();
    } else if (m[3] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of m[4].matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
      const node: SvgNode = { name: m[3], attrs, children: [], text: '' };
      top.children.push(node);
      if (m[5] !== '/') stack.push(node);
    } else if (m[6] !== undefined) top.text += decodeEntities(m[6]);
  }
  return root.children.find((c) => c.name === 'svg') ?? root;
}

type Matrix = [number, number, number, number, number, number];

function parseTransform(t: string | undefined): Matrix | null {
  if (!t) return null;
  let acc: Matrix = [1, 0, 0, 1, 0, 0];
  for (const m of t.matchAll(/(matrix|translate|scale|rotate)\s*\(([^)]*)\)/g)) {
    const v = m[2].split(/[\s,]+/).filter(Boolean).map(Number);
    let n: Matrix;
    if (m[1] === 'matrix') n = [v[0], v[1], v[2], v[3], v[4], v[5]];
    else if (m[1] === 'translate') n = [1, 0, 0, 1, v[0] ?? 0, v[1] ?? 0];
    else if (m[1] === 'scale') n = [v[0], 0, 0, v[1] ?? v[0], 0, 0];
    else {
      const r = ((v[0] ?? 0) * Math.PI) / 180;
      n = [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0];
    }
    acc = multiply(acc, n);
  }
  return acc;
}

function multiply(a: Matrix, b: Matrix): Matrix {
  return [a[0] * b[0] + a[2] * b[1], a[1] * b[0] + a[3] * b[1], a[0] * b[2] + a[2] * b[3], a[1] * b[2] + a[3] * b[3], a[0] * b[4] + a[2] * b[5] + a[4], a[1] * b[4] + a[3] * b[5] + a[5]];
}

const NAMED: Record<string, [number, number, number]> = { black: [0, 0, 0], white: [255, 255, 255], red: [255, 0, 0], blue: [0, 0, 255], gray: [128, 128, 128], grey: [128, 128, 128] };

/** A colour as [r, g, b] in 0–1 and its alpha, or null for none/transparent. */
function parseColor(c: string | undefined): { rgb: [number, number, number]; alpha: number } | null {
  if (!c) return null;
  const s = c.trim().toLowerCase();
  if (s === 'none' || s === 'transparent' || s.startsWith('url(')) return null;
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) return { rgb: [...m[1]].map((h) => parseInt(h + h, 16) / 255) as [number, number, number], alpha: 1 };
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(s);
  if (m) {
    const n = parseInt(m[1], 16);
    return { rgb: [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255], alpha: m[2] ? parseInt(m[2], 16) / 255 : 1 };
  }
  m = /^rgba?\(([^)]*)\)$/.exec(s);
  if (m) {
    const v = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { rgb: [v[0] / 255, v[1] / 255, v[2] / 255], alpha: v[3] ?? 1 };
  }
  const named = NAMED[s];
  return named ? { rgb: [named[0] / 255, named[1] / 255, named[2] / 255], alpha: 1 } : null;
}

/** Numbers in content streams: at most 3 decimals, no exponent, no "-0". */
function num(x: number): string {
  if (!Number.isFinite(x)) return '0';
  const r = Math.round(x * 1000) / 1000;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

/** Path data → PDF path operators (absolute coordinates; Q/T/A converted to cubic curves). */
export function pathToPdf(d: string): string {
  const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const out: string[] = [];
  let i = 0;
  let cmd = '';
  let x = 0, y = 0, sx = 0, sy = 0;
  let lastC: [number, number] | null = null; // reflected control point for S
  let lastQ: [number, number] | null = null; // for T
  const isCmd = (t: string | undefined) => t !== undefined && /^[a-zA-Z]$/.test(t);
  const n = () => Number(tokens[i++]);
  const cubic = (x1: number, y1: number, x2: number, y2: number, x3: number, y3: number) => {
    out.push(`${num(x1)} ${num(y1)} ${num(x2)} ${num(y2)} ${num(x3)} ${num(y3)} c`);
    x = x3;
    y = y3;
  };
  while (i < tokens.length) {
    if (isCmd(tokens[i])) cmd = tokens[i++];
    else if (!cmd) {
      i++;
      continue;
    }
    const rel = cmd === cmd.toLowerCase();
    const ox = rel ? x : 0, oy = rel ? y : 0;
    const C = cmd.toUpperCase();
    if (C !== 'Z' && i >= tokens.length) break;
    switch (C) {
      case 'M':
        x = n() + ox;
        y = n() + oy;
        sx = x;
        sy = y;
        out.push(`${num(x)} ${num(y)} m`);
        cmd = rel ? 'l' : 'L'; // further pairs are line-tos
        lastC = lastQ = null;
        break;
      case 'L':
        x = n() + ox;
        y = n() + oy;
        out.push(`${num(x)} ${num(y)} l`);
        lastC = lastQ = null;
        break;
      case 'H':
        x = n() + ox;
        out.push(`${num(x)} ${num(y)} l`);
        lastC = lastQ = null;
        break;
      case 'V':
        y = n() + oy;
        out.push(`${num(x)} ${num(y)} l`);
        lastC = lastQ = null;
        break;
      case 'C': {
        const x1 = n() + ox, y1 = n() + oy, x2 = n() + ox, y2 = n() + oy, x3 = n() + ox, y3 = n() + oy;
        cubic(x1, y1, x2, y2, x3, y3);
        lastC = [x2, y2];
        lastQ = null;
        break;
      }
      case 'S': {
        const x1 = lastC ? 2 * x - lastC[0] : x, y1 = lastC ? 2 * y - lastC[1] : y;
        const x2 = n() + ox, y2 = n() + oy, x3 = n() + ox, y3 = n() + oy;
        cubic(x1, y1, x2, y2, x3, y3);
        lastC = [x2, y2];
        lastQ = null;
        break;
      }
      case 'Q':
      case 'T': {
        let qx: number, qy: number;
        if (C === 'Q') {
          qx = n() + ox;
          qy = n() + oy;
        } else {
          qx = lastQ ? 2 * x - lastQ[0] : x;
          qy = lastQ ? 2 * y - lastQ[1] : y;
        }
        const x3 = n() + ox, y3 = n() + oy;
        // A quadratic is the cubic with control points 2/3 of the way to its control point.
        cubic(x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), x3 + (2 / 3) * (qx - x3), y3 + (2 / 3) * (qy - y3), x3, y3);
        lastQ = [qx, qy];
        lastC = null;
        break;
      }
      case 'A': {
        const rx = n(), ry = n(), rot = n(), large = n(), sweep = n();
        const x2 = n() + ox, y2 = n() + oy;
        for (const c of arcToCubics(x, y, rx, ry, rot, large !== 0, sweep !== 0, x2, y2)) cubic(...c);
        x = x2;
        y = y2;
        lastC = lastQ = null;
        break;
      }
      case 'Z':
        out.push('h');
        x = sx;
        y = sy;
        lastC = lastQ = null;
        break;
      default:
        i++;
    }
  }
  return out.join('\n');
}

/** SVG elliptical arc → cubic Béziers (SVG 1.1 F.6.5 centre parameterisation, ≤ 90° per segment). */
function arcToCubics(x1: number, y1: number, rx: number, ry: number, angle: number, large: boolean, sweep: boolean, x2: number, y2: number): [number, number, number, number, number, number][] {
  if (rx === 0 || ry === 0 || (x1 === x2 && y1 === y2)) return [[x1, y1, x2, y2, x2, y2]];
  rx = Math.abs(rx);
  ry = Math.abs(ry);
  const phi = (angle * Math.PI) / 180, cos = Math.cos(phi), sin = Math.sin(phi);
  const dx = (x1 - x2) / 2, dy = (y1 - y2) / 2;
  const xp = cos * dx + sin * dy, yp = -sin * dx + cos * dy;
  const lambda = (xp * xp) / (rx * rx) + (yp * yp) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num2 = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp;
  const den = rx * rx * yp * yp + ry * ry * xp * xp;
  const coef = (large !== sweep ? 1 : -1) * Math.sqrt(Math.max(0, num2 / den));
  const cxp = (coef * rx * yp) / ry, cyp = (-coef * ry * xp) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2, cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const ang = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const t1 = ang(1, 0, (xp - cxp) / rx, (yp - cyp) / ry);
  let dt = ang((xp - cxp) / rx, (yp - cyp) / ry, (-xp - cxp) / rx, (-yp - cyp) / ry);
  if (!sweep && dt > 0) dt -= 2 * Math.PI;
  if (sweep && dt < 0) dt += 2 * Math.PI;
  const segs = Math.max(1, Math.ceil(Math.abs(dt) / (Math.PI / 2)));
  const step = dt / segs, k = (4 / 3) * Math.tan(step / 4);
  const point = (t: number, dxr = 0, dyr = 0): [number, number] => {
    const ex = rx * (Math.cos(t) + dxr), ey = ry * (Math.sin(t) + dyr);
    return [cx + cos * ex - sin * ey, cy + sin * ex + cos * ey];
  };
  const out: [number, number, number, number, number, number][] = [];
  for (let s = 0; s < segs; s++) {
    const a = t1 + s * step, b = a + step;
    const p1 = point(a, -k * Math.sin(a), k * Math.cos(a));
    const p2 = point(b, k * Math.sin(b), -k * Math.cos(b));
    const p3 = point(b);
    out.push([p1[0], p1[1], p2[0], p2[1], p3[0], p3[1]]);
  }
  return out;
}

// Helvetica advance widths (Adobe AFM, per 1000 em) for WinAnsi 32–126; used to place anchored text.
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
/** Greek letters in the Symbol font's built-in encoding (Α–Ω → 0x41…, α–ω → 0x61…). */
const GREEK_UPPER = 'ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ';
const GREEK_UPPER_CODES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const GREEK_LOWER = 'αβχδεφγηιϕκλμνοπθρστυϖωξψζ';
const SYMBOL_EXTRA: Record<string, number> = { '∞': 0xa5, '≤': 0xa3, '≥': 0xb3, '±': 0xb1, '×': 0xb4, '∑': 0xe5, '√': 0xd6, '→': 0xae, '≈': 0xbb, '−': 0x2d, '∈': 0xce, '∂': 0xb6, '·': 0xd7 };
const APPROX: Record<string, string> = { 'ℓ': 'l', '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁻': '-', '–': '-', '—': '-', '’': "'", '‘': "'", '“': '"', '”': '"', 'ᵀ': 'T', '…': '...' };

/** Splits text into runs of Helvetica (WinAnsi bytes) and Symbol (Greek) codes. */
function textRuns(text: string): { symbol: boolean; codes: number[] }[] {
  const runs: { symbol: boolean; codes: number[] }[] = [];
  const push = (symbol: boolean, code: number) => {
    const last = runs[runs.length - 1];
    if (last && last.symbol === symbol) last.codes.push(code);
    else runs.push({ symbol, codes: [code] });
  };
  for (const ch of text) {
    const up = GREEK_UPPER.indexOf(ch), low = GREEK_LOWER.indexOf(ch);
    if (up >= 0) push(true, GREEK_UPPER_CODES.charCodeAt(up));
    else if (low >= 0) push(true, GREEK_UPPER_CODES.charCodeAt(low) + 32);
    else if (SYMBOL_EXTRA[ch] !== undefined) push(true, SYMBOL_EXTRA[ch]);
    else {
      for (const c of APPROX[ch] ?? ch) {
        const code = c.charCodeAt(0);
        // Latin-1 range maps to the same WinAnsi code; anything else cannot be shown by a standard font.
        push(false, code >= 32 && code <= 255 && !(code >= 127 && code < 160) ? code : 63);
      }
    }
  }
  return runs;
}

function runWidth(run: { symbol: boolean; codes: number[] }, size: number, bold: boolean): number {
  let w = 0;
  for (const c of run.codes) w += run.symbol ? 600 : c >= 32 && c <= 126 ? HELVETICA[c - 32] : 556;
  return ((w * (bold ? 1.06 : 1)) / 1000) * size;
}

function pdfString(codes: number[]): string {
  let s = '(';
  for (const c of codes) {
    if (c === 40 || c === 41 || c === 92) s += `\\${String.fromCharCode(c)}`;
    else if (c < 32 || c > 126) s += `\\${c.toString(8).padStart(3, '0')}`;
    else s += String.fromCharCode(c);
  }
  return `${s})`;
}

interface Style {
  fill: string | undefined;
  stroke: string | undefined;
  fillOpacity: number;
  strokeOpacity: number;
  opacity: number;
  strokeWidth: number;
  dash: string | undefined;
  cap: string | undefined;
  join: string | undefined;
  fontSize: number;
  bold: boolean;
  anchor: string;
  baseline: string;
}

function styleAttrs(node: SvgNode): Record<string, string> {
  const out = { ...node.attrs };
  for (const decl of (node.attrs.style ?? '').split(';')) {
    const k = decl.indexOf(':');
    if (k > 0) out[decl.slice(0, k).trim()] = decl.slice(k + 1).trim();
  }
  const font = out.font;
  if (font) {
    const size = /(\d+(?:\.\d+)?)px/.exec(font);
    if (size) out['font-size'] ??= size[1];
    if (/\bbold\b|\b[6-9]00\b/.test(font)) out['font-weight'] ??= 'bold';
  }
  return out;
}

function inherit(parent: Style, node: SvgNode): Style {
  const a = styleAttrs(node);
  const f = (k: string, d: number) => (a[k] !== undefined && Number.isFinite(parseFloat(a[k])) ? parseFloat(a[k]) : d);
  return {
    fill: a.fill ?? parent.fill,
    stroke: a.stroke ?? parent.stroke,
    fillOpacity: f('fill-opacity', parent.fillOpacity),
    strokeOpacity: f('stroke-opacity', parent.strokeOpacity),
    opacity: parent.opacity * f('opacity', 1),
    strokeWidth: f('stroke-width', parent.strokeWidth),
    dash: a['stroke-dasharray'] ?? parent.dash,
    cap: a['stroke-linecap'] ?? parent.cap,
    join: a['stroke-linejoin'] ?? parent.join,
    fontSize: f('font-size', parent.fontSize),
    bold: a['font-weight'] ? /bold|[6-9]00/.test(a['font-weight']) : parent.bold,
    anchor: a['text-anchor'] ?? parent.anchor,
    baseline: a['dominant-baseline'] ?? parent.baseline,
  };
}

/** Converts one SVG document to a one-page PDF (as bytes). */
export function svgToPdf(svg: string): Uint8Array {
  const root = parseSvg(svg);
  const viewBox = (root.attrs.viewBox ?? '').split(/[\s,]+/).map(Number);
  const width = parseFloat(root.attrs.width ?? '') || viewBox[2] || 600;
  const height = parseFloat(root.attrs.height ?? '') || viewBox[3] || 400;
  const clips = new Map<string, SvgNode>();
  const collect = (n: SvgNode) => {
    if (n.name === 'clipPath' && n.attrs.id) clips.set(n.attrs.id, n);
    n.children.forEach(collect);
  };
  collect(root);

  const alphas = new Map<string, string>(); // "fill/stroke alpha" → ExtGState name
  const gs = (fa: number, sa: number) => {
    const key = `${num(fa)}/${num(sa)}`;
    if (!alphas.has(key)) alphas.set(key, `GS${alphas.size + 1}`);
    return alphas.get(key)!;
  };
  const ops: string[] = [];
  // px → pt and y down → y up, once for the page.
  ops.push(`0.75 0 0 -0.75 0 ${num(height * 0.75)} cm`);

  const shapePath = (n: SvgNode): string | null => {
    const a = n.attrs;
    const g = (k: string) => parseFloat(a[k] ?? '0') || 0;
    switch (n.name) {
      case 'path':
        return a.d ? pathToPdf(a.d) : null;
      case 'rect':
        return g('width') > 0 && g('height') > 0 ? `${num(g('x'))} ${num(g('y'))} ${num(g('width'))} ${num(g('height'))} re` : null;
      case 'circle': {
        const r = g('r');
        return r > 0 ? pathToPdf(`M${g('cx') + r} ${g('cy')}A${r} ${r} 0 1 1 ${g('cx') - r} ${g('cy')}A${r} ${r} 0 1 1 ${g('cx') + r} ${g('cy')}Z`) : null;
      }
      case 'line':
        return `${num(g('x1'))} ${num(g('y1'))} m ${num(g('x2'))} ${num(g('y2'))} l`;
      case 'polyline':
      case 'polygon': {
        const p = (a.points ?? '').trim().split(/[\s,]+/).map(Number);
        if (p.length < 4) return null;
        return pathToPdf(`M${p.slice(0, 2).join(' ')}L${p.slice(2).join(' ')}${n.name === 'polygon' ? 'Z' : ''}`);
      }
      default:
        return null;
    }
  };

  const paint = (n: SvgNode, s: Style) => {
    const path = shapePath(n);
    if (!path) return;
    const fill = n.name === 'line' || n.name === 'polyline' ? null : parseColor(s.fill ?? 'black');
    const stroke = parseColor(s.stroke);
    const fa = fill ? fill.alpha * s.fillOpacity * s.opacity : 0;
    const sa = stroke ? stroke.alpha * s.strokeOpacity * s.opacity : 0;
    const doFill = fill !== null && fa > 0;
    const doStroke = stroke !== null && sa > 0 && s.strokeWidth > 0;
    if (!doFill && !doStroke) return;
    const t = parseTransform(n.attrs.transform);
    ops.push('q');
    if (t) ops.push(`${t.map(num).join(' ')} cm`);
    if (fa < 1 || sa < 1) ops.push(`/${gs(doFill ? fa : 1, doStroke ? sa : 1)} gs`);
    if (doFill) ops.push(`${fill.rgb.map(num).join(' ')} rg`);
    if (doStroke) {
      ops.push(`${stroke.rgb.map(num).join(' ')} RG`, `${num(s.strokeWidth)} w`);
      ops.push(`${{ round: 1, square: 2 }[s.cap ?? ''] ?? 0} J`, `${{ round: 1, bevel: 2 }[s.join ?? ''] ?? 0} j`);
      const dash = s.dash && s.dash !== 'none' ? s.dash.split(/[\s,]+/).filter(Boolean).map(Number) : [];
      if (dash.length && dash.every((x) => Number.isFinite(x) && x >= 0) && dash.some((x) => x > 0)) ops.push(`[${dash.map(num).join(' ')}] 0 d`);
    }
    ops.push(path, doFill && doStroke ? 'B' : doFill ? 'f' : 'S', 'Q');
  };

  const text = (n: SvgNode, s: Style) => {
    const content = collectText(n).replace(/\s+/g, ' ').trim();
    const fill = parseColor(s.fill ?? 'black');
    if (!content || !fill) return;
    const alpha = fill.alpha * s.fillOpacity * s.opacity;
    if (alpha <= 0) return;
    const runs = textRuns(content);
    const size = s.fontSize;
    const total = runs.reduce((w, r) => w + runWidth(r, size, s.bold), 0);
    let x = parseFloat(n.attrs.x ?? '0') || 0;
    let y = parseFloat(n.attrs.y ?? '0') || 0;
    if (s.anchor === 'middle') x -= total / 2;
    else if (s.anchor === 'end') x -= total;
    // Baseline shifts as a fraction of the em for Helvetica (cap height 0.718, x-height 0.523).
    if (s.baseline === 'central' || s.baseline === 'middle') y += 0.35 * size;
    else if (s.baseline === 'hanging' || s.baseline === 'text-before-edge') y += 0.75 * size;
    else if (s.baseline === 'text-after-edge' || s.baseline === 'ideographic') y -= 0.2 * size;
    const t = parseTransform(n.attrs.transform);
    ops.push('q');
    if (t) ops.push(`${t.map(num).join(' ')} cm`);
    if (alpha < 1) ops.push(`/${gs(alpha, 1)} gs`);
    ops.push(`${fill.rgb.map(num).join(' ')} rg`, 'BT');
    // Text space is y-up; the page is y-down here, so each run flips back.
    let cursor = x;
    for (const r of runs) {
      ops.push(`/${r.symbol ? 'F3' : s.bold ? 'F2' : 'F1'} ${num(size)} Tf`, `1 0 0 -1 ${num(cursor)} ${num(y)} Tm`, `${pdfString(r.codes)} Tj`);
      cursor += runWidth(r, size, s.bold);
    }
    ops.push('ET', 'Q');
  };

  const walk = (n: SvgNode, parent: Style) => {
    if (n.name === 'defs' || n.name === 'clipPath' || n.name === 'style' || n.name === 'title' || n.name === 'desc') return;
    if (n.name === 'image') return; // never raster
    const s = inherit(parent, n);
    if (n.attrs.display === 'none' || n.attrs.visibility === 'hidden') return;
    if (n.name === 'g' || n.name === 'svg' || n.name === 'a') {
      const clipId = /url\(#([^)]+)\)/.exec(n.attrs['clip-path'] ?? '')?.[1];
      const t = n.name === 'g' ? parseTransform(n.attrs.transform) : null;
      const clip = clipId ? clips.get(clipId) : undefined;
      const wrap = Boolean(t || clip);
      if (wrap) ops.push('q');
      if (t) ops.push(`${t.map(num).join(' ')} cm`);
      if (clip) {
        const parts = clip.children.map((c) => {
          const p = shapePath(c);
          const ct = parseTransform(c.attrs.transform);
          // A transformed clip shape is rare in ECharts output; its transform is applied to the path points.
          return p && ct ? null : p;
        });
        const paths = parts.filter((p): p is string => p !== null);
        if (paths.length) ops.push(paths.join('\n'), 'W n');
      }
      for (const c of n.children) walk(c, s);
      if (wrap) ops.push('Q');
      return;
    }
    if (n.name === 'text') text(n, s);
    else paint(n, s);
  };
  const base: Style = {
    fill: undefined, stroke: undefined, fillOpacity: 1, strokeOpacity: 1, opacity: 1, strokeWidth: 1, dash: undefined, cap: undefined, join: undefined,
    fontSize: 12, bold: false, anchor: 'start', baseline: 'alphabetic',
  };
  walk(root, base);

  const content = ops.join('\n');
  const objects: string[] = [];
  const W = num(width * 0.75), H = num(height * 0.75);
  const gsEntries = [...alphas.entries()];
  const fontObj = 4;
  const gsObj = fontObj + 3;
  const contentObj = gsObj + gsEntries.length;
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  const gsDict = gsEntries.map(([, name], k) => `/${name} ${gsObj + k} 0 R`).join(' ');
  objects.push(
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /Font << /F1 ${fontObj} 0 R /F2 ${fontObj + 1} 0 R /F3 ${fontObj + 2} 0 R >>${gsDict ? ` /ExtGState << ${gsDict} >>` : ''} >> /Contents ${contentObj} 0 R >>`,
  );
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>');
  for (const [key] of gsEntries) {
    const [fa, sa] = key.split('/');
    objects.push(`<< /Type /ExtGState /ca ${fa} /CA ${sa} >>`);
  }
  // Content bytes are ASCII (non-ASCII text is octal-escaped), so string length = byte length.
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);

  let pdf = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(pdf.length);
    pdf += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Latin-1 bytes: the header's binary marker is the only non-ASCII text.
  const bytes = new Uint8Array(pdf.length);
  for (let k = 0; k < pdf.length; k++) bytes[k] = pdf.charCodeAt(k) & 255;
  return bytes;
}

function collectText(n: SvgNode): string {
  return n.text + n.children.map(collectText).join('');
}
