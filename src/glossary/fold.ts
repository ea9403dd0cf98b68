/**
 * Character rules shared by glossary validation and the matcher.
 *
 * The matcher compares *folded* text: NFC, lowercase (unless an entry asks for case), apostrophe
 * variants as U+0027, ё as е, runs of whitespace and line breaks as one space, and invisible
 * characters (zero-width space, word joiner, BOM, soft hyphen, direction marks) removed. Validation uses the
 * very same folding to decide whether two terms are "the same term", so a glossary never holds
 * two concepts that the matcher could not tell apart.
 *
 * @module
 */
import {
  isApostropheVariant,
  isWordCodePoint as isLetterMarkOrDigit,
  ZWJ,
  ZWNJ,
} from '../text/chars'

/** Why a character may not appear in a glossary term or note. */
export type CharacterProblem = {
  readonly kind: 'control' | 'line_separator' | 'bidi' | 'invisible' | 'lone_surrogate'
  /** The code point as `U+XXXX`. */
  readonly codePoint: string
  /** Offset of the character in the checked string (UTF-16 units). */
  readonly offset: number
}

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
}

/** Direction controls: embeddings/overrides, isolates and the invisible marks (Trojan Source). */
function isBidiControl(cp: number): boolean {
  return (
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0x200e ||
    cp === 0x200f ||
    cp === 0x061c
  )
}

/** Invisible characters the matcher ignores; in a glossary term they would only hide mistakes. */
function isInvisible(cp: number): boolean {
  return cp === 0x200b || cp === 0x2060 || cp === 0xfeff || cp === 0x00ad || cp === 0x180e
}

/**
 * Finds the first character that may not appear in a glossary term or note: C0/C1 controls
 * (tabs and line breaks included), U+2028/U+2029, bidi controls (U+202A–202E, U+2066–2069 and
 * the direction marks), invisible characters and lone surrogates. ZWJ/ZWNJ are allowed: Persian
 * and Indic spellings need them.
 *
 * @returns the problem, or `undefined` when the text is clean.
 */
export function findBadCharacter(text: string): CharacterProblem | undefined {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = text.charCodeAt(i + 1)
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++
        continue
      }
      return { kind: 'lone_surrogate', codePoint: hex(unit), offset: i }
    }
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f) || unit === 0xfffe || unit === 0xffff) {
      return { kind: 'control', codePoint: hex(unit), offset: i }
    }
    if (unit === 0x2028 || unit === 0x2029) {
      return { kind: 'line_separator', codePoint: hex(unit), offset: i }
    }
    if (isBidiControl(unit)) return { kind: 'bidi', codePoint: hex(unit), offset: i }
    if (isInvisible(unit)) return { kind: 'invisible', codePoint: hex(unit), offset: i }
  }
  return undefined
}

/** A plain-language description of a character problem, for validation messages. */
export function describeCharacterProblem(problem: CharacterProblem): string {
  switch (problem.kind) {
    case 'control':
      return `contains a control character (${problem.codePoint}), such as a tab or a line break`
    case 'line_separator':
      return `contains a line or paragraph separator (${problem.codePoint})`
    case 'bidi':
      return `contains an invisible text-direction control (${problem.codePoint}); retype the term without it`
    case 'invisible':
      return `contains an invisible character (${problem.codePoint}); retype the term without it`
    case 'lone_surrogate':
      return `contains a broken character (${problem.codePoint}, half of an emoji or rare character)`
  }
}

/**
 * Folded text: the units the matcher compares, each with the range of the source string it came
 * from (so a match found in folded text can be reported in source offsets).
 */
export type FoldedText = {
  /** Folded UTF-16 code units; only the first `length` are used. */
  readonly units: Uint16Array
  /** `starts[k]`: offset in the source of the character folded unit `k` came from. */
  readonly starts: Int32Array
  /** `ends[k]`: end offset (exclusive) in the source of that character. */
  readonly ends: Int32Array
  readonly length: number
}

const SPACE = 0x20
const APOSTROPHE = 0x27
const HYPHEN = 0x2d

/**
 * What one UTF-16 unit folds to: -1 to drop it, `SPACE` for whitespace, otherwise the unit.
 * Callers handle the collapsing of whitespace runs.
 */
function foldUnit(u: number, lowercase: boolean): number {
  if (u < 0x80) {
    if (u === 0x20 || (u >= 0x09 && u <= 0x0d)) return SPACE
    if (isApostropheVariant(u)) return APOSTROPHE
    return u
  }
  if (isApostropheVariant(u)) return APOSTROPHE
  switch (u) {
    // hyphen and non-breaking hyphen: the same character to a reader
    case 0x2010:
    case 0x2011:
      return HYPHEN
    // Unicode whitespace and line/paragraph separators
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return SPACE
    // final sigma: lowercasing a lone word gives σ or ς depending on context; compare them equal
    case 0x03c2:
      return lowercase ? 0x03c3 : u
    // Russian writes ё as е more often than not: Кремлём = Кремлем
    case 0x0451:
      return 0x0435
    case 0x0401:
      return 0x0415
  }
  if (u >= 0x2000 && u <= 0x200a) return SPACE
  if (isInvisible(u) || isBidiControl(u)) return -1
  return u
}

/**
 * `foldUnit(u, false) + 2` per UTF-16 unit, filled on first sight (0: not yet): text is folded
 * at every request, and the unit's checks (apostrophes, spaces, invisible and bidi controls)
 * cost more than the rest of the matcher's pass over text without terms.
 */
const foldedUnits = new Int32Array(0x10000)

/**
 * Folds `source` (which must already be NFC) into the matcher's comparison form.
 *
 * Runs of whitespace become one space; invisible characters disappear; with `lowercase`, letters
 * are lowercased. Offsets in the result map back to `source` through `starts`/`ends`.
 */
