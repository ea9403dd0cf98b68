/**
 * Word tokenization for every script.
 *
 * Space-delimited scripts are tokenized with one Unicode regex pass (letters, marks and digits,
 * with inner apostrophes and hyphens). Runs that contain a script written without spaces (Han,
 * Kana, Thai, Lao, Khmer, Myanmar) are handed to `Intl.Segmenter` word granularity, which carries
 * a dictionary for them; only those runs, because ICU word segmentation is ~100× slower than the
 * regex on Latin text and summarizing is dominated by tokenization.
 *
 * Every function here sees the same words: `countWords(s)` is the number of tokens `tokenize(s)`
 * returns and the number of times `forEachWord` calls back, so budgets counted one way hold when
 * counted another.
 *
 * @module
 */
import { foldApostrophes, WORD_CHAR } from './chars'
import { segmenterFor } from './segmenters'

/** A word as a half-open UTF-16 range of the input plus its lowercased, apostrophe-folded form. */
export type Token = {
  readonly start: number
  readonly end: number
  /** Lowercase, apostrophes folded to U+0027. */
  readonly norm: string
}

/** Scripts without spaces between words. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u

/** The first code unit of any unspaced script (Thai, U+0E00); everything below is spaced. */
const FIRST_UNSPACED = 0x0e00

/** Lowercases a word and folds apostrophe variants to U+0027. */
export function normalizeWord(word: string): string {
  return foldApostrophes(word.toLowerCase())
}

/** `true` when `text` contains characters of a script written without spaces. */
export function hasUnspacedScript(text: string): boolean {
  return mayBeUnspaced(text) && UNSPACED.test(text)
}

/** Cheap pre-check: no code unit at or above U+0E00 means no unspaced script. */
function mayBeUnspaced(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= FIRST_UNSPACED) return true
  return false
}

/**
 * Calls `visit(start, end)` for every word of `text.slice(from, to)`, in order, with offsets into
 * `text`. The allocation-free core of the other functions.
 *
 * A word is a maximal match of `[\p{L}\p{M}\p{N}]+(?:['’ʼ\-‐\u200C\u200D][\p{L}\p{M}\p{N}]+)*`:
 * letters, marks and digits joined by single inner apostrophes, hyphens or ZW(N)J. A hand-written
 * scanner finds them because the regex allocates a match per word, which dominated summarizing
 * (words.test.ts checks the two agree).
 *
 * @param language - BCP 47 code, picks the dictionary for unspaced scripts.
 * @returns the number of words visited.
 */
export function forEachWord(
  text: string,
  language: string,
  from: number,
  to: number,
  visit: (start: number, end: number) => void
): number {
  let count = 0
  let p = from
  while (p < to) {
    // ASCII letters and digits inline: most words are all ASCII, and this loop is the hot path
    // of summarizing.
    const first = text.charCodeAt(p)
    let units = first < 0x80 ? (isAsciiWordUnit(first) ? 1 : 0) : wordUnits(text, p, to)
    if (units === 0) {
      p++
      continue
    }
    const start = p
    // Whether the word has a unit at or above U+0E00: only then can it need the dictionary.
    let high = first >= FIRST_UNSPACED
    p += units
    for (;;) {
      while (p < to) {
        const c = text.charCodeAt(p)
        if (c < 0x80) {
          if (!isAsciiWordUnit(c)) break
          p++
          continue
        }
        units = wordUnits(text, p, to)
        if (units === 0) break
        if (c >= FIRST_UNSPACED) high = true
        p += units
      }
      if (p + 1 < to && isJoiner(text.charCodeAt(p))) {
        units = wordUnits(text, p + 1, to)
        if (units > 0) {
          if (text.charCodeAt(p) >= FIRST_UNSPACED || text.charCodeAt(p + 1) >= FIRST_UNSPACED)
            high = true
          p += 1 + units
          continue
        }
      }
      break
    }
    if (high && hasUnspacedRange(text, start, p)) {
      count += segmentRun(text, start, p, segmenterFor(language, 'word'), visit)
      continue
    }
    visit(start, p)
    count++
  }
  return count
}

/** ASCII digits and letters. */
function isAsciiWordUnit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)
}

/**
 * Longest piece of an unspaced run handed to ICU at once. V8 rebuilds the segmented string for
 * every segment, so one call costs length × segments: a 40,000-character run without
 * punctuation took 250 ms whole. Real sentences have punctuation far more often than this.
 */
const MAX_RUN = 256

