/**
 * Minimal complex arithmetic for the Stieltjes-transform solvers (MATH.md §0).
 *
 * Two styles, on purpose:
 * - `Complex` objects with pure functions (`cadd`, `cmul`, …) for readable, non-hot code and for the public
 *   API (`stieltjes(measure, z)` returns a `Complex`);
 * - the hot loops (CK chain forward map, measure evaluators, NTK sweeps) work on plain `re`/`im` locals and
 *   write into a caller-owned `Float64Array`, because a density curve costs ~1e6 complex operations and
 *   allocating an object per operation would dominate. The few helpers they share (`csqrtInto`,
 *   `clogInto`, `cdivRe/cdivIm`) are here so the branch conventions live in one place.
 *
 * Branch conventions: `csqrt` and `clog` are principal (cut along the negative real axis, the sign of a
 * zero imaginary part selects the side, as in C99 `csqrt`/`clog`). §0.5 relies on the principal root of
 * each factor separately; §2.3(b) on the principal Log.
 */
export interface Complex {
  re: number;
  im: number;
}

export function complex(re: number, im = 0): Complex {
  return { re, im };
}

export function cadd(a: Complex, b: Complex): Complex {
  return { re: a.re + b.re, im: a.im + b.im };
}

export function csub(a: Complex, b: Complex): Complex {
  return { re: a.re - b.re, im: a.im - b.im };
}

export function cmul(a: Complex, b: Complex): Complex {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

export function cscale(a: Complex, s: number): Complex {
  return { re: a.re * s, im: a.im * s };
}

/** a / b by Smith's algorithm: avoids overflow of |b|² when b is very large or very small. */
export function cdiv(a: Complex, b: Complex): Complex {
  const re = cdivRe(a.re, a.im, b.re, b.im);
  const im = cdivIm(a.re, a.im, b.re, b.im);
  return { re, im };
}

/** 1 / b. */
export function cinv(b: Complex): Complex {
  return cdiv({ re: 1, im: 0 }, b);
}

export function cabs(a: Complex): number {
  return Math.hypot(a.re, a.im);
}

export function cconj(a: Complex): Complex {
  return { re: a.re, im: -a.im };
}

/** Principal square root (Re ≥ 0; on the cut the sign of im, including −0, picks the side). */
export function csqrt(a: Complex): Complex {
  const out = new Float64Array(2);
  csqrtInto(a.re, a.im, out, 0);
  return { re: out[0], im: out[1] };
}

/** Principal logarithm. */
export function clog(a: Complex): Complex {
  return { re: Math.log(Math.hypot(a.re, a.im)), im: Math.atan2(a.im, a.re) };
}

/** Real part of (ar + i·ai) / (br + i·bi), Smith's algorithm. */
export function cdivRe(ar: number, ai: number, br: number, bi: number): number {
  if (Math.abs(br) >= Math.abs(bi)) {
    const r = bi / br;
    return (ar + ai * r) / (br + bi * r);
  }
  const r = br / bi;
  return (ar * r + ai) / (br * r + bi);
}

/** Imaginary part of (ar + i·ai) / (br + i·bi), Smith's algorithm. */
export function cdivIm(ar: number, ai: number, br: number, bi: number): number {
  if (Math.abs(br) >= Math.abs(bi)) {
    const r = bi / br;
    return (ai - ar * r) / (br + bi * r);
  }
  const r = br / bi;
  return (ai * r - ar) / (br * r + bi);
}

/**
 * Principal square root of re + i·im into out[k], out[k+1]. Uses the stable form
 * t = √((|a| + |re|)/2): no cancellation when re < 0 and |im| ≪ |re| (exactly the regime of §0.5 near the
 * real axis), and the sign of im (including −0) decides the side of the cut.
 */
export function csqrtInto(re: number, im: number, out: Float64Array, k: number): void {
  if (re === 0 && im === 0) {
    out[k] = 0;
    out[k + 1] = im;
    return;
  }
  const t = Math.sqrt((Math.hypot(re, im) + Math.abs(re)) / 2);
  if (re >= 0) {
    out[k] = t;
    out[k + 1] = im / (2 * t);
  } else {
    out[k] = Math.abs(im) / (2 * t);
    out[k + 1] = Object.is(im, -0) || im < 0 ? -t : t;
  }
}
