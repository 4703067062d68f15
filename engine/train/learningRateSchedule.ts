/**
 * Learning-rate schedules: constant, or step decay η_t = η·factor^⌊t/every⌋ (t = number of updates
 * already made, so the first update uses η).
 */
export type LearningRateSchedule = { type: 'constant' } | { type: 'step'; every: number; factor: number };

export function learningRateAt(lr: number, schedule: LearningRateSchedule, step: number): number {
  if (schedule.type === 'constant') return lr;
  return lr * schedule.factor ** Math.floor(step / schedule.every);
}
