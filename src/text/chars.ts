/**
 * Character classes the text, glossary and translation code share, defined once so that a word
 * means the same thing to the tokenizer, the glossary matcher and the placeholder checks.
 *
 * @module
 */

/**
 * Apostrophe look-alikes that writers and keyboards use interchangeably (’ ʼ ′ ‘ ` ´ ＇), all
 * folded to U+0027. Each is one UTF-16 unit, so folding never moves an offset.
 */
export const APOSTROPHE_VARIANTS = '\u2019\u02BC\u2032\u2018\u0060\u00B4\uFF07'

const APOSTROPHE_VARIANT = new RegExp(`[${APOSTROPHE_VARIANTS}]`)
const APOSTROPHE_VARIANTS_GLOBAL = new RegExp(`[${APOSTROPHE_VARIANTS}]`, 'g')

/** `true` for a UTF-16 unit in {@link APOSTROPHE_VARIANTS}. */
export function isApostropheVariant(unit: number): boolean {
  return (
    unit === 0x2019 ||
    unit === 0x02bc ||
    unit === 0x2032 ||
    unit === 0x2018 ||
    unit === 0x60 ||
    unit === 0xb4 ||
    unit === 0xff07
  )
}

/** Folds every apostrophe variant to U+0027 (returns `text` itself when there is none). */
export function foldApostrophes(text: string): string {
  return APOSTROPHE_VARIANT.test(text) ? text.replace(APOSTROPHE_VARIANTS_GLOBAL, "'") : text
}

/** Letters, marks and digits of any script: what words are made of. */
export const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u

/**
 * ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER: inside a word in Persian, Indic scripts and emoji
 * sequences, so they continue a word rather than end it.
 */
export const ZWNJ = 0x200c
export const ZWJ = 0x200d

/** `true` for a code point of {@link WORD_CHAR} (ASCII decided without the regex). */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) {
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)
  }
  return WORD_CHAR.test(String.fromCodePoint(cp))
}
