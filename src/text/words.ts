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

/** Letters/marks/digits, joined by a single inner apostrophe, hyphen or ZW(N)J. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ\-‐\u200C\u200D][\p{L}\p{M}\p{N}]+)*/gu

/** The first code unit of any unspaced script (Thai, U+0E00); everything below is spaced. */
const FIRST_UNSPACED = 0x0e00

/** Bounds the per-isolate cache: language codes come from requests. */
const MAX_CACHED_LOCALES = 32
const wordSegmenters = new Map<string, Intl.Segmenter>()
/** One segmenter per locale, built once: constructing one costs more than segmenting a sentence. */
function wordSegmenter(language: string): Intl.Segmenter {
  // Keyed by primary subtag only, so arbitrary codes from requests cannot grow the cache.
  const key = /^[a-z]{2,3}\b/i.exec(language)?.[0]?.toLowerCase() ?? 'und'
  let segmenter = wordSegmenters.get(key)
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(key, { granularity: 'word' })
    } catch {
      segmenter = new Intl.Segmenter('und', { granularity: 'word' })
    }
    if (wordSegmenters.size < MAX_CACHED_LOCALES) wordSegmenters.set(key, segmenter)
  }
  return segmenter
}

/** Lowercases a word and folds apostrophe variants to U+0027. */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase()
  return lower.indexOf('’') >= 0 || lower.indexOf('ʼ') >= 0 ? lower.replace(/[’ʼ]/g, "'") : lower
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
  const slice = from === 0 && to === text.length ? text : text.slice(from, to)
  // One scan of the slice decides whether any run can need the dictionary segmenter.
  const mixed = mayBeUnspaced(slice)
  let count = 0
  WORD.lastIndex = 0
  for (let match = WORD.exec(slice); match; match = WORD.exec(slice)) {
    const run = match[0]
    const start = from + match.index
    // `WORD` is shared module state: keep its place in case `visit` tokenizes too.
    const resume = WORD.lastIndex
    if (mixed && mayBeUnspaced(run) && UNSPACED.test(run)) {
      for (const part of wordSegmenter(language).segment(run)) {
        if (!part.isWordLike) continue
        visit(start + part.index, start + part.index + part.segment.length)
        count++
      }
    } else {
      visit(start, start + run.length)
      count++
    }
    WORD.lastIndex = resume
  }
  return count
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
