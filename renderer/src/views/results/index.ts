import type { Component } from 'svelte';
import type { RunDetail, RunResult } from '../../../../electron/api';
import GenericResult from './GenericResult.svelte';
import MpSanityResult from './MpSanityResult.svelte';
import MatchingResult from './MatchingResult.svelte';
import EigvecOverlapResult from './EigvecOverlapResult.svelte';
import CkNtkResult from './CkNtkResult.svelte';
import SpikeResult from './SpikeResult.svelte';
import HeavyTailResult from './HeavyTailResult.svelte';
import TrainingResult from './TrainingResult.svelte';

export interface ResultViewProps {
  run: RunDetail;
  result: RunResult;
}

/**
 * One result view per computation kind. A kind without an entry still shows its scalars through the
 * generic table, so a new engine kind is usable before its figure exists.
 */
export const resultViews: Record<string, Component<ResultViewProps>> = {
  'mp-sanity': MpSanityResult,
  matching: MatchingResult,
  'eigvec-overlap': EigvecOverlapResult,
  'ck-ntk': CkNtkResult,
  spike: SpikeResult,
  'heavy-tail': HeavyTailResult,
  training: TrainingResult,
};

export function resultViewFor(kind: string): Component<ResultViewProps> {
  return resultViews[kind] ?? GenericResult;
}
