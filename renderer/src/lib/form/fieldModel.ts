import type { JsonSchema } from '../../../../electron/api';

/**
 * What input a JSON Schema node becomes in the generated form. zod's `toJSONSchema` output is the
 * target: `type` + bounds for numbers, `enum` for z.enum, `oneOf`/`anyOf` of objects with a
 * `const` discriminator for discriminated unions, `type: [X, "null"]` or `anyOf [X, {type:null}]`
 * for nullable fields, `$ref` into `$defs` for reused schemas.
 */
export type FieldModel =
  | { type: 'integer' | 'number'; schema: JsonSchema; nullable: boolean }
  | { type: 'boolean'; schema: JsonSchema; nullable: boolean }
  | { type: 'string'; schema: JsonSchema; nullable: boolean }
  /** A string whose schema declares `contentMediaType: text/…`: file contents (edge lists, CSV), multi-line, loadable from disk. */
  | { type: 'text'; schema: JsonSchema; nullable: boolean }
  /**
   * A string whose schema declares `contentEncoding: base64`: a binary file (e.g. .npy), chosen from disk and
   * stored as base64. Never shown as text; a file picker with the file's name, size and a Clear button.
   */
  | { type: 'file'; schema: JsonSchema; nullable: boolean }
  /** An array of enum values (e.g. the methods to run): a group of checkboxes. */
  | { type: 'enumArray'; schema: JsonSchema; options: unknown[]; nullable: boolean }
  | { type: 'enum'; schema: JsonSchema; options: unknown[]; nullable: boolean }
  | { type: 'numberArray'; schema: JsonSchema; item: JsonSchema; integer: boolean; nullable: boolean }
  | { type: 'object'; schema: JsonSchema; nullable: boolean }
  | { type: 'union'; schema: JsonSchema; discriminator: string; variants: UnionVariant[]; nullable: boolean }
  | { type: 'json'; schema: JsonSchema; nullable: boolean };

export interface UnionVariant {
  value: string | number | boolean;
  label: string;
  schema: JsonSchema;
}

/** Follows `$ref: "#/$defs/x"` (or `#/definitions/x`) against the root schema. */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let s = schema;
  for (let hops = 0; typeof s.$ref === 'string' && hops < 16; hops++) {
    const ref = s.$ref as string;
    const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
    const defs = m ? (root[m[1]] as Record<string, JsonSchema> | undefined) : undefined;
    const target = m && defs ? defs[decodeURIComponent(m[2])] : undefined;
    if (!target) break;
    const { $ref: _ignored, ...rest } = s;
    s = { ...target, ...rest };
  }
  return s;
}

function typesOf(s: JsonSchema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (typeof s.type === 'string') return [s.type];
  if (s.const !== undefined) return [typeof s.const];
  if (s.properties) return ['object'];
  return [];
}

const isNull = (s: JsonSchema) => s.type === 'null' || (s.const === null && s.type === undefined);

export function fieldModel(input: JsonSchema, root: JsonSchema): FieldModel {
  const schema = resolveRef(input, root);
  const union = schema.oneOf ?? schema.anyOf;
  if (union && union.length > 0) {
    const variants = union.map((v) => resolveRef(v, root));
    const nonNull = variants.filter((v) => !isNull(v));
    const nullable = nonNull.length < variants.length;
    const merged = { ...schema, oneOf: undefined, anyOf: undefined };
    if (nonNull.length === 1) {
      const inner = fieldModel({ ...merged, ...nonNull[0], description: schema.description ?? nonNull[0].description }, root);
      return { ...inner, nullable: true } as FieldModel;
    }
    if (nonNull.every((v) => v.const !== undefined)) {
      return { type: 'enum', schema, options: nonNull.map((v) => v.const), nullable };
    }
    if (nonNull.every((v) => v.enum !== undefined || v.const !== undefined)) {
      return { type: 'enum', schema, options: nonNull.flatMap((v) => v.enum ?? [v.const]), nullable };
    }
    const discriminator = findDiscriminator(nonNull, root);
    if (discriminator) {
      return {
        type: 'union',
        schema,
        discriminator,
        nullable,
        variants: nonNull.map((v) => {
          const d = resolveRef(v.properties![discriminator], root);
          const value = (d.const ?? d.enum?.[0]) as string | number | boolean;
          return { value, label: v.title ?? String(value), schema: v };
        }),
      };
    }
    return { type: 'json', schema, nullable };
  }

  const types = typesOf(schema);
  const nullable = types.includes('null');
  const t = types.filter((x) => x !== 'null');
  if (schema.enum) return { type: 'enum', schema, options: schema.enum.filter((v) => v !== null), nullable: nullable || schema.enum.includes(null) };
  if (t.length === 1) {
    switch (t[0]) {
      case 'integer':
      case 'number':
        return { type: t[0], schema, nullable };
      case 'boolean':
        return { type: 'boolean', schema, nullable };
      case 'string':
        if (schema.contentEncoding === 'base64') return { type: 'file', schema, nullable };
        return typeof schema.contentMediaType === 'string' && schema.contentMediaType.startsWith('text/')
          ? { type: 'text', schema, nullable }
          : { type: 'string', schema, nullable };
      case 'object':
        return schema.properties ? { type: 'object', schema, nullable } : { type: 'json', schema, nullable };
      case 'array': {
        const item = schema.items ? resolveRef(schema.items, root) : undefined;
        const itemTypes = item ? typesOf(item) : [];
        if (item && itemTypes.length === 1 && (itemTypes[0] === 'number' || itemTypes[0] === 'integer')) {
          return { type: 'numberArray', schema, item, integer: itemTypes[0] === 'integer', nullable };
        }
        if (item?.enum) return { type: 'enumArray', schema, options: item.enum.filter((v) => v !== null), nullable };
        return { type: 'json', schema, nullable };
      }
    }
  }
  return { type: 'json', schema, nullable };
}

