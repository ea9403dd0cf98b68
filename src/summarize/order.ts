/**
 * Sentences by descending score, ties by article order: the ranking every length walks.
 *
 * An article of a few dozen sentences is ordered by insertion. A text of tens of thousands of
 * one-word sentences (`"丝路。"` repeated) made the comparator sort the largest cost of a request
 * after segmentation — three sorts of 58,000 indices, about 12 ms each — so long lists are sorted
 * by a stable radix sort of the scores' IEEE 754 bits instead: no comparator call, a fixed number
 * of passes over typed arrays, the same order.
 *
 * @module
 */
import type { Arena } from './arena'

/** Up to this many sentences are ordered by insertion (no comparator calls, no buffers). */
const INSERTION_SORT_LIMIT = 64
/** From this many on, the radix sort's fixed cost (its digit histograms) is worth paying. */
const RADIX_SORT_FROM = 512

/**
 * The selectable sentences (`selectable[i] === 1`) ordered by descending `scores[i]`, ties by
 * ascending index; `-0` and `0` tie. A long list is a view into `scratch` (valid until the
 * next call with it) or into `arena`.
 */
export function rankOrder(
  selectable: Uint8Array,
  scores: Float64Array,
  arena: Arena,
  scratch?: RankScratch
): Int32Array {
  let count = 0
  let nan = false
  for (let i = 0; i < selectable.length; i++) {
    if (selectable[i] !== 1) continue
    count++
    if (Number.isNaN(scores[i])) nan = true
  }
  if (count >= RADIX_SORT_FROM && !nan)
    return radixOrder(selectable, count, scores, scratch ?? new RankScratch(arena, count))
  const order: number[] = []
  for (let i = 0; i < selectable.length; i++) if (selectable[i] === 1) order.push(i)
  return Int32Array.from(
    count <= INSERTION_SORT_LIMIT ? insertionOrder(order, scores) : comparatorOrder(order, scores)
  )
}

/** The definition: descending score, then ascending index. Exported for tests. */
export function comparatorOrder(order: number[], scores: Float64Array): number[] {
  return order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b)
}

function insertionOrder(order: number[], scores: Float64Array): number[] {
  // Indices arrive in increasing order, so moving a sentence only past lower scores keeps ties
  // in article order: the same order as the comparator.
  for (let k = 1; k < order.length; k++) {
    const i = order[k] as number
    const score = scores[i] as number
    let m = k - 1
    while (m >= 0 && (scores[order[m] as number] as number) < score) {
      order[m + 1] = order[m] as number
      m--
    }
    order[m + 1] = i
  }
  return order
}

const bits = new Float64Array(1)
const words = new Uint32Array(bits.buffer)
/** Which of `words` holds the high half of a double (the sign and exponent). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0

/**
 * Least-significant-digit radix sort over 8-bit digits of a 64-bit key that orders as the
 * comparator does. A double's bits order non-negative values like the values; negative ones
 * reversed. The key is inverted so that ascending keys are descending scores, and a stable sort
 * of indices given in ascending order keeps ties in article order. Passes whose digit is the
 * same for every key (most high digits) are skipped.
 */
function radixOrder(
  selectable: Uint8Array,
  n: number,
  scores: Float64Array,
  scratch: RankScratch
): Int32Array {
  let { hi, lo, index, hiOut, loOut, indexOut } = scratch.take(n)
  const counts = scratch.counts.fill(0)
  let k = 0
  for (let i = 0; i < selectable.length; i++) {
    if (selectable[i] !== 1) continue
    // `+ 0` turns -0 into 0: the comparator ties them.
    bits[0] = (scores[i] as number) + 0
    let h = words[HIGH] as number
    let l = words[1 - HIGH] as number
    if (h >>> 31 === 0) {
      h = h ^ 0x7fffffff
      l = ~l
    }
    hi[k] = h
    lo[k] = l
    index[k] = i
    k++
    for (let d = 0; d < 4; d++) {
      const low = d * 256 + ((l >>> (8 * d)) & 0xff)
      const high = (d + 4) * 256 + ((h >>> (8 * d)) & 0xff)
      counts[low] = (counts[low] as number) + 1
      counts[high] = (counts[high] as number) + 1
    }
  }
  for (let d = 0; d < 8; d++) {
    const base = d * 256
    let single = false
    for (let b = 0; b < 256; b++) {
      const c = counts[base + b] as number
      if (c === 0) continue
      single = c === n
      break
    }
    if (single) continue
    // Bucket starts from the counts, then a stable scatter by this digit.
    let start = 0
    for (let b = 0; b < 256; b++) {
      const c = counts[base + b] as number
      counts[base + b] = start
      start += c
    }
    const source = d < 4 ? lo : hi
    const shift = 8 * (d % 4)
    for (k = 0; k < n; k++) {
      const slot = base + (((source[k] as number) >>> shift) & 0xff)
      const to = counts[slot] as number
      counts[slot] = to + 1
      hiOut[to] = hi[k] as number
      loOut[to] = lo[k] as number
      indexOut[to] = index[k] as number
    }
    ;[hi, hiOut] = [hiOut, hi]
    ;[lo, loOut] = [loOut, lo]
    ;[index, indexOut] = [indexOut, index]
  }
  // A view into the scratch arrays: the caller copies what it keeps.
  return index.subarray(0, n)
}

/** Scratch for ranking `selectableCount` sentences several times, when they need the radix sort. */
export function rankScratchFor(selectableCount: number, arena: Arena): RankScratch | undefined {
  return selectableCount >= RADIX_SORT_FROM ? new RankScratch(arena, selectableCount) : undefined
}

/**
 * Buffers of the radix sort, taken from the arena once and reused by every length of a request
 * (each length's ranking is used before the next one is computed).
 */
export class RankScratch {
  private readonly buffers: Int32Array[]
  readonly counts: Int32Array

  constructor(arena: Arena, capacity: number) {
    this.buffers = Array.from({ length: 6 }, () => arena.i32(capacity))
    this.counts = arena.i32(8 * 256)
  }

  take(n: number): Record<'hi' | 'lo' | 'index' | 'hiOut' | 'loOut' | 'indexOut', Int32Array> {
    const [hi, lo, index, hiOut, loOut, indexOut] = this.buffers.map((b) => b.subarray(0, n)) as [
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
    ]
    return { hi, lo, index, hiOut, loOut, indexOut }
  }
}
