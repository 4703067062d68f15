import { z } from 'zod';
import { KINDS, moduleFor } from './registry.js';

/** A kind with its parameters as JSON Schema (generated from the zod schema) and its defaults. */
export interface KindDescription {
  kind: string;
  title: string;
  description: string;
  paramsSchema: Record<string, unknown>;
  defaults: Record<string, unknown>;
}

/** Kinds as the renderer, the API and `spectra kinds` see them. */
export function kindCatalog(): KindDescription[] {
  return KINDS.map((kind) => {
    const m = moduleFor(kind);
    // io: 'input' — fields with defaults are optional in what a user may send.
    const paramsSchema = z.toJSONSchema(m.params as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    return { kind, title: m.title, description: m.description, paramsSchema, defaults: m.params.parse({}) as Record<string, unknown> };
  });
}
