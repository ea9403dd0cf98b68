/**
 * Word tokenization for every script.
 *
 * Space-delimited scripts are tokenized with one Unicode regex pass (letters, marks and digits,
 * with inner apostrophes and hyphens). Scripts written without spaces (Han, Kana, Thai, Lao,
 * Khmer, Myanmar) go through `Intl.Segmenter` word granularity, which carries a dictionary for
 * them. The fast path matters: summarizing is dominated by tokenization.
 *
 * @module
 */

/** A word as a half-open UTF-16 range of the input plus its lowercased, apostrophe-folded form. */
export type Token = {
  readonly start: number
  readonly end: number
  /** Lowercase, NFC, apostrophes folded to U+0027, invisible characters removed. */
  readonly norm: string
}

/** Scripts without spaces between words. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u

/** Letters/marks/digits, joined by a single inner apostrophe, hyphen or ZW(N)J. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ\-‐\u200C\u200D][\p{L}\p{M}\p{N}]+)*/gu

const wordSegmenters = new Map<string, Intl.Segmenter>()
function wordSegmenter(language: string): Intl.Segmenter {
  let segmenter = wordSegmenters.get(language)
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language, { granularity: 'word' })
    } catch {
      segmenter = new Intl.Segmenter('und', { granularity: 'word' })
    }
    wordSegmenters.set(language, segmenter)
  }
  return segmenter
}

function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[’ʼ]/g, "'")
    .replace(/[\u200B\u2060\uFEFF\u00AD]/g, '')
}

/** `true` when `text` contains characters of a script written without spaces. */
export function hasUnspacedScript(text: string): boolean {
  return UNSPACED.test(text)
}

/**
 * Splits `text` (or `text.slice(from, to)`) into word tokens.
 *
 * @param language - BCP 47 code, picks the dictionary for unspaced scripts.
 * @returns tokens in order, with offsets into `text` (not into the slice).
 */
export function tokenize(text: string, language = 'und', from = 0, to = text.length): Token[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to)
  const tokens: Token[] = []
  if (hasUnspacedScript(slice)) {
    for (const part of wordSegmenter(language).segment(slice)) {
      if (!part.isWordLike) continue
      tokens.push({
        start: from + part.index,
        end: from + part.index + part.segment.length,
        norm: normalizeWord(part.segment),
      })
    }
    return tokens
  }
  WORD.lastIndex = 0
  for (let match = WORD.exec(slice); match; match = WORD.exec(slice)) {
    tokens.push({
      start: from + match.index,
      end: from + match.index + match[0].length,
      norm: normalizeWord(match[0]),
    })
  }
  return tokens
}

/** Number of words in `text`, counted the same way `tokenize` splits them. */
export function countWords(text: string, language = 'und'): number {
  if (hasUnspacedScript(text)) return tokenize(text, language).length
  let count = 0
  WORD.lastIndex = 0
  while (WORD.exec(text)) count++
  return count
}
