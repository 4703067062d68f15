/** Result → plain JSON value: Float64Arrays become number arrays (the CLI's documented output format). */
export function toPlainJson(value: unknown): unknown {
  if (value instanceof Float64Array || value instanceof Float32Array || value instanceof Int32Array) return Array.from(value);
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlainJson(v);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}
