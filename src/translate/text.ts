/**
 * Literal, boundary-aware search used to verify and repair target terms in engine output.
 *
 * Everything works on "search keys": the text with apostrophes folded to U+0027 and, for
 * case-insensitive search, lowercased — always one UTF-16 unit for one, so an offset in the key
 * is an offset in the text. Terms are searched with `indexOf`, never compiled into a RegExp.
 *
 * @module
 */
import { foldApostrophes, isWordCodePoint } from '../text/chars'
import { hasUnspacedScript } from '../text/words'

/** `true` when the UTF-16 unit(s) at `index` form a letter, mark or digit. */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false
  const code = text.codePointAt(index) ?? 0
  // Step back onto the high surrogate when `index` points at a low one.
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) {
    return isWordCodePoint(text.codePointAt(index - 1) ?? 0)
  }
  return isWordCodePoint(code)
}

/**
 * The search key of `text`: apostrophes folded, lowercased when `caseless`. Same length as
 * `text`; characters whose lowercase form has another length are left as they are.
 */
export function searchKey(text: string, caseless: boolean): string {
  const folded = foldApostrophes(text)
  if (!caseless) return folded
  const lower = folded.toLowerCase()
  if (lower.length === folded.length) return lower
  let out = ''
  for (const ch of folded) {
    const l = ch.toLowerCase()
    out += l.length === ch.length ? l : ch
  }
  return out
}

/** A half-open range. */
export type Span = { readonly start: number; readonly end: number }

/**
 * Non-overlapping occurrences of `needleKey` in `haystackKey` (both search keys), left to right.
 * With word boundaries (the default for spaced scripts), a hit must not touch a letter or digit
 * on either side, so `yuan` is not found inside `yuanes` and `Xi'an` not inside `Xi'anyang`.
 */
export function findAll(haystackKey: string, needleKey: string): Span[] {
  if (needleKey === '') return []
  const bounded = !hasUnspacedScript(needleKey)
  const hits: Span[] = []
  let from = 0
  for (;;) {
    const at = haystackKey.indexOf(needleKey, from)
    if (at < 0) return hits
    const end = at + needleKey.length
    if (
      !bounded ||
      (!(isWordCharAt(haystackKey, at - 1) && isWordCharAt(haystackKey, at)) &&
        !(isWordCharAt(haystackKey, end) && isWordCharAt(haystackKey, end - 1)))
    ) {
      hits.push({ start: at, end })
      from = end
    } else {
      from = at + 1
    }
  }
}

/** `true` when the two ranges share at least one unit. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}

/** Upper-cases the first letter (for a replacement at the start of a sentence). */
export function capitalizeFirst(text: string): string {
  const first = text.codePointAt(0)
  if (first === undefined) return text
  const ch = String.fromCodePoint(first)
  return ch.toUpperCase() + text.slice(ch.length)
}

/** `true` when the first letter of `text` is upper case. */
export function startsUpper(text: string): boolean {
  const first = text.codePointAt(0)
  if (first === undefined) return false
  const ch = String.fromCodePoint(first)
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase()
}
