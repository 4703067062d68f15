/**
 * JSON encoding for the web-mode transport that keeps Float64Arrays intact.
 *
 * Why not plain JSON: results carry eigenvalue arrays of 10⁴–10⁶ doubles; as decimal text they are
 * ~3× larger and lose nothing only with 17 digits. Base64 of the raw little-endian bytes is exact and
 * compact. Pure functions with no DOM or Node APIs, so the server (electron/web.ts) and the renderer
 * share this one file.
 */

const F64_TAG = '$f64';

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Float64Array) return { [F64_TAG]: bytesToBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
    if (typeof v === 'number' && !Number.isFinite(v)) return { $num: String(v) }; // NaN/±Infinity survive
    return v;
  });
}

export function decodeWire<T = unknown>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o[F64_TAG] === 'string' && Object.keys(o).length === 1) {
        const bytes = base64ToBytes(o[F64_TAG] as string);
        return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
      }
      if (typeof o.$num === 'string' && Object.keys(o).length === 1) return Number(o.$num);
    }
    return v;
  }) as T;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = bytes[i + 1] ?? 0, c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    chunk += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    chunk += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    chunk += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
    if (chunk.length > 8192) { parts.push(chunk); chunk = ''; }
  }
  parts.push(chunk);
  return parts.join('');
}

function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n = (LOOKUP[clean.charCodeAt(i)] << 18) | (LOOKUP[clean.charCodeAt(i + 1)] << 12) |
      ((i + 2 < clean.length ? LOOKUP[clean.charCodeAt(i + 2)] : 0) << 6) | (i + 3 < clean.length ? LOOKUP[clean.charCodeAt(i + 3)] : 0);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  // A fresh, 8-byte-aligned buffer so Float64Array views are valid.
  return out;
}

/** Client → server request. */
export interface WireCall { type: 'call'; seq: number; method: string; args: unknown[] }
/** Server → client answer to a call with the same seq. */
export type WireReply =
  | { type: 'reply'; seq: number; ok: true; value: unknown }
  | { type: 'reply'; seq: number; ok: false; error: { name: string; message: string; issues?: { path: string; message: string }[] } };
/** Server → client push. */
export interface WireEvent { type: 'event'; event: string; payload: unknown }
