// y = A x for row-major A (rows × cols), rows [task·rpt, …): the Lanczos matvec. Each y_i is one dot
// product computed by one thread, so the result is independent of the thread count.
import { ddot } from './blas1';
import { o8 } from './simd';

export function dgemvRows(task: i32, tid: i32, rows: i32, cols: i32, a: usize, x: usize, y: usize, rpt: i32): void {
  const r1 = min(rows, (task + 1) * rpt);
  for (let i = task * rpt; i < r1; i++) store<f64>(y + o8(i), ddot(cols, a + o8(i * cols), x));
}