export function foldText(
  source: string,
  lowercase: boolean,
  reuse?: Omit<FoldedText, 'length'>
): FoldedText {
  const lowered = lowercase ? source.toLowerCase() : source
  // Lowercasing keeps the length except for a few characters (İ → i̇); when the length is
  // unchanged every unit of `lowered` lines up with the same unit of `source` (fast path).
  const aligned = lowered.length === source.length
  const capacity = aligned ? source.length : source.length * 3
  // The caller's buffers when they are large enough (only the first `length` units are read).
  const fits = reuse !== undefined && reuse.units.length >= capacity
  const units = fits ? reuse.units : new Uint16Array(capacity)
  const starts = fits ? reuse.starts : new Int32Array(capacity)
  const ends = fits ? reuse.ends : new Int32Array(capacity)
  let n = 0
  const push = (unit: number, start: number, end: number): void => {
    let f = (foldedUnits[unit] as number) - 2
    if (f === -2) {
      f = foldUnit(unit, false)
      foldedUnits[unit] = f + 2
    }
    // The one unit whose fold depends on `lowercase` (final sigma).
    if (unit === 0x03c2 && lowercase) f = 0x03c3
    if (f < 0) return
    if (f === SPACE && n > 0 && units[n - 1] === SPACE) {
      ends[n - 1] = end
      return
    }
    units[n] = f
    starts[n] = start
    ends[n] = end
    n++
  }
  if (aligned) {
    for (let i = 0; i < lowered.length; i++) push(lowered.charCodeAt(i), i, i + 1)
  } else {
    for (let i = 0; i < source.length; ) {
      const cp = source.codePointAt(i) ?? 0
      const width = cp > 0xffff ? 2 : 1
      const folded = String.fromCodePoint(cp).toLowerCase()
      for (let j = 0; j < folded.length; j++) push(folded.charCodeAt(j), i, i + width)
      i += width
    }
  }
  return { units, starts, ends, length: n }
}

/**
 * The comparison key of a term: its folded form without leading or trailing spaces. Two terms
 * with the same key are the same term to the matcher.
 *
 * @example
 * matchKey('Xi’an', true) === matchKey("XI'AN", true) // true
 */
export function matchKey(term: string, lowercase = true): string {
  const folded = foldText(term.normalize('NFC'), lowercase)
  let from = 0
  let to = folded.length
  if (to > 0 && folded.units[0] === SPACE) from++
  if (to > from && folded.units[to - 1] === SPACE) to--
  let key = ''
  // build in chunks: String.fromCharCode with a spread is limited in argument count
  for (let i = from; i < to; i += 4096) {
    key += String.fromCharCode(...folded.units.subarray(i, Math.min(to, i + 4096)))
  }
  return key
}

const UNSPACED_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\u3005\u30FC]/u
const HANGUL_CHAR = /\p{Script=Hangul}/u

const WORD = 1
const UNSPACED = 2
const HANGUL = 4
const KNOWN = 8

/**
 * The three properties above for every BMP unit, filled on first use: the matcher asks them at
 * every candidate boundary, and a regular expression test per question costs far more than the
 * scan itself on CJK text.
 */
const bmpClasses = new Uint8Array(0x10000)

function classesOf(cp: number): number {
  if (cp < 0x10000) {
    const known = bmpClasses[cp] as number
    if (known !== 0) return known
  }
  const c = String.fromCodePoint(cp)
  const bits =
    KNOWN |
    (isLetterMarkOrDigit(cp) || cp === ZWNJ || cp === ZWJ ? WORD : 0) |
    (UNSPACED_CHAR.test(c) ? UNSPACED : 0) |
    (HANGUL_CHAR.test(c) ? HANGUL : 0)
  if (cp < 0x10000) bmpClasses[cp] = bits
  return bits
}

/** Letters, marks, digits and ZWJ/ZWNJ: the characters a word is made of. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) {
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)
  }
  return (classesOf(cp) & WORD) !== 0
}

/** Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan). */
export function isUnspacedCodePoint(cp: number): boolean {
  return cp >= 0x0e00 && (classesOf(cp) & UNSPACED) !== 0
}

function isHangulCodePoint(cp: number): boolean {
  return cp >= 0x1100 && (classesOf(cp) & HANGUL) !== 0
}

/**
 * Whether a term may start right after `before` when its first character is `first`
 * (`before` = -1 at the start of the text).
 *
 * A word boundary is required between two word characters of space-separated scripts (no
 * `Xian` in `Xianyang`). Next to a character of a script written without spaces (Chinese,
 * Japanese, Thai…) any position is a boundary: such text has no spaces, and dictionary word
 * breaking splits unfamiliar names unpredictably, so the glossary term itself decides (longest
 * match first keeps `哈萨克斯坦` from being read as `哈萨克`).
 */
export function canStartAfter(before: number, first: number): boolean {
  if (before < 0 || !isWordCodePoint(before) || !isWordCodePoint(first)) return true
  return isUnspacedCodePoint(before) || isUnspacedCodePoint(first)
}

/**
 * Whether a term whose last character is `last` may end right before `after` (-1 at the end of
 * the text). As {@link canStartAfter}, plus one rule for Korean: particles and endings attach to
 * the end of a noun (`서울에서`), so a Hangul term may be followed by more Hangul.
 */
export function canEndBefore(last: number, after: number): boolean {
  if (after < 0 || !isWordCodePoint(after) || !isWordCodePoint(last)) return true
  if (isUnspacedCodePoint(last) || isUnspacedCodePoint(after)) return true
  return isHangulCodePoint(last) && isHangulCodePoint(after)
}
