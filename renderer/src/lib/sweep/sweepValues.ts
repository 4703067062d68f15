/** Parsing and generating the list of values a sweep visits. */

export type SweepScale = 'linear' | 'log';

export type ValuesOutcome = { ok: true; values: number[] } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** "100, 150 200;300" → [100, 150, 200, 300]; the first token that is not a number is named. */
export function parseValueList(text: string): ValuesOutcome {
  const tokens = text.replace(/\u2212/g, '-').split(/[\s,;]+/).filter(Boolean);
  if (tokens.length === 0) return { ok: false, message: 'Give at least one value, e.g. 100, 200, 400.' };
  const values: number[] = [];
  for (const [i, t] of tokens.entries()) {
    if (!NUMBER.test(t)) return { ok: false, message: `Value ${i + 1} (“${t}”) is not a number.` };
    values.push(Number(t));
  }
  return { ok: true, values };
}

/**
 * `count` values from `from` to `to` inclusive, evenly spaced on a linear or logarithmic scale.
 * Integer parameters are rounded and duplicates dropped (log spacing of small integers collides),
 * so the result may be shorter than `count`; the dialog shows the actual list before starting.
 */
export function spacedValues(from: number, to: number, count: number, scale: SweepScale, integer: boolean): ValuesOutcome {
  if (!Number.isFinite(from)) return { ok: false, message: '“From” must be a number.' };
  if (!Number.isFinite(to)) return { ok: false, message: '“To” must be a number.' };
  if (!Number.isInteger(count) || count < 1) return { ok: false, message: 'The count is a whole number ≥ 1.' };
  if (count > 500) return { ok: false, message: 'At most 500 values.' };
  if (scale === 'log' && !(from > 0 && to > 0)) return { ok: false, message: 'A log scale needs “from” and “to” both > 0.' };
  const raw: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = count === 1 ? 0 : i / (count - 1);
    raw.push(scale === 'log' ? from * (to / from) ** t : from + (to - from) * t);
  }
  // Pin the ends exactly and drop float dust (0.30000000000000004) that would clutter labels.
  raw[0] = from;
  if (count > 1) raw[count - 1] = to;
  const tidy = raw.map((x) => (integer ? Math.round(x) : Number(x.toPrecision(12))));
  return { ok: true, values: [...new Set(tidy)] };
}
