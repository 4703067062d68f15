// Entry point of the linalg WASM module: every kernel the TypeScript side dispatches by name.
// Kernels take (task, tid, ...args): `task` is the index of a fixed piece of work (independent of the
// thread count, so results are bit-identical for any number of threads) and `tid` selects the calling
// thread's scratch area. Memory is imported, shared, and managed entirely by the TypeScript side.
export { dpackB, dgemmBlock, mirrorUpper } from './dgemm';
export { spackB, sgemmBlock, widenMirrorF32 } from './sgemm';
export { latrdColumn, latrdFinish, symvPartial, symvChunks } from './tridiagonalize';
export { sterf } from './sterf';
export { buildReflectorBlock, timesTTransposed, transposeBlock } from './reflectors';
export { dgemvRows } from './dgemv';
export { activate, activateF32, fillGaussian } from './elementwise';
