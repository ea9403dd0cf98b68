/**
 * One backing store for the typed arrays of one summarize call.
 *
 * A typed array of more than 64 bytes gets its own off-heap `ArrayBuffer` in V8: an allocation
 * outside the JavaScript heap, zeroed, registered with the garbage collector and swept later.
 * Measured in Node 20, `new Float64Array(300)` costs about 2 µs against 40 ns for a view into an
 * existing buffer, and one summary of a 700-word article created about 45 such arrays. An arena
 * hands out zeroed views into one large buffer instead.
 *
 * Large buffers are not cheap either (a fresh 53 KB `ArrayBuffer` costs about 9 µs of CPU, a
 * 64 KB one about 60 µs, where the allocator switches to mapping pages), so a call that knows
 * none of its arrays outlives it (`summarize`) gives its buffer back with `release`, zeroed, and
 * the next arena starts from it. An arena that is never released (a model kept by the caller)
 * simply leaves its buffer to the garbage collector.
 *
 * @module
 */

/** Bytes of the first buffer when the caller gives no size hint. */
const DEFAULT_CHUNK = 1 << 14
/**
 * Larger buffers are not kept for reuse. The largest arena a request under the API's limits
 * needs is about 16 MB (200,000 characters of one-character sentences: 8 bytes a unit and 144 a
 * sentence, see document.ts), so every request can reuse the previous one's buffer.
 */
const MAX_SPARE = 17 << 20
/**
 * A spare over this size is dropped, not reused, by an arena that asks for less than a quarter
 * of it: a burst of huge inputs keeps its buffer, and ordinary traffic after it gives the memory
 * back instead of pinning it.
 */
const KEEP_LARGE_SPARE = 4 << 20

/** A zeroed buffer left by a released arena, taken by the next one that fits in it. */
let spare: ArrayBuffer | undefined

export class Arena {
  private buffer: ArrayBuffer
  private used = 0
  private readonly chunk: number
  /** Buffers filled before `buffer`, and how much of each was used (for `release`). */
  private readonly full: { buffer: ArrayBuffer; used: number }[] = []

  /** @param hint - expected total bytes; buffers are at least this large (rounded up to 8). */
  constructor(hint = DEFAULT_CHUNK) {
    this.chunk = Math.max(1024, (Math.ceil(hint) + 7) & ~7)
    if (
      spare !== undefined &&
      spare.byteLength > KEEP_LARGE_SPARE &&
      spare.byteLength > 4 * this.chunk
    )
      spare = undefined
    if (spare !== undefined && spare.byteLength >= this.chunk) {
      this.buffer = spare
      spare = undefined
    } else {
      this.buffer = new ArrayBuffer(this.chunk)
    }
  }

  /** Byte offset of `bytes` fresh bytes aligned to 8, in `this.buffer` (replaced when full). */
  private take(bytes: number): number {
    const size = (bytes + 7) & ~7
    if (this.used + size > this.buffer.byteLength) {
      this.full.push({ buffer: this.buffer, used: this.used })
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

  /**
   * Gives the memory back for the next arena. Only for a caller that holds no array taken from
   * this arena any more: they would see the next call's data. The arena must not be used after.
   */
  release(): void {
    let largest: ArrayBuffer | undefined
    for (const { buffer, used } of [...this.full, { buffer: this.buffer, used: this.used }]) {
      if (buffer.byteLength > MAX_SPARE) continue
      if (largest === undefined || buffer.byteLength > largest.byteLength) {
        new Uint8Array(buffer, 0, used).fill(0)
        largest = buffer
      }
    }
    if (largest !== undefined && (spare === undefined || largest.byteLength > spare.byteLength))
      spare = largest
    this.full.length = 0
    this.buffer = EMPTY
    this.used = 0
  }
}

/** What a released arena points at: a use after `release` gets fresh memory, never the spare. */
const EMPTY = new ArrayBuffer(0)

/** Bytes of the buffer kept for the next arena (for tests). */
export function spareBytes(): number {
  return spare?.byteLength ?? 0
}
