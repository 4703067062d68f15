import type { FieldIssue, JsonSchema } from '../../../../electron/api';
import { fieldModel, meaningfulBound, resolveRef } from './fieldModel';
import { formatNumber } from '../format/formatNumber';
import { joinPath } from './valuePath';

/**
 * Client-side checks of what the form can know alone: types, bounds, lengths, required fields.
 * The server's `validateParams` stays the authority (memory estimates, cross-field rules); this only
 * gives an immediate message while typing and keeps obviously bad values off the wire.
 */
export function validateValue(schema: JsonSchema, value: unknown, root: JsonSchema, path = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  check(schema, value, root, path, issues);
  return issues;
}

function check(input: JsonSchema, value: unknown, root: JsonSchema, path: string, issues: FieldIssue[]): void {
  const schema = resolveRef(input, root);
  const model = fieldModel(schema, root);
  const add = (message: string, at = path): void => {
    issues.push({ path: at, message });
  };

  if (value === null) {
    if (!model.nullable && model.type !== 'json') add('A value is required.');
    return;
  }
  if (value === undefined) return; // absence is judged by the parent's `required`

  switch (model.type) {
    case 'integer':
    case 'number':
      checkNumber(schema, value, model.type === 'integer', add);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') add('Must be true or false.');
      return;
    case 'string': {
      if (typeof value !== 'string') return add('Must be text.');
      const min = schema.minLength as number | undefined;
      const max = schema.maxLength as number | undefined;
      if (min !== undefined && value.length < min) add(min === 1 ? 'Must not be empty.' : `Must be at least ${min} characters.`);
      if (max !== undefined && value.length > max) add(`Must be at most ${max} characters.`);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern as string, 'u').test(value)) add('Has the wrong format.');
      return;
    }
    case 'enum':
      if (!model.options.some((o) => Object.is(o, value))) add(`Must be one of ${model.options.map(String).join(', ')}.`);
      return;
    case 'numberArray': {
      if (!Array.isArray(value)) return add('Must be a list of numbers.');
      if (schema.minItems !== undefined && value.length < schema.minItems) {
        add(schema.minItems === 1 ? 'Enter at least one value.' : `Enter at least ${schema.minItems} values.`);
      }
      if (schema.maxItems !== undefined && value.length > schema.maxItems) add(`Enter at most ${schema.maxItems} values.`);
      value.forEach((item, i) => {
        const at = joinPath(path, i);
        checkNumber(model.item, item, model.integer, (message) => add(message, at));
      });
      return;
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return add('Must be a group of values.');
      const obj = value as Record<string, unknown>;
      for (const key of schema.required ?? []) {
        if (obj[key] === undefined) add('A value is required.', joinPath(path, key));
      }
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        check(prop, obj[key], root, joinPath(path, key), issues);
      }
      return;
    }
    case 'union': {
      const tag = (value as Record<string, unknown>)[model.discriminator];
      const variant = model.variants.find((v) => Object.is(v.value, tag));
      if (!variant) return add(`Choose one of ${model.variants.map((v) => v.label).join(', ')}.`, joinPath(path, model.discriminator));
      check(variant.schema, value, root, path, issues);
      return;
    }
    case 'json':
      return;
  }
}

function checkNumber(schema: JsonSchema, value: unknown, integer: boolean, add: (message: string) => void): void {
  if (typeof value !== 'number' || Number.isNaN(value)) return add('Enter a number.');
  if (!Number.isFinite(value)) return add('Must be finite.');
  if (integer && !Number.isInteger(value)) return add('Must be a whole number.');
  const min = meaningfulBound(schema.minimum);
  const max = meaningfulBound(schema.maximum);
  const xmin = meaningfulBound(schema.exclusiveMinimum);
  const xmax = meaningfulBound(schema.exclusiveMaximum);
  if (min !== undefined && value < min) add(`Must be ≥ ${formatNumber(min)}.`);
  if (max !== undefined && value > max) add(`Must be ≤ ${formatNumber(max)}.`);
  if (xmin !== undefined && value <= xmin) add(`Must be > ${formatNumber(xmin)}.`);
  if (xmax !== undefined && value >= xmax) add(`Must be < ${formatNumber(xmax)}.`);
  if (integer && !Number.isSafeInteger(value)) add('Too large to be exact.');
}
