import type { JsonSchema } from '../../../../electron/api';
import { resolveRef } from '../form/fieldModel';
import { joinPath } from '../form/valuePath';

/** A parameter a sweep can vary: a number somewhere in the parameters, array items included. */
export interface NumericLeaf {
  /** Dotted path as startSweep takes it: "d", "widths.1", "model.theta.0". */
  path: string;
  value: number;
  /** The schema asks for a whole number, so generated values are rounded. */
  integer: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/**
 * Every numeric leaf of a parameter set, in document order. Walks the values (not the schema): what a
 * sweep can vary is what this experiment holds now, e.g. widths.2 only exists for a three-layer net.
 * The schema only adds integer-ness and bounds, looked up along the same path.
 */
export function numericLeaves(params: Record<string, unknown>, schema: JsonSchema, root: JsonSchema = schema): NumericLeaf[] {
  const out: NumericLeaf[] = [];
  const walk = (value: unknown, s: JsonSchema | undefined, path: string) => {
    const resolved = s ? resolveRef(s, root) : undefined;
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || !path) return;
      const leaf = leafSchema(resolved, root, value);
      out.push({
        path,
        value,
        integer: typesOf(leaf).includes('integer'),
        minimum: leaf?.minimum,
        maximum: leaf?.maximum,
        exclusiveMinimum: leaf?.exclusiveMinimum,
        exclusiveMaximum: leaf?.exclusiveMaximum,
      });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, childSchema(resolved, root, i, item), joinPath(path, i)));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) walk(item, childSchema(resolved, root, key, item), joinPath(path, key));
    }
  };
  walk(params, schema, '');
  return out;
}

function typesOf(s: JsonSchema | undefined): string[] {
  if (!s) return [];
  return Array.isArray(s.type) ? s.type : typeof s.type === 'string' ? [s.type] : [];
}

/** The branches of a union (nullable numbers, discriminated variants), or the schema itself. */
function branches(s: JsonSchema | undefined, root: JsonSchema): JsonSchema[] {
  if (!s) return [];
  const alts = s.anyOf ?? s.oneOf;
  return alts ? alts.map((a) => resolveRef(a, root)) : [s];
}

function leafSchema(s: JsonSchema | undefined, root: JsonSchema, value: number): JsonSchema | undefined {
  const numeric = branches(s, root).filter((b) => typesOf(b).some((t) => t === 'number' || t === 'integer'));
  // A variant whose const is this number is a discriminator, not a quantity; still report its type.
  return numeric.find((b) => b.const === undefined || b.const === value) ?? numeric[0];
}

function childSchema(s: JsonSchema | undefined, root: JsonSchema, key: string | number, value: unknown): JsonSchema | undefined {
  for (const b of branches(s, root)) {
    if (typeof key === 'number' && b.items) return b.items;
    const prop = typeof key === 'string' ? b.properties?.[key] : undefined;
    // In a discriminated union, only the variant this value belongs to describes its fields.
    if (prop && (prop.const === undefined || prop.const === value)) return prop;
  }
  return undefined;
}
