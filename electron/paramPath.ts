/** Reads and writes a dotted path ("model.theta.0") inside a parameter object. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A deep copy of `obj` with the value at `path` replaced; the path must already exist. */
export function withPath<T>(obj: T, path: string, value: unknown): T {
  const copy = structuredClone(obj) as unknown;
  const keys = path.split('.');
  let cur = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) cur = cur[key] as Record<string, unknown>;
  cur[keys[keys.length - 1]] = value;
  return copy as T;
}
