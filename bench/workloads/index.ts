import type { BenchWorkload } from '../BenchWorkload.js';
import { eighWorkload } from './eigh.js';
import { eigvalshWorkload } from './eigvalsh.js';
import { gemm } from './gemm.js';
import { gemmF32 } from './gemmF32.js';
import { lsa } from './lsa.js';
import { syrk } from './syrk.js';
import { train } from './train.js';
import { ck, ckF32 } from './ck.js';
import { grampa } from './grampa.js';

/** The benchmark table, in print order: kernels first, then each kind's workload (numpy_ref.py names). */
export const WORKLOADS: readonly BenchWorkload<unknown>[] = [gemm, gemmF32, syrk, eigvalshWorkload, eighWorkload, lsa, ck, ckF32, grampa, train];
