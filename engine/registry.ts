/**
 * Every computation kind, by name. The mapped type makes an unregistered or mistyped kind a compile
 * error: adding a kind means adding it to `KindParams`/`KindResults` and to the object below.
 */
import type { ComputationModule } from './kinds/ComputationModule.js';
import { mpSanity, type MpSanityParams, type MpSanityResult } from './kinds/mp-sanity/index.js';

export interface KindParams {
  'mp-sanity': MpSanityParams;
}
export interface KindResults {
  'mp-sanity': MpSanityResult;
}
export type Kind = keyof KindParams;

export const registry: { readonly [K in Kind]: ComputationModule<KindParams[K], KindResults[K]> } = {
  'mp-sanity': mpSanity,
};

export const KINDS = Object.keys(registry) as Kind[];

export function isKind(name: unknown): name is Kind {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(registry, name);
}

/** The module for a kind, typed loosely for generic callers (worker, API, CLI). */
export function moduleFor(kind: Kind): ComputationModule<unknown, unknown> {
  return registry[kind] as unknown as ComputationModule<unknown, unknown>;
}
