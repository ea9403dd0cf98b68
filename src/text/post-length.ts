/**
 * Post length as X (Twitter) counts it: the weighted length of the published twitter-text
 * configuration v3 (`maxWeightedTweetLength` 280, `scale` 100, `defaultWeight` 200,
 * `transformedURLLength` 23, `emojiParsingEnabled`). Written from those published rules:
 *
 * - the text is NFC-normalized, then counted per code point;
 * - code points in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 weigh 1
 *   (Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari…, general punctuation); all others
 *   weigh 2 (CJK, Hangul, most symbols, "…");
 * - an emoji, however many code points its sequence has (ZWJ families, skin tones, flags,
 *   keycaps), weighs 2;
 * - a URL weighs 23 whatever its length (X shortens it to a t.co link).
 *
 * URL detection is an approximation of twitter-text's extractor: a scheme URL, or a bare domain
 * whose last label is a country code or a common generic TLD, optionally with a port and a path
 * (trailing punctuation is left out of the URL, as X does).
 *
 * @module
 */

/** The longest post X accepts, in weighted characters. */
export const MAX_POST_LENGTH = 280

/** What a URL weighs, whatever its length. */
export const URL_WEIGHT = 23

/** Ranges (inclusive) whose code points weigh 1; everything else weighs 2. */
const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
]

const GENERIC_TLDS =
  'com|net|org|edu|gov|mil|int|info|biz|name|pro|aero|coop|museum|mobi|asia|tel|travel|jobs|cat|app|dev|news|online|site|xyz|blog|shop|live|media|press|world|today|tech|global|eu'

/**
 * A URL as twitter-text finds one, approximately. The path stops before trailing punctuation
 * ("see bbc.com/news." ends the URL at "news").
 */
const URL_PATTERN = new RegExp(
  `(?:https?://[^\\s<>"]+|(?<![\\p{L}\\p{N}@.-])(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+(?:${GENERIC_TLDS}|[a-z]{2})(?![\\p{L}\\p{N}-])(?::\\d{1,5})?(?:/[^\\s<>"]*)?)`,
  'giu'
)
const TRAILING_PUNCTUATION = /[.,;:!?'"’”»)\]}]+$/u

/**
 * An emoji sequence: a pictograph with its modifiers and ZWJ-joined partners, a flag (two
 * regional indicators), a keycap, or a tag sequence (subdivision flags).
 */
const EMOJI =
  /\p{RI}\p{RI}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F|[\u{E0020}-\u{E007E}]+\u{E007F})?(?:\u200D\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F)?)*/gu

/**
 * The weighted length of `text` as X counts it (see the module comment).
 *
 * @example
 * postLength('Hello') // 5
 * postLength('北京') // 4
 * postLength('Read https://example.org/a/very/long/path/to/an/article') // 5 + 23
 * postLength('👩‍👩‍👧') // 2
 */
export function postLength(text: string): number {
  const normalized = text.normalize('NFC')
  let length = 0
  let from = 0
  URL_PATTERN.lastIndex = 0
  for (let m = URL_PATTERN.exec(normalized); m; m = URL_PATTERN.exec(normalized)) {
    const url = m[0].replace(TRAILING_PUNCTUATION, '')
    // A "domain" that is only a number with a dot ("3.5") or no letters is not a URL.
    if (!/\p{L}/u.test(url)) continue
    length += weighNonUrl(normalized.slice(from, m.index)) + URL_WEIGHT
    from = m.index + url.length
    URL_PATTERN.lastIndex = from
  }
  return length + weighNonUrl(normalized.slice(from))
}

/** `true` when `text` fits in one post. */
export function fitsInPost(text: string, max = MAX_POST_LENGTH): boolean {
  return postLength(text) <= max
}

function weighNonUrl(text: string): number {
  let length = 0
  let from = 0
  EMOJI.lastIndex = 0
  for (let m = EMOJI.exec(text); m; m = EMOJI.exec(text)) {
    length += weighCodePoints(text.slice(from, m.index)) + 2
    from = m.index + m[0].length
  }
  return length + weighCodePoints(text.slice(from))
}

function weighCodePoints(text: string): number {
  let length = 0
  for (const ch of text) length += weightOf(ch.codePointAt(0) ?? 0)
  return length
}

function weightOf(code: number): number {
  for (const [start, end] of LIGHT_RANGES) if (code >= start && code <= end) return 1
  return 2
}
