/**
 * Unicode sentence boundaries (UAX #29, rules SB6–SB11) in plain TypeScript, for the characters
 * whose Sentence_Break class can be told from properties JavaScript regexes know.
 *
 * `Intl.Segmenter` gives the same answer but costs about half of all summarizing time: V8
 * allocates a segment object (and its strings) per sentence. The rules are small once line
 * breaks are gone (the caller replaces them) and Extend/Format characters are excluded: a break
 * can only come after a sentence terminal, and whether it does depends on the characters around
 * that terminal. A text holding any character this module cannot classify with certainty is
 * left to ICU (`ruleBreaks` returns `false`), so the answer is always ICU's; sentences.test.ts
 * checks the two agree on generated text.
 *
 * @module
 */

/**
 * Sentence_Break classes (UAX #29 table 4) that matter without line breaks, numbered so that one
 * comparison (`< ATERM`) passes over the characters that neither end a sentence nor are unknown.
 */
const OTHER = 1
const SP = 2
const LOWER = 3
const UPPER = 4
const OLETTER = 5
const NUMERIC = 6
const CLOSE = 7
const SCONTINUE = 8
const ATERM = 9
const STERM = 10
const UNKNOWN = 11

/** Sentence_Break=SContinue (Unicode 15.1). */
const SCONTINUE_UNITS = new Set([
  0x2c, 0x2d, 0x3a, 0x3b, 0x37e, 0x60c, 0x60d, 0x7f8, 0x1802, 0x1808, 0x2013, 0x2014, 0x3001,
  0xfe10, 0xfe11, 0xfe13, 0xfe31, 0xfe32, 0xfe50, 0xfe51, 0xfe55, 0xfe58, 0xfe63, 0xff0c, 0xff0d,
  0xff1a, 0xff1b, 0xff64,
])
/** Sentence_Break=ATerm. */
const ATERM_UNITS = new Set([0x2e, 0x2024, 0xfe52, 0xff0e])
/**
 * Punctuation outside ASCII known to be Sentence_Break=Other: other punctuation is left to ICU,
 * since the SContinue and Close lists grow between Unicode versions.
 */
const OTHER_PUNCTUATION = new Set([
  0xa1, 0xa7, 0xb6, 0xb7, 0xbf, 0x2010, 0x2011, 0x2012, 0x2015, 0x2016, 0x2020, 0x2021, 0x2022,
  0x2026, 0x2027, 0x2030, 0x2032, 0x2033,
])

