/** Every kernel exported by engine/linalg/assembly/index.ts that the thread pool may dispatch. */
export const KERNEL_NAMES = [
  'dpackB', 'dgemmBlock', 'mirrorUpper', 'spackB', 'sgemmBlock', 'widenMirrorF32',
  'symvPartial', 'timesTTransposed', 'transposeBlock', 'dgemvRows', 'activate', 'activateF32', 'fillGaussian',
] as const;