/** The property every variant pins with a `const`: "type" if possible, as in the kinds' schemas. */
function findDiscriminator(variants: JsonSchema[], root: JsonSchema): string | null {
  if (variants.length === 0 || !variants.every((v) => v.properties)) return null;
  const candidates = Object.keys(variants[0].properties!);
  const pinned = (name: string) =>
    variants.every((v) => {
      const p = v.properties![name];
      if (!p) return false;
      const r = resolveRef(p, root);
      return r.const !== undefined || r.enum?.length === 1;
    });
  if (candidates.includes('type') && pinned('type')) return 'type';
  return candidates.find(pinned) ?? null;
}

/** File-name extensions a file picker should offer for a schema's `contentMediaType` ('' = any file). */
export function acceptedFiles(schema: JsonSchema): string {
  const type = typeof schema.contentMediaType === 'string' ? schema.contentMediaType : '';
  const known: Record<string, string> = {
    'application/x-npy': '.npy',
    'text/csv': '.csv,.tsv,.txt,text/csv,text/plain',
  };
  return known[type] ?? '';
}

/** Bytes held by a base64 string (padding excluded), without decoding it. */
export function base64Size(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  return Math.floor((end * 3) / 4);
}

/** Standard base64 of a file's bytes (chunked, so large files do not overflow the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 0x8000 - (0x8000 % 3);
  // Chunks of a multiple of 3 bytes encode independently (no padding inside).
  for (let i = 0; i < bytes.length; i += CHUNK) parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK))));
  return parts.join('');
}

/** A schema's default, or a neutral value of the right type when there is none. */
export function defaultValue(input: JsonSchema, root: JsonSchema): unknown {
  const schema = resolveRef(input, root);
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.const !== undefined) return schema.const;
  const model = fieldModel(schema, root);
  switch (model.type) {
    case 'integer':
    case 'number': {
      if (model.nullable) return null;
      const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (model.type === 'integer' ? 1 : 0) : undefined);
      return lo ?? 0;
    }
    case 'boolean':
      return model.nullable ? null : false;
    case 'string':
      return model.nullable ? null : '';
    case 'enum':
      return model.options[0];
    case 'numberArray':
      return [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        const v = defaultValue(prop, root);
        if (v !== undefined && (schema.required?.includes(key) || resolveRef(prop, root).default !== undefined || resolveRef(prop, root).const !== undefined)) out[key] = v;
      }
      return out;
    }
    case 'union':
      return defaultValue(model.variants[0].schema, root);
    case 'json':
      return model.nullable ? null : undefined;
  }
}

const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', kappa: 'κ',
  lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
};

/**
 * "learningRate" / "learning_rate" → "Learning rate"; "theta" → "θ" as in the papers; short symbols
 * ("n", "d") stay as they are. The schema title wins when present.
 */
export function fieldLabel(key: string, schema: JsonSchema): string {
  if (schema.title) return schema.title;
  if (GREEK[key]) return GREEK[key];
  if (key.length <= 2) return key;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w, i) => (i > 0 && /^[A-Z][a-z]/.test(w) ? w.toLowerCase() : w));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Bounds worth showing: zod writes ±MAX_SAFE_INTEGER for plain ints, which says nothing. */
export function meaningfulBound(x: number | undefined): number | undefined {
  return x !== undefined && Math.abs(x) < 1e15 ? x : undefined;
}
