/**
 * Base64 (RFC 4648, standard alphabet; '-' and '_' of the URL-safe alphabet accepted too) in plain
 * TypeScript: no Buffer, no atob, so the same code runs in the engine, the CLI and the renderer.
 * Whitespace (line breaks of MIME-wrapped text) is skipped; padding is optional.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
DECODE['-'.charCodeAt(0)] = 62;
DECODE['_'.charCodeAt(0)] = 63;

export class Base64Error extends Error {
  override name = 'Base64Error';
}

/** Bytes of a base64 string; throws Base64Error naming the first character that is not base64. */
export function decodeBase64(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 61 /* = */ || isSpace(text.charCodeAt(end - 1)))) end--;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    const v = c < 128 ? DECODE[c] : -1;
    if (v < 0) throw new Base64Error(`not base64: character ${JSON.stringify(text[i])} at position ${i + 1}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  if (bits >= 6) throw new Base64Error('not base64: the length is not a whole number of bytes');
  return o === out.length ? out : out.slice(0, o);
}

/** Standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let s = '';
    for (let i = start; i < end; i += 3) {
      const n = (bytes[i] << 16) | ((i + 1 < end ? bytes[i + 1] : 0) << 8) | (i + 2 < end ? bytes[i + 2] : 0);
      s += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63] + (i + 1 < end ? ALPHABET[(n >> 6) & 63] : '=') + (i + 2 < end ? ALPHABET[n & 63] : '=');
    }
    parts.push(s);
  }
  return parts.join('');
}

/** Decoded size of a base64 string without decoding it. */
export function base64DecodedLength(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  return Math.floor((end * 3) / 4);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
