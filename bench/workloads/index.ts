import type { BenchWorkload } from '../BenchWorkload.js';
import { eighWorkload } from './eigh.js';
import { eigvalshWorkload } from './eigvalsh.js';
import { gemm } from './gemm.js';
import { gemmF32 } from './gemmF32.js';
import { lsa } from './lsa.js';
import { syrk } from './syrk.js';

/** The benchmark table, in print order. Add `ck`, `grampa`, `train` here as their kinds land. */
export const WORKLOADS: readonly BenchWorkload<unknown>[] = [gemm, gemmF32, syrk, eigvalshWorkload, eighWorkload, lsa];
