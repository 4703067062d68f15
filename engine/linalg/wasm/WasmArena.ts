/**
 * Bump allocator over the shared WebAssembly.Memory. Every public linalg call is synchronous and
 * non-reentrant, so a stack discipline suffices: `mark()` at entry, allocate, `release(mark)` at exit.
 * Memory grows on demand up to the module's declared maximum and is then reused by later calls (the
 * high-water mark stays committed; shared memory cannot shrink).
 */
export class WasmArena {
  private top: number;
  private f64: Float64Array;
  private f32: Float32Array;

  constructor(
    readonly memory: WebAssembly.Memory,
    private readonly base: number,
    private readonly maxBytes: number,
  ) {
    this.top = base;
    this.f64 = new Float64Array(memory.buffer);
    this.f32 = new Float32Array(memory.buffer);
  }

  mark(): number {
    return this.top;
  }

  release(mark: number): void {
    this.top = mark;
  }

  /** Byte address of a fresh 64-byte-aligned block (cache-line aligned so threads never share a line at the edges). */
  alloc(bytes: number, what: string): number {
    const addr = (this.top + 63) & ~63;
    const end = addr + bytes;
    if (end > this.maxBytes) {
      throw new RangeError(`linalg: ${what} needs ${(end / 2 ** 20).toFixed(0)} MiB of WASM memory, above the ${(this.maxBytes / 2 ** 20).toFixed(0)} MiB limit`);
    }
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      this.memory.grow(Math.ceil((end - have) / 65536));
    }
    this.top = end;
    return addr;
  }

  /** Views over the current buffer (recreated after growth: a grown shared memory exposes a new, longer SharedArrayBuffer). */
  get F64(): Float64Array {
    if (this.f64.buffer.byteLength !== this.memory.buffer.byteLength) this.refresh();
    return this.f64;
  }

  get F32(): Float32Array {
    if (this.f32.buffer.byteLength !== this.memory.buffer.byteLength) this.refresh();
    return this.f32;
  }

  private refresh(): void {
    this.f64 = new Float64Array(this.memory.buffer);
    this.f32 = new Float32Array(this.memory.buffer);
  }

  get baseAddress(): number {
    return this.base;
  }
}
