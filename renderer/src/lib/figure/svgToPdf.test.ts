import { describe, expect, it } from 'vitest';
import { pathToPdf, svgToPdf } from './svgToPdf';

const SVG = `<svg width="400" height="300" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">
<rect width="400" height="300" x="0" y="0" fill="#fff"></rect>
<text dominant-baseline="central" text-anchor="middle" style="font-size:12px;font-family:Helvetica;" transform="translate(200 290)" fill="#1d2330">λ (eigenvalue)</text>
<g clip-path="url(#c0)">
<path d="M10 200L50 100L90 200Z" fill="#1f77b4" fill-opacity="0.35"></path>
<path d="M10 200L50 100L90 200" fill="none" stroke="#d62728" stroke-width="1.5" stroke-dasharray="5 3"></path>
</g>
<path d="M10.8 3.5A2.8 2.8 0 1 1 10.8 3.2Q20 20 30 3 H 40 V 10 z" fill="#000" stroke="rgb(0,114,178)"></path>
<path d="M0 0l10 0" fill="none"></path>
<defs><clipPath id="c0"><path d="M0 0l400 0l0 250l-400 0Z" fill="#000"></path></clipPath></defs>
<style><![CDATA[ .a:hover { cursor: pointer } ]]></style>
</svg>`;

const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');

describe('the SVG → PDF writer', () => {
  const pdf = latin1(svgToPdf(SVG));

  it('writes a one-page PDF whose xref offsets point at its objects', () => {
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf).toContain('/MediaBox [0 0 300 225]'); // 400×300 px at 96 dpi = 300×225 pt
    const startxref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
    const entries = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    entries.forEach((offset, k) => expect(pdf.slice(offset, offset + `${k + 1} 0 obj`.length)).toBe(`${k + 1} 0 obj`));
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(pdf)![1]);
    const start = pdf.indexOf('stream\n') + 7;
    expect(pdf.slice(start + length, start + length + 10)).toBe('\nendstream');
  });

  it('draws vector paths with fills, strokes, dashes, clipping and transparency, and no images', () => {
    expect(pdf).toMatch(/ m\n[\d. ]+ l\n[\d. ]+ l\nh\nf\n/);
    expect(pdf).toMatch(/\[5 3\] 0 d\n.* m\n[\s\S]*?\nS\n/);
    expect(pdf).toContain('W n');
    expect(pdf).toContain('/ca 0.35');
    expect(pdf).toMatch(/ c\n/); // the arc and the quadratic became cubic curves
    expect(pdf).not.toContain('/Image');
    expect(pdf).not.toContain('/XObject');
  });

  it('keeps text as text: Helvetica for Latin, Symbol for Greek', () => {
    expect(pdf).toContain('/BaseFont /Helvetica');
    expect(pdf).toContain('/BaseFont /Symbol');
    expect(pdf).toMatch(/\/F3 12 Tf\n1 0 0 -1 [-\d.]+ [-\d.]+ Tm\n\(l\) Tj/); // λ is "l" in the Symbol font
    expect(pdf).toContain('( \\(eigenvalue\\)) Tj');
  });

  it('is deterministic', () => {
    expect(latin1(svgToPdf(SVG))).toBe(pdf);
  });

  it('converts relative commands, H/V and closepath to absolute operators', () => {
    expect(pathToPdf('m 10 10 l 5 0 h 5 v 5 z')).toBe('10 10 m\n15 10 l\n20 10 l\n20 15 l\nh');
  });
});
