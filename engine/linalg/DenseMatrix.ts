/** Row-major dense matrix: element (i, j) is data[i * cols + j]. */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Row-major single-precision matrix for forward passes (see matmulF32). */
export interface DenseMatrixF32 {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;
}