/** Dictionary word segmentation of `text[start, end)`, in pieces of at most `MAX_RUN` units. */
function segmentRun(
  text: string,
  start: number,
  end: number,
  segmenter: Intl.Segmenter,
  visit: (start: number, end: number) => void
): number {
  let count = 0
  for (let from = start; from < end; ) {
    let to = Math.min(end, from + MAX_RUN)
    // Never split a surrogate pair.
    const last = text.charCodeAt(to - 1)
    if (to < end && last >= 0xd800 && last <= 0xdbff) to--
    const words = pieceWords(text.slice(from, to), segmenter)
    for (let k = 0; k < words.length; k += 2) {
      visit(from + (words[k] as number), from + (words[k + 1] as number))
      count++
    }
    from = to
  }
  return count
}

/** Bounds the memo of `pieceWords` (pieces are at most `MAX_RUN` units long). */
const MAX_MEMO_PIECES = 4096
const pieceMemo = new WeakMap<Intl.Segmenter, Map<string, Int32Array>>()
let lastSegmenter: Intl.Segmenter | undefined
let lastMemo: Map<string, Int32Array> | undefined

/**
 * Word ranges (start, end pairs) of one piece, as ICU segments it: memoized per segmenter,
 * because each ICU call has a fixed cost that dominates short pieces, and text made of one short
 * sentence repeated ("中文。" × 80,000) would otherwise pay it per sentence. ICU's answer for a
 * piece depends only on the piece, so the memo changes nothing.
 */
function pieceWords(piece: string, segmenter: Intl.Segmenter): Int32Array {
  // Consecutive calls come from one text, so one segmenter: its memo is kept at hand.
  let memo = segmenter === lastSegmenter ? lastMemo : pieceMemo.get(segmenter)
  if (memo === undefined) {
    memo = new Map()
    pieceMemo.set(segmenter, memo)
  }
  lastSegmenter = segmenter
  lastMemo = memo
  const known = memo.get(piece)
  if (known !== undefined) return known
  const ranges: number[] = []
  for (const part of segmenter.segment(piece)) {
    if (part.isWordLike) ranges.push(part.index, part.index + part.segment.length)
  }
  const words = Int32Array.from(ranges)
  if (memo.size >= MAX_MEMO_PIECES) memo.clear()
  memo.set(piece, words)
  return words
}

/** Class of each BMP code unit, filled on first sight: 0 unknown, 1 word character, 2 other. */
const BMP_CLASS = new Uint8Array(0x10000)

/** Code units (1, or 2 for an astral letter) of the word character at `p`, or 0. */
function wordUnits(text: string, p: number, to: number): number {
  const c = text.charCodeAt(p)
  if (c < 0x80) {
    // ASCII fast path: digits and letters.
    return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ? 1 : 0
  }
  if (c >= 0xd800 && c <= 0xdfff) {
    if (c > 0xdbff || p + 1 >= to) return 0
    const d = text.charCodeAt(p + 1)
    if (d < 0xdc00 || d > 0xdfff) return 0
    return WORD_CHAR.test(text.slice(p, p + 2)) ? 2 : 0
  }
  let k = BMP_CLASS[c] as number
  if (k === 0) {
    k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2
    BMP_CLASS[c] = k
  }
  return k === 1 ? 1 : 0
}

/** ' ’ ʼ - ‐ ZWNJ ZWJ: join two runs of word characters into one word. */
function isJoiner(code: number): boolean {
  return (
    code === 0x27 ||
    code === 0x2019 ||
    code === 0x2bc ||
    code === 0x2d ||
    code === 0x2010 ||
    code === 0x200c ||
    code === 0x200d
  )
}

/** Per BMP unit: 0 not yet known, 1 of an unspaced script, 2 not. */
const UNSPACED_UNIT = new Uint8Array(0x10000)

/**
 * `UNSPACED.test(text.slice(from, to))` without the slice for BMP text: news words carry curly
 * apostrophes and dashes above U+0E00, and a regex test per such word showed in profiles.
 */
function hasUnspacedRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c < FIRST_UNSPACED) continue
    if (c >= 0xd800 && c <= 0xdfff) return UNSPACED.test(text.slice(from, to))
    let k = UNSPACED_UNIT[c] as number
    if (k === 0) {
      k = UNSPACED.test(String.fromCharCode(c)) ? 1 : 2
      UNSPACED_UNIT[c] = k
    }
    if (k === 1) return true
  }
  return false
}

/**
 * Splits `text` (or `text.slice(from, to)`) into word tokens.
 *
 * @param language - BCP 47 code, picks the dictionary for unspaced scripts.
 * @returns tokens in order, with offsets into `text` (not into the slice).
 */
export function tokenize(text: string, language = 'und', from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  forEachWord(text, language, from, to, (start, end) => {
    tokens.push({ start, end, norm: normalizeWord(text.slice(start, end)) })
  })
  return tokens
}

/** Number of words in `text`, counted the same way `tokenize` splits them. */
export function countWords(text: string, language = 'und'): number {
  return forEachWord(text, language, 0, text.length, noop)
}

function noop(): void {}
