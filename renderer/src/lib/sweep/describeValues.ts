import { formatNumber } from '../format/formatNumber';

/** The swept values in one line: all of them when few, else the first ones, an ellipsis and the last. */
export function describeValues(values: readonly number[], max = 8): string {
  // No thousands separators: the list reads like what was typed, and can be copied back.
  const f = (x: number) => (Number.isInteger(x) && Math.abs(x) < 1e15 ? String(x) : formatNumber(x, 6));
  if (values.length <= max) return values.map(f).join(', ');
  return `${values.slice(0, max - 2).map(f).join(', ')}, …, ${f(values[values.length - 1])} (${values.length} values)`;
}
