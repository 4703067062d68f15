/**
 * Seeded pseudo-random generator: xoshiro128** (Blackman & Vigna), state seeded by splitmix32.
 *
 * Why this one: it needs only 32-bit integer arithmetic (Math.imul), so it is fast in plain JS without
 * BigInt, and its output is bit-identical on every platform — the engine promises that the same seed and
 * engine version give the same arrays. Uniform doubles take 53 bits from two outputs.
 *
 * `fork(stream)` derives an independent generator for a named sub-stream (a layer, a repeat), so that
 * changing one part of an experiment does not shift the random numbers of the others.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Second Box–Muller variate, kept so normals come in pairs without waste. */
  private spare = 0;
  private hasSpare = false;
  readonly seed: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`seed must be an integer in [0, 4294967295], got ${seed}`);
    }
    this.seed = seed;
    let x = seed >>> 0;
    const next = (): number => {
      // splitmix32: spreads a small seed over the whole state so that seeds 1 and 2 are unrelated.
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** Next raw 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform double in (0, 1]: safe for log(). */
  uniformPositive(): number {
    return 1 - this.uniform();
  }

  /** Standard normal by the Box–Muller transform (both variates used). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u = this.uniformPositive();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    const a = 2 * Math.PI * v;
    this.spare = r * Math.sin(a);
    this.hasSpare = true;
    return r * Math.cos(a);
  }

  /** Integer uniform in [0, n) without modulo bias (rejection on the top partial block). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 0x100000000) throw new RangeError(`int(n) needs 1 <= n <= 2^32, got ${n}`);
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  /** Independent generator for a named sub-stream; deterministic in (seed, stream). */
  fork(stream: string | number): Rng {
    let h = 0x811c9dc5 ^ this.seed; // FNV-1a over the stream label, mixed with the parent seed
    const label = String(stream);
    for (let i = 0; i < label.length; i++) {
      h ^= label.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return new Rng(h >>> 0);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
