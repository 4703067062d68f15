/**
 * Every computation kind, by name. The mapped type makes an unregistered or mistyped kind a compile
 * error: adding a kind means adding it to `KindParams`/`KindResults` and to the object below.
 */
import type { ComputationModule } from './kinds/ComputationModule.js';
import { mpSanity, type MpSanityParams, type MpSanityResult } from './kinds/mp-sanity/index.js';
import { matching, type MatchingParams, type MatchingResult } from './kinds/matching/index.js';
import { eigvecOverlap, type EigvecOverlapParams, type EigvecOverlapResult } from './kinds/eigvec-overlap/index.js';
import { spike, type SpikeParams, type SpikeResult } from './kinds/spike/index.js';
import { heavyTail, type HeavyTailParams, type HeavyTailResult } from './kinds/heavy-tail/index.js';
import { ckNtk, type CkNtkParams, type CkNtkResult } from './kinds/ck-ntk/index.js';
import { training, type TrainingParams, type TrainingResult } from './kinds/training/index.js';

export interface KindParams {
  'mp-sanity': MpSanityParams;
  matching: MatchingParams;
  'eigvec-overlap': EigvecOverlapParams;
  spike: SpikeParams;
  'heavy-tail': HeavyTailParams;
  'ck-ntk': CkNtkParams;
  training: TrainingParams;
}
export interface KindResults {
  'mp-sanity': MpSanityResult;
  matching: MatchingResult;
  'eigvec-overlap': EigvecOverlapResult;
  spike: SpikeResult;
  'heavy-tail': HeavyTailResult;
  'ck-ntk': CkNtkResult;
  training: TrainingResult;
}
export type Kind = keyof KindParams;

export const registry: { readonly [K in Kind]: ComputationModule<KindParams[K], KindResults[K]> } = {
  'mp-sanity': mpSanity,
  matching,
  'eigvec-overlap': eigvecOverlap,
  spike,
  'heavy-tail': heavyTail,
  'ck-ntk': ckNtk,
  training,
};

export const KINDS = Object.keys(registry) as Kind[];

export function isKind(name: unknown): name is Kind {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(registry, name);
}

/** The module for a kind, typed loosely for generic callers (worker, API, CLI). */
export function moduleFor(kind: Kind): ComputationModule<unknown, unknown> {
  return registry[kind] as unknown as ComputationModule<unknown, unknown>;
}
