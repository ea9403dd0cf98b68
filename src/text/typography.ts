/**
 * The text's own typography for inserted terms: a glossary writes `Xi'an` with a straight
 * apostrophe, an article `Xi’an`; a summary that shows the preferred term should keep the
 * article's style (and likewise for straight double quotes inside a term).
 *
 * @module
 */

/** How a text writes apostrophes and double quotation marks. */
export type Typography = {
  readonly apostrophe: "'" | '’'
  /** Opening and closing double quotes: straight, or the text's typographic pair. */
  readonly quotes: readonly [string, string]
}

const PAIRS: readonly (readonly [string, string])[] = [
  ['“', '”'],
  ['«', '»'],
  ['„', '“'],
  ['「', '」'],
]

/**
 * The text's typography, by majority: apostrophes between letters (`’` against `'`), and the
 * typographic quotation pair used more often than straight `"`. Straight when the text shows no
 * preference.
 */
export function typographyOf(text: string): Typography {
  let straight = 0
  let curly = 0
  for (const m of text.matchAll(/\p{L}(['’])\p{L}/gu)) {
    if (m[1] === '’') curly++
    else straight++
  }
  const straightQuotes = countOf(text, '"')
  let quotes: readonly [string, string] = ['"', '"']
  let best = straightQuotes
  for (const pair of PAIRS) {
    const n = countOf(text, pair[0])
    if (n > best) {
      best = n
      quotes = pair
    }
  }
  return { apostrophe: curly > straight ? '’' : "'", quotes }
}

/**
 * `term` in the text's typography: straight apostrophes become `’` when the text uses those, and
 * straight double quotes become the text's pair (alternating open, close). A term already
 * typographic is left as it is.
 */
export function inTypography(term: string, style: Typography): string {
  let out = style.apostrophe === '’' ? term.replace(/'/g, '’') : term
  if (style.quotes[0] !== '"' && out.includes('"')) {
    let open = true
    out = out.replace(/"/g, () => {
      const q = open ? style.quotes[0] : style.quotes[1]
      open = !open
      return q
    })
  }
  return out
}

function countOf(text: string, ch: string): number {
  let n = 0
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++
  return n
}
