/**
 * The TypeScript twin of fillGaussian in engine/linalg/assembly/elementwise.ts (same chunks, same
 * xoshiro128** streams, same polar method), for the fallback backend. Integer steps are identical; the
 * logarithm is V8's, so a value can differ from the WASM kernel's in the last bit.
 */
/** Elements per independent stream; even, so a polar pair never straddles two chunks. */
export const GAUSSIAN_CHUNK = 65536;

function mix32(z: number): number {
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export function fillGaussianJs(out: Float64Array | Float32Array, key: readonly number[]): void {
  const tasks = Math.ceil(out.length / GAUSSIAN_CHUNK);
  for (let task = 0; task < tasks; task++) {
    let s0 = mix32((key[0] ^ mix32((task + 0x9e3779b9) >>> 0)) >>> 0);
    let s1 = mix32((key[1] ^ mix32((task + 0x3c6ef372) >>> 0)) >>> 0);
    let s2 = mix32((key[2] ^ mix32((task + 0xdaa66d2b) >>> 0)) >>> 0);
    let s3 = mix32((key[3] ^ mix32((task + 0x78dde6e4) >>> 0)) >>> 0);
    if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
    const next = (): number => {
      const r = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
      const t = (s1 << 9) >>> 0;
      s2 = (s2 ^ s0) >>> 0;
      s3 = (s3 ^ s1) >>> 0;
      s1 = (s1 ^ s2) >>> 0;
      s0 = (s0 ^ s3) >>> 0;
      s2 = (s2 ^ t) >>> 0;
      s3 = rotl(s3, 11);
      return r;
    };
    const i1 = Math.min(out.length, (task + 1) * GAUSSIAN_CHUNK);
    for (let i = task * GAUSSIAN_CHUNK; i < i1; i += 2) {
      let u = 0;
      let v = 0;
      let s = 0;
      do {
        let a = next();
        let b = next();
        u = 2 * (((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992) - 1;
        a = next();
        b = next();
        v = 2 * (((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992) - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const m = Math.sqrt((-2 * Math.log(s)) / s);
      out[i] = u * m;
      if (i + 1 < i1) out[i + 1] = v * m;
    }
  }
}
