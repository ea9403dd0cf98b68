/**
 * Text normalization shared by every pipeline step.
 *
 * The API answers with offsets into the text the caller sent (UTF-16 code units), while the
 * domain modules work on NFC text so that a decomposed "é" and a precomposed "é" behave the
 * same, hash the same and share a cache entry. `toNfc` returns the NFC text together with a map
 * back to the original, so results computed on the NFC text can be reported in the caller's
 * coordinates.
 *
 * @module
 */
import { segmenterFor } from './segmenters'

/** An NFC view of a text plus the way back to the caller's offsets. */
export type NormalizedText = {
  /** The text in Unicode Normalization Form C. */
  readonly text: string
  /** `true` when the input was already NFC (the common case: offsets map one to one). */
  readonly identity: boolean
  /**
   * Maps an offset in `text` (UTF-16 units, 0…text.length) to the matching offset in the
   * original input. Offsets inside a recomposed cluster map to the cluster's start.
   */
  toOriginal(offset: number): number
}

const graphemes = segmenterFor('und', 'grapheme')

/**
 * Normalizes `input` to NFC and keeps an offset map back to `input`.
 *
 * Lone surrogates are kept as they are (NFC leaves them alone), so the result never throws.
 *
 * @example
 * const n = toNfc('Cafe\u0301 noir')
 * n.text            // 'Café noir'
 * n.toOriginal(5)   // 6 — the space after the decomposed "é"
 */
export function toNfc(input: string): NormalizedText {
  const text = input.normalize('NFC')
  if (text === input) {
    return { text, identity: true, toOriginal: (offset) => offset }
  }
  // Slow path, only for input that is not NFC: normalize cluster by cluster. NFC never
  // composes across grapheme-cluster boundaries in practice, so the concatenation equals the
  // whole-text NFC; if it ever did not, fall back to a proportional map (still monotonic).
  const starts: number[] = []
  const origins: number[] = []
  let out = ''
  for (const { segment, index } of graphemes.segment(input)) {
    starts.push(out.length)
    origins.push(index)
    out += segment.normalize('NFC')
  }
  starts.push(out.length)
  origins.push(input.length)
  if (out !== text) {
    const ratio = input.length / Math.max(1, text.length)
    return {
      text,
      identity: false,
      toOriginal: (offset) => Math.min(input.length, Math.round(offset * ratio)),
    }
  }
  return {
    text,
    identity: false,
    toOriginal(offset) {
      // binary search for the last cluster starting at or before `offset`
      let lo = 0
      let hi = starts.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if ((starts[mid] ?? 0) <= offset) lo = mid
        else hi = mid - 1
      }
      return origins[lo] ?? input.length
    },
  }
}

/** Apostrophe folding lives with the other character classes. */
export { foldApostrophes } from './chars'
