/**
 * Sentences a summary must never contain: page furniture that scrapers and CMS exports leave in
 * article bodies ("Add a Comment", "Share this article", "Read more", photo credits…).
 *
 * @module
 */

/**
 * Whole-sentence patterns, matched against the lowercased sentence with trailing punctuation
 * removed. Kept to phrases that are never article prose.
 */
const WHOLE = [
  /^(add|post|leave|write|view|show|hide|load) (a |your |all |more )?comments?$/,
  /^\d+ comments?$/,
  /^comments? \(\d+\)?$/,
  /^(share|email|print|tweet|save) (this|the)( article| story| page| post)?( on .{1,30})?$/,
  /^share( on| via)? (facebook|twitter|x|whatsapp|linkedin|email)$/,
  /^(read|see|learn|find out|watch) more( here| below| about this)?$/,
  /^(advertisement|advertising|sponsored( content)?|ad)$/,
  /^(related|related (articles|stories|content|topics)|more on this story|top stories|most read|trending)$/,
  /^follow us( on .{1,40})?$/,
  /^(copyright|c\)) .{0,80}$/,
  /^(image|photo|picture|video)(( caption| copyright| credit):?|:) .{0,80}$/,
  /^(getty images|afp|reuters|ap photo|pa media|epa)( via getty images)?$/,
  /^(published|updated|last updated|posted)( on| at)?:? .{0,60}$/,
  /^by [\p{L}][\p{L}.' -]{1,60}$/u,
  /^(lire aussi|à lire aussi|voir aussi|partager|ajouter un commentaire|publicité)$/,
  /^(leer más|lea también|compartir|publicidad|añadir un comentario)$/,
  /^(mehr zum thema|lesen sie auch|teilen|anzeige|kommentar schreiben|kommentare)$/,
  /^(leggi anche|condividi|pubblicità|aggiungi un commento)$/,
  /^(leia também|compartilhar|publicidade|adicionar comentário)$/,
  /^(читайте также|поделиться|реклама|добавить комментарий|комментарии)$/,
]

/**
 * Starts that make a whole sentence furniture however long it is: captions and credits
 * ("Image copyright …"), calls to action ("Click here …", "Sign up for our newsletter …"), and
 * "Scroll down for video", which glues a run of photo captions together in Daily Mail pages.
 */
const PREFIX =
  /^(image copyright|image caption|photo credit|picture:|photograph:|pictured:|media caption|scroll down for (video|more)|(click|tap) here|(sign up|subscribe)( to| for)? (our |the )?(newsletter|daily briefing|updates)|all rights reserved|abonnez-vous|suscríbete)/

const COPYRIGHT = /^\s*©/
/** `WHOLE` patterns match at most this many characters; longer sentences are only checked by `PREFIX`. */
const MAX_WHOLE = 120
/**
 * The words `WHOLE` and `PREFIX` patterns can start with (a cheap gate in front of them; the
 * boilerplate tests check one example per pattern, so a pattern added without its first word here
 * fails them).
 */
const FIRST_WORD =
  /^[\s\p{P}\p{S}]*(add|post|leave|write|view|show|hide|load|\d|comment|share|email|print|tweet|save|read|see|learn|find|watch|advert|sponsored|ad\b|related|more|top|most|trending|follow|copyright|c\)|image|photo|picture|video|getty|afp|reuters|ap\b|pa\b|epa|published|updated|last|posted|by\b|lire|à|voir|partager|ajouter|publicité|leer|lea|compartir|publicidad|añadir|mehr|lesen|teilen|anzeige|kommentar|leggi|condividi|pubblicità|aggiungi|leia|compartilhar|publicidade|adicionar|читайте|поделиться|реклама|добавить|комментарии|media|scroll|click|tap|sign|subscribe|all\b|abonnez|suscr)/iu

/** Held once: a regular expression literal in a function body is a new object per call. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** `PREFIX` for raw text: any case, after leading punctuation and symbols. */
const PREFIX_RAW = new RegExp(`^[\\s\\p{P}\\p{S}]*(?:${PREFIX.source.slice(1)})`, 'iu')

/**
 * `true` when the sentence is page furniture rather than article prose.
 *
 * @example
 * isBoilerplate('Add a Comment') // true
 * isBoilerplate('He added a comment to the bill.') // false
 */
export function isBoilerplate(sentence: string): boolean {
  return !opensWithCaselessLetter(sentence) && matchesFurniture(sentence)
}

/**
 * Whether `sentence` opens with a letter of Han, kana or Hangul. Every furniture pattern starts
 * with spaces, punctuation, symbols, a digit or a Latin or Cyrillic letter, and these letters fold
 * to no such character, so such a sentence is prose; text of many short Chinese sentences then
 * skips three regular expressions per sentence.
 */
function opensWithCaselessLetter(sentence: string): boolean {
  const unit = sentence.charCodeAt(0)
  if (unit < CASELESS_FROM || unit > CASELESS_TO) return false
  let known = caselessLetter[unit - CASELESS_FROM] as number
  if (known === 0) {
    const inBlock =
      unit <= 0x30ff ||
      (unit >= 0x3400 && unit <= 0x4dbf) ||
      (unit >= 0x4e00 && unit <= 0x9fff) ||
      unit >= 0xac00
    known = inBlock && LETTER.test(String.fromCharCode(unit)) ? 1 : 2
    caselessLetter[unit - CASELESS_FROM] = known
  }
  return known === 1
}

/** Hiragana and katakana, CJK ideographs (and extension A), Hangul syllables. */
const CASELESS_FROM = 0x3040
const CASELESS_TO = 0xd7a3
/** Per code unit of that range: 0 not seen yet, 1 a letter of those blocks, 2 not. */
const caselessLetter = new Uint8Array(CASELESS_TO - CASELESS_FROM + 1)
const LETTER = /^\p{L}$/u

/** The furniture rules themselves (`isBoilerplate` without its shortcut; exported for tests). */
export function matchesFurniture(sentence: string): boolean {
  // "©" is a symbol, which the comparison key strips: look for it first.
  if (COPYRIGHT.test(sentence)) return true
  // Most sentences are long prose: only their start can make them furniture, and testing it on
  // the raw text (case-insensitively) avoids normalising every sentence of every article.
  if (sentence.length > MAX_WHOLE) return PREFIX_RAW.test(sentence)
  // Furniture starts with one of a few words: skip normalising sentences that do not.
  if (!FIRST_WORD.test(sentence) && LETTER_OR_DIGIT.test(sentence)) return false
  const key = comparisonKey(sentence)
  if (key.length === 0) return true
  return PREFIX.test(key) || WHOLE.some((pattern) => pattern.test(key))
}

/** Lowercase, outer punctuation and symbols removed, inner whitespace collapsed. */
function comparisonKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+$/u, '')
    .replace(/^[\s\p{P}\p{S}]+/u, '')
    .replace(/\s+/g, ' ')
}
