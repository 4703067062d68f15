// Multiply-add primitives. With relaxed SIMD the runtime may fuse a*b + c into one FMA (x86 FMA3,
// ARM FMLA): one rounding instead of two and twice the throughput of separate mul/add. The choice is
// made at compile time (two .wasm variants) so that one module always rounds the same way: results
// are reproducible for a given variant and bit-identical across thread counts.

@inline export function madd2(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

/** c − a·b (fused negative multiply-add under relaxed SIMD). */
@inline export function nmadd2(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_nmadd(a, b, c);
  return f64x2.sub(c, f64x2.mul(a, b));
}

@inline export function madd4(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** Byte offset of element i of a float64 array. */
@inline export function o8(i: i32): usize {
  return (<usize>i) << 3;
}

/** Byte offset of element i of a float32 array. */
@inline export function o4(i: i32): usize {
  return (<usize>i) << 2;
}