const LOWERCASE = /^\p{Lowercase}$/u
const UPPERCASE = /^[\p{Uppercase}\p{Lt}]$/u
const ALPHABETIC = /^\p{Alphabetic}$/u
const TERMINAL = /^\p{Sentence_Terminal}$/u
const OPEN_CLOSE = /^[\p{Ps}\p{Pe}\p{Pi}\p{Pf}]$/u
/** Marks, format and control characters (Extend/Format/Sep), unusual spaces, private use, surrogates. */
const HANDS_OFF = /^[\p{M}\p{Cf}\p{Cc}\p{Z}\p{Co}\p{Cs}\p{Cn}\p{So}]$/u
const SAFE_OTHER = /^[\p{Sm}\p{Sc}\p{Sk}\p{Pc}]$/u
/** ASCII symbols that are Sentence_Break=Other. */
const ASCII_OTHER = /^[#$%&*+/<=>@\\^_`|~]$/

const SPACE_SEPARATOR = /^\p{Zs}$/u

function classify(unit: number): number {
  if (unit === 0x20 || unit === 0x09) return SP
  const c = String.fromCharCode(unit)
  if (SPACE_SEPARATOR.test(c)) return SP
  // Where ICU's break data and the regex properties disagree (measured over every BMP unit):
  // Georgian case letters and the halfwidth kana sound marks.
  if ((unit >= 0x10a0 && unit <= 0x10ff) || (unit >= 0x1c90 && unit <= 0x1cbf)) return UNKNOWN
  if (unit === 0xff9e || unit === 0xff9f) return UNKNOWN
  // Quotation marks: Close by Line_Break=Quotation, which regexes cannot name.
  if (unit === 0x22 || unit === 0x27) return CLOSE
  if (unit >= 0x30 && unit <= 0x39) return NUMERIC
  if (ATERM_UNITS.has(unit)) return ATERM
  if (SCONTINUE_UNITS.has(unit)) return SCONTINUE
  if (HANDS_OFF.test(c)) return UNKNOWN
  if (TERMINAL.test(c)) return STERM
  if (LOWERCASE.test(c)) return LOWER
  if (UPPERCASE.test(c)) return UPPER
  if (ALPHABETIC.test(c)) return OLETTER
  if (OPEN_CLOSE.test(c)) return CLOSE
  if (unit < 0x80) return ASCII_OTHER.test(c) ? OTHER : UNKNOWN
  if (OTHER_PUNCTUATION.has(unit) || SAFE_OTHER.test(c)) return OTHER
  // Digits outside ASCII may or may not be Line_Break=Numeric.
  return UNKNOWN
}

/** Class per BMP code unit, filled on first sight (0: not yet classified). */
const classes = new Uint8Array(0x10000)

function classAt(text: string, i: number): number {
  const unit = text.charCodeAt(i)
  let k = classes[unit] as number
  if (k === 0) {
    k = classify(unit)
    classes[unit] = k
  }
  return k
}

/** Where offsets are appended: an array, or a list that reuses its storage (sentences.ts). */
export type Offsets = { length: number; push(offset: number): unknown }

function isTerminal(k: number): boolean {
  return k === ATERM || k === STERM
}

/**
 * Appends to `out` the sentence breaks ICU would report for `text.slice(from, to)` (as offsets
 * into `text`, segment starts after the first), and returns `true`; or returns `false` without
 * touching `out` when the range holds a character left to ICU.
 *
 * @param text - text without line breaks (CR, LF, NEL, VT, FF, U+2028/2029).
 */
export function ruleBreaks(text: string, from: number, to: number, out: Offsets): boolean {
  const kept = out.length
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i)
    let kind = classes[unit] as number
    if (kind === 0) kind = classAt(text, i)
    if (kind < ATERM) continue
    if (kind === UNKNOWN) {
      out.length = kept
      return false
    }
    // A terminal, closing punctuation, spaces: the only place a break can follow (SB9/SB10 keep
    // the closers and spaces with the terminal; SB11 breaks after them).
    let j = i + 1
    while (j < to && classAt(text, j) === CLOSE) j++
    while (j < to && classAt(text, j) === SP) j++
    if (j >= to) return true
    const next = classAt(text, j)
    let keep = false
    if (kind === ATERM) {
      if (j === i + 1 && next === NUMERIC)
        keep = true // SB6: "3.14"
      else if (j === i + 1 && next === UPPER && i > from) {
        const before = classAt(text, i - 1)
        keep = before === UPPER || before === LOWER // SB7: "U.S"
      }
      if (!keep) {
        // SB8: a lowercase letter before any other letter or terminal ("e.g. (the) next").
        let k = j
        let cls = next
        while (
          cls !== OLETTER &&
          cls !== UPPER &&
          cls !== LOWER &&
          cls !== ATERM &&
          cls !== STERM &&
          cls !== UNKNOWN
        ) {
          if (++k >= to) break
          cls = classAt(text, k)
        }
        // an unknown character on the way is met again by the outer loop, which gives up
        keep = k < to && cls === LOWER
      }
    }
    // SB8a: a comma, colon, dash or another terminal continues the sentence.
    if (!keep && (next === SCONTINUE || isTerminal(next))) keep = true
    if (!keep) out.push(j)
    i = j - 1
  }
  return true
}
