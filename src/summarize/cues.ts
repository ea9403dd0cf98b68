/**
 * Surface cues of a sentence that ranking experiments read: how much of it is quotation, how
 * entity- and number-dense it is, whether it opens with a connective that needs the previous
 * sentence. They are computed only when a ranking weight asks for them (all are off in the
 * shipped ranking: docs/summarizer.md, "Ablation").
 *
 * @module
 */
import { forEachWord } from '../text/words'

/**
 * Share of the letters and digits of `text[start, end)` that stand inside quotation marks.
 * Double quotes (" “ ” „ « » 「 」 『 』) always count; single ones (‘ ’ ') only where they cannot
 * be an apostrophe (between two letters). Nesting is not tracked: a share, not a parse.
 */
export function quotedShare(text: string, start: number, end: number): number {
  let inside = false
  let total = 0
  let quoted = 0
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p)
    if (c === 0x22) {
      inside = !inside
      continue
    }
    if (c === 0x201c || c === 0x201e || c === 0xab || c === 0x300c || c === 0x300e) {
      inside = true
      continue
    }
    if (c === 0x201d || c === 0xbb || c === 0x300d || c === 0x300f) {
      inside = false
      continue
    }
    if (c === 0x2018 || c === 0x2019 || c === 0x27) {
      const before = p > start && isAlphanumeric(text.charCodeAt(p - 1))
      const after = p + 1 < end && isAlphanumeric(text.charCodeAt(p + 1))
      if (before && after) continue // don't, l’État
      // Opens before a word it does not follow; closes after a word or punctuation ("stay,' she").
      inside = !before && after
      continue
    }
    if (isAlphanumeric(c)) {
      total++
      if (inside) quoted++
    }
  }
  return total === 0 ? 0 : quoted / total
}

/** Letters and digits, any script (approximated per UTF-16 unit: surrogates count as letters). */
function isAlphanumeric(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)
  return c >= 0xc0 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f)
}

/** Shares of the words of a sentence that are capitalised (the first word excepted) and numbers. */
export type Density = { readonly capitalised: number; readonly numbers: number }

/**
 * How entity- and number-dense `text[start, end)` is: the share of its words, other than the
 * first, that start with a capital letter (names, places, organisations), and the share that
 * contain a digit. Scripts without case have no capitalised words.
 */
export function density(text: string, language: string, start: number, end: number): Density {
  let words = 0
  let capitalised = 0
  let numbers = 0
  forEachWord(text, language, start, end, (from, to) => {
    words++
    let digit = false
    for (let p = from; p < to; p++) {
      const c = text.charCodeAt(p)
      if (c >= 0x30 && c <= 0x39) {
        digit = true
        break
      }
    }
    if (digit) numbers++
    else if (words > 1) {
      const first = text[from] as string
      if (first !== first.toLowerCase()) capitalised++
    }
  })
  return words === 0
    ? { capitalised: 0, numbers: 0 }
    : { capitalised: capitalised / words, numbers: numbers / words }
}

/**
 * Openings that tie a sentence to the one before it: contrastive and additive connectives, and
 * a bare attribution before a quote ("He said:"). Per language; others have none.
 */
const CONNECTIVES: Readonly<Record<string, RegExp>> = {
  en: /^(but|and|yet|so|however|also|meanwhile|still|instead|although|though|then|indeed|moreover|furthermore|nevertheless|nonetheless|besides|thus|therefore|(he|she|they|it) (said|says|added|told)\b)/,
  fr: /^(mais|et|or|cependant|pourtant|toutefois|néanmoins|ainsi|donc|alors|en outre|par ailleurs|de plus|(il|elle|ils|elles) (a|ont) (dit|ajouté|déclaré)\b)/,
  es: /^(pero|y|sin embargo|no obstante|aunque|además|así|entonces|(él|ella) (dijo|añadió)\b)/,
  de: /^(aber|und|doch|jedoch|dennoch|trotzdem|außerdem|also|(er|sie) sagte\b)/,
  it: /^(ma|e|però|tuttavia|inoltre|quindi|comunque|(lui|lei) ha detto\b)/,
  pt: /^(mas|e|porém|contudo|entretanto|além disso|então|(ele|ela) disse\b)/,
}

/** Quotes and spaces a sentence may open with before its first word. */
const LEADING = /^[\s"'“‘„«]*/

/** `true` when `text[start, end)` opens with a connective of its language (see CONNECTIVES). */
export function opensWithConnective(
  text: string,
  language: string,
  start: number,
  end: number
): boolean {
  const pattern = CONNECTIVES[language.slice(0, 2).toLowerCase()]
  if (pattern === undefined) return false
  const head = text.slice(start, Math.min(end, start + 40))
  const opening = head.slice(LEADING.exec(head)?.[0].length ?? 0).toLowerCase()
  const match = pattern.exec(opening)
  if (match === null) return false
  // A whole word: "And" but not "Andrew", "so" but not "some".
  const next = opening.charCodeAt(match[0].length)
  return Number.isNaN(next) || !isAlphanumeric(next)
}
