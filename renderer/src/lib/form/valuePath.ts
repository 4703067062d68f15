/** Dotted paths into plain parameter objects ("widths.1", "model.theta"), as in FieldIssue.path. */

export function joinPath(parent: string, key: string | number): string {
  return parent ? `${parent}.${key}` : String(key);
}

export function getAt(value: unknown, path: string): unknown {
  if (!path) return value;
  let cur = value;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Returns a copy with one value replaced (undefined deletes); the original is left untouched. */
export function setAt<T>(value: T, path: string, next: unknown): T {
  if (!path) return next as T;
  const [head, ...rest] = path.split('.');
  const container: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : value !== null && typeof value === 'object'
      ? { ...(value as Record<string, unknown>) }
      : {};
  const child = (container as Record<string, unknown>)[head];
  const replaced = rest.length ? setAt(child, rest.join('.'), next) : next;
  if (replaced === undefined && !Array.isArray(container)) delete (container as Record<string, unknown>)[head];
  else (container as Record<string, unknown>)[head] = replaced;
  return container as T;
}
