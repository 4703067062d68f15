/**
 * One row family of the benchmark table: the engine side of a workload and the matching
 * numpy/scipy reference in ../shared/bench/numpy_ref.py, timed on the same inputs' distribution.
 * Add a workload by writing bench/workloads/<name>.ts and listing it in bench/workloads/index.ts.
 */
export interface BenchWorkload<Prepared = unknown> {
  /** Name used on the command line (`npx tsx bench/run.ts gemm eigh`). */
  readonly name: string;
  /** What is timed, for the table. */
  readonly description: string;
  /**
   * Sizes run when the command line gives no --sizes (default 1000, 2000, 4000: the kernels' table). The
   * kind-level workloads stop at 2000: at 4000 one ck or train cell takes minutes on each side.
   */
  readonly defaultSizes?: readonly number[];
  /** The issue's goal for engine/numpy at one size (e.g. issue 3: GEMM ≤ 2.0 at n = 2000), shown in the table. */
  readonly goal?: { readonly n: number; readonly ratio: number; readonly issue: number };
  /** Parameters for a nominal size n (e.g. syrk uses d = 1.5·n). */
  params(n: number): Record<string, number | string>;
  /** numpy_ref.py workload name and key=value arguments timing the same work in numpy (float64). */
  numpy(n: number): { workload: string; args: Record<string, number | string> };
  /** Builds inputs (untimed) in the engine child process. */
  prepare(params: Record<string, number | string>): Prepared;
  /** The timed work; returns a number derived from the result (a check, not a timing). */
  run(prepared: Prepared): number;
}
