/**
 * One backing store for the typed arrays of one summarize call.
 *
 * A typed array of more than 64 bytes gets its own off-heap `ArrayBuffer` in V8: an allocation
 * outside the JavaScript heap, zeroed, registered with the garbage collector and swept later.
 * Measured in Node 20, `new Float64Array(300)` costs about 2 µs against 40 ns for a view into an
 * existing buffer, and one summary of a 700-word article created about 45 such arrays. An arena
 * hands out views into a few large buffers instead; the views are fresh (zeroed) memory, never
 * reused, so nothing read through them can depend on an earlier call.
 *
 * @module
 */

/** Bytes of the first buffer when the caller gives no size hint. */
const DEFAULT_CHUNK = 1 << 14

export class Arena {
  private buffer: ArrayBuffer
  private used = 0
  private readonly chunk: number

  /** @param hint - expected total bytes; buffers are at least this large (rounded up to 8). */
  constructor(hint = DEFAULT_CHUNK) {
    this.chunk = Math.max(1024, (Math.ceil(hint) + 7) & ~7)
    this.buffer = new ArrayBuffer(this.chunk)
  }

  /** Byte offset of `bytes` fresh bytes aligned to 8, in `this.buffer` (replaced when full). */
  private take(bytes: number): number {
    const size = (bytes + 7) & ~7
    if (this.used + size > this.buffer.byteLength) {
      this.buffer = new ArrayBuffer(Math.max(this.chunk, size))
      this.used = 0
    }
    const offset = this.used
    this.used += size
    return offset
  }

  /** A zeroed `Float64Array` of `length` elements. */
  f64(length: number): Float64Array {
    const offset = this.take(length * 8)
    return new Float64Array(this.buffer, offset, length)
  }

  /** A zeroed `Int32Array` of `length` elements. */
  i32(length: number): Int32Array {
    const offset = this.take(length * 4)
    return new Int32Array(this.buffer, offset, length)
  }

  /** A zeroed `Uint8Array` of `length` elements. */
  u8(length: number): Uint8Array {
    const offset = this.take(length)
    return new Uint8Array(this.buffer, offset, length)
  }
}
