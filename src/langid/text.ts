/**
 * Text preparation shared by the runtime scorer and the model builder (`scripts/langid/`): the two
 * must cut text into n-grams the same way, or the model's statistics do not apply.
 *
 * @module
 */

/** Every letter or combining mark run becomes a word; everything else separates words. */
const NOT_LETTER = /[^\p{L}\p{M}]+/gu
/**
 * Zero-width non-joiner: Persian writes it inside words (می‌شود); dropping it keeps such words in
 * one piece, as in most Persian corpora that omit it.
 */
const ZWNJ = /\u200c/g

/**
 * Lower-cases `text` and reduces it to letter words separated by single spaces (NFC, so that
 * decomposed Vietnamese or Latin accents match the model).
 */
export function modelWords(text: string): string {
  return text.normalize('NFC').replace(ZWNJ, '').toLowerCase().replace(NOT_LETTER, ' ').trim()
}

/**
 * Calls `visit` for every n-gram (n ∈ `orders`) of every word of `words` (the output of
 * {@link modelWords}), with the word padded by one space on each side so that word starts and
 * ends are features of their own. A lone space is not a gram.
 */
export function forEachGram(
  words: string,
  orders: readonly number[],
  visit: (gram: string) => void
): void {
  let start = 0
  while (start < words.length) {
    let end = words.indexOf(' ', start)
    if (end < 0) end = words.length
    if (end > start) {
      const padded = ` ${words.slice(start, end)} `
      for (const n of orders) {
        for (let i = 0; i + n <= padded.length; i++) {
          if (n === 1 && (i === 0 || i === padded.length - 1)) continue
          visit(padded.slice(i, i + n))
        }
      }
    }
    start = end + 1
  }
}

/*
 * V8 compiles a regular expression on its first use, and a Unicode property class (`\p{L}`) costs
 * about 2 ms to compile: paying it while the module loads (isolate startup) keeps it out of the
 * first request. The result is discarded.
 */
modelWords('a\u00e9')
