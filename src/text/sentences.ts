/**
 * Sentence segmentation for news text in any language.
 *
 * `Intl.Segmenter` does the Unicode (UAX #29) work — CJK full stops, Thai, quotes after a full
 * stop — but it breaks after every abbreviation ("Dr.", "U.S.", "Jan.") and after every line
 * break. This module adds what news text needs on top:
 *
 * 1. Line handling: blank lines and bullets always separate sentences; a single line break inside
 *    a running sentence (hard-wrapped text) is read as a space.
 * 2. An abbreviation merge pass (titles, months, initials, "p.m.", "z.B.", "т.е."…).
 * 3. A quote pass: a quotation that spans several sentences stays one unit, so a summary never
 *    starts or ends inside a quote.
 *
 * All offsets are UTF-16 code units into the input string.
 *
 * @module
 */
import { abbreviations, NAME_TITLES, NUMBER_TITLES } from './abbreviations'
import { languageKey, primarySubtag } from './language'
import { segmenterFor } from './segmenters'

import { type Offsets, ruleBreaks } from './sentence-rules'

/** A sentence as a half-open range `[start, end)` of the input, trimmed of outer whitespace. */
export type SentenceSpan = {
  readonly start: number
  readonly end: number
}

/**
 * Capitalised words that commonly open an English sentence. After "U.S." or "U.N.", one of these
 * means a new sentence ("…in the U.S. The talks…"); any other capitalised word is read as a name
 * that continues it ("the U.S. Senate").
 */
const SENTENCE_OPENERS = new Set(
  'a an the this that these those it its he she they we i you his her their our my but and or so yet if when while after before as at in on for from by with to of there here then however meanwhile still also although though because since according last next one two three some many most all no not'.split(
    ' '
  )
)

/** Multi-letter abbreviations with inner dots ("e.g.", "z.B.", "т.е.") end with a lowercase or digit continuation. */
const INNER_DOT_ABBREVIATION = /(?:^|[\s(“"«„'‘])(?:\p{L}{1,3}\.){1,3}\p{L}{0,3}\.$/u
/** A single capital letter: an initial ("J. K. Rowling"). */
const INITIAL = /(?:^|[\s(“"«„'‘-])\p{Lu}\.$/u
/** A single lowercase letter: part of an abbreviation ("z. B.", "d. h.", "i. e."), never a sentence end. */
const LOWER_LETTER = /(?:^|[\s(“"«„'‘-])\p{Ll}\.$/u
const LIST_MARKER = /^\s*(?:\d{1,3}|\p{L})[.)]$/u
const NEXT_IS_LETTER_DOT = /^\s*\p{L}\./u
/** A day number written as an ordinal ("am 3. März"): German and other languages that write ordinals with a dot. */
const ORDINAL_DAY = /(?:^|\s)\d{1,2}\.$/u
/** Month names that follow an ordinal day. */
const ORDINAL_MONTHS = new Set(
  'januar jänner februar märz april mai juni juli august september oktober november dezember jan feb mär apr jun jul aug sep sept okt nov dez'.split(
    ' '
  )
)
/** The last word before the final dot (the head window is short, so this stays cheap). */
const LAST_WORD = /([\p{L}\p{M}]+)\.$/u
/**
 * How much of a piece's end the join rules look at: the longest pattern (an inner-dot
 * abbreviation with its delimiter) spans 17 units, the longest title 7 letters. `$`-anchored
 * regexes cost time in proportion to the string they are given.
 */
const HEAD_WINDOW = 20
/** Line starts that mark a list item. */
const BULLET = /^[ \t]*(?:[-*•·▪●◦‣–—]|\d{1,3}[.)]|\p{L}[.)])[ \t]/u
/** Characters that end a sentence (so a line break after them is a real break). */
const TERMINAL = /[.!?…。！？؟।॥:;"”»’)\]]\s*$/u
/** Letters of bicameral scripts: a segment starting in lowercase continues the previous one. */
const STARTS_LOWER = /^[\s"“”«»„'‘’([{]*[\p{Ll}]/u
const STARTS_CLOSER = /^\s*[,;:)\]}]/u
const STARTS_DIGIT = /^\s*\d/u
const STARTS_UPPER_OR_DIGIT = /^[\s"“«„'‘(]*[\p{Lu}\d]/u
const FIRST_WORD = /^[\s"“«„'‘(]*([\p{L}\p{M}]+)/u

type Titles = { readonly names: ReadonlySet<string>; readonly numbers: ReadonlySet<string> }
const titleSets = new Map<string, Titles>()
function titlesFor(language: string): Titles {
  const tag = languageKey(language)
  // Languages without their own list share the English one (and one cache entry).
  const base = Object.hasOwn(NAME_TITLES, tag) || Object.hasOwn(NUMBER_TITLES, tag) ? tag : 'en'
  let titles = titleSets.get(base)
  if (!titles) {
    // English abbreviations turn up in every language's news (datelines, "Dr.", "St."), so they always apply.
    titles = {
      names: new Set([...abbreviations(NAME_TITLES.en), ...abbreviations(NAME_TITLES[base])]),
      numbers: new Set([...abbreviations(NUMBER_TITLES.en), ...abbreviations(NUMBER_TITLES[base])]),
    }
    titleSets.set(base, titles)
  }
  return titles
}

/**
 * Splits `text` into sentences.
 *
 * @param text - any string; never throws, including on lone surrogates and control characters.
 * @param language - BCP 47 code used for the abbreviation list and the segmenter locale.
 * @returns spans in text order, non-overlapping, each with at least one non-space character.
 *
 * @example
 * splitSentences('Dr. Smith arrived at 5 p.m. on Jan. 5. He left.', 'en')
 *   .map((s) => text.slice(s.start, s.end))
 * // ['Dr. Smith arrived at 5 p.m. on Jan. 5.', 'He left.']
 */
export function splitSentences(text: string, language = 'en'): SentenceSpan[] {
  const english = languageKey(language) === 'en'
  const segmenter = segmenterFor(language, 'sentence')
  const pieces = piecesScratch
  pieces.length = 0
  for (const block of splitBlocks(text)) {
    const from = pieces.length
    segmentBlock(text, block, segmenter, pieces)
    mergeAbbreviations(text, pieces, from, language)
    mergeQuotes(text, pieces, from)
  }
  if (english) {
    const spans: SentenceSpan[] = []
    for (let i = 0; i < pieces.length; i++) {
      splitGlued(text, { start: pieces.start[i] as number, end: pieces.end[i] as number }, spans)
    }
    return spans
  }
  // Sized once: pushing tens of thousands of spans copied the array at each doubling.
  const spans = new Array<SentenceSpan>(pieces.length)
  for (let i = 0; i < pieces.length; i++) {
    spans[i] = { start: pieces.start[i] as number, end: pieces.end[i] as number }
  }
  pieces.shrink()
  if (breakScratch.values.length > PIECES_KEPT) breakScratch.values = []
  return spans
}

/**
 * Pieces kept between calls, up to this many: a text of 200,000 characters has fewer sentences,
 * and fresh buffers of that size cost more in page faults than the splitting itself.
 */
const PIECES_KEPT = 1 << 17

/**
 * The pieces of a text while they are cut and joined: two parallel offset arrays rather than an
 * object per piece, so that the join passes rewrite them in place (joining only ever shortens
 * the list) and text of many tiny sentences allocates once per sentence, not once per pass.
 */
class Pieces {
  start = new Int32Array(PIECES_KEPT >> 4)
  end = new Int32Array(PIECES_KEPT >> 4)
  length = 0

  /** Gives back buffers grown past `PIECES_KEPT` after a huge text. */
  shrink(): void {
    if (this.start.length <= PIECES_KEPT) return
    this.start = new Int32Array(PIECES_KEPT >> 4)
    this.end = new Int32Array(PIECES_KEPT >> 4)
  }

  push(start: number, end: number): void {
    if (this.length === this.start.length) {
      const start = new Int32Array(this.length * 2)
      const end = new Int32Array(this.length * 2)
      start.set(this.start)
      end.set(this.end)
      this.start = start
      this.end = end
    }
    this.start[this.length] = start
    this.end[this.length] = end
    this.length++
  }
}

/** The one `Pieces` every call uses: splitting is synchronous and never re-entered. */
const piecesScratch = new Pieces()

/**
 * Offsets appended into an array that is kept between calls: emptying an array by its `length`
 * gives its storage back, and regrowing it for tens of thousands of breaks per text showed in
 * profiles.
 */
class OffsetList implements Offsets {
  values: number[] = []
  length = 0

  push(offset: number): void {
    this.values[this.length++] = offset
  }
}

/** The sentence breaks of the block being segmented (see `segmentBlock`). */
const breakScratch = new OffsetList()

/**
 * A lowercase word followed by a capitalised pronoun, or by "The" and a lowercase word, is a
 * sentence boundary whose full stop got lost — typically a photo caption glued to the next
 * sentence by a scraper ("…higher than a colleague The cost of divorce…"). Mid-sentence, English
 * capitalises neither ("The" inside a name is followed by a capital: "album The College Dropout").
 */
const GLUED = / (He|She|They|We|It|His|Her|Their|Its|The) /g
const LOWER = /\p{Ll}/u

function splitGlued(text: string, span: SentenceSpan, out: SentenceSpan[]): void {
  const sentence = text.slice(span.start, span.end)
  let start = span.start
  GLUED.lastIndex = 0
  for (let m = GLUED.exec(sentence); m; m = GLUED.exec(sentence)) {
    const at = m.index
    // "The" starts a sentence only before a lowercase word ("The cost"), not in a name.
    if (m[1] === 'The' && !LOWER.test(sentence.charAt(at + 5))) continue
    if (!endsWithLowercaseWord(sentence, at)) continue
    const cut = span.start + at
    out.push({ start, end: cut })
    start = cut + 1
  }
  out.push({ start, end: span.end })
}

const DIGIT_OR_CLOSER = /[\d'’%)]/

/** `true` when `sentence[0, end)` ends with a lowercase word, possibly followed by digits, %, ’ or ). */
function endsWithLowercaseWord(sentence: string, end: number): boolean {
  for (let p = end - 1; p >= 0; p--) {
    const ch = sentence.charAt(p)
    if (LOWER.test(ch)) return true
    if (!DIGIT_OR_CLOSER.test(ch)) return false
  }
  return false
}

type Range = { start: number; end: number }

/**
 * Cuts the text into blocks that no sentence may cross: paragraphs, list items and lines that end
 * a sentence. A line that runs on (no terminal punctuation, next line not a bullet, not a short
 * heading) is joined with the next one.
 */
function splitBlocks(text: string): Range[] {
  const lines: Range[] = []
  const lineBreak = /\r\n|[\n\r\u2028\u2029\v\f\u0085]/g
  let start = 0
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    lines.push({ start, end: match.index })
    start = match.index + match[0].length
  }
  lines.push({ start, end: text.length })

  const blocks: Range[] = []
  let current: Range | undefined
  let previousLine = ''
  for (const line of lines) {
    const content = text.slice(line.start, line.end)
    if (content.trim() === '') {
      if (current) blocks.push(current)
      current = undefined
      previousLine = ''
      continue
    }
    const continues =
      current !== undefined &&
      !BULLET.test(content) &&
      !TERMINAL.test(previousLine) &&
      !BULLET.test(previousLine) &&
      // A lowercase start always continues; otherwise the previous line must read as prose.
      (STARTS_LOWER.test(content) || isRunningText(previousLine))
    if (continues && current) {
      current = { start: current.start, end: line.end }
    } else {
      if (current) blocks.push(current)
      current = { start: line.start, end: line.end }
    }
    previousLine = content
  }
  if (current) blocks.push(current)
  return blocks
}

/** A line long enough to be part of running prose rather than a heading, byline or caption. */
function isRunningText(line: string): boolean {
  let words = 0
  for (const _ of line.matchAll(/\S+/g)) {
    words++
    if (words >= 6) return true
  }
  return false
}

/** Runs the ICU segmenter over one block, reading inner line breaks as spaces; appends the trimmed, non-empty pieces. */
function segmentBlock(text: string, block: Range, segmenter: Intl.Segmenter, out: Pieces): void {
  const slice = text.slice(block.start, block.end)
  // Same length replacement keeps offsets valid while hiding the soft line breaks from ICU.
  const flat = slice.replace(/[\r\n\u2028\u2029\v\f\u0085]/g, ' ')
  const breaks = breakScratch
  breaks.length = 0
  sentenceBreaks(flat, segmenter, ICU_CHUNK, breaks)
  breaks.push(flat.length)
  let carry = 0
  let index = 0
  for (let b = 0; b < breaks.length; b++) {
    const end = breaks.values[b] as number
    // ICU treats “ and « as closing punctuation, so in unspaced scripts ("…？“他说。”") the opening
    // quote of the next sentence is glued to the end of this one: hand it over.
    let moved = 0
    while (end - moved > index && isOpeningQuote(flat.charCodeAt(end - moved - 1))) moved++
    if (moved === end - index) moved = 0
    let s = block.start + index - carry
    let e = block.start + end - moved
    while (s < e && isSpace(text.charCodeAt(s))) s++
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--
    if (s < e) out.push(s, e)
    carry = moved
    index = end
  }
}

/**
 * Where ICU must break whatever follows: a lowercase letter, a full stop, question or exclamation
 * mark, closing quotes or brackets, spaces, then an uppercase letter, possibly after opening quotes
 * or brackets (the break is before them); or a full-width 。！？ and
 * closing marks before Han or Kana (UAX #29 rule SB11; SB7, SB8 and SB8a cannot apply). The match
 * ends where the new sentence starts.
 */
const SURE_BREAK =
  /\p{Ll}[.!?]["'”’»)\]]*\s+(?=["'“‘«([]*\p{Lu})|[。！？]["'”’」』）]*(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu
/** Target size of the pieces handed to ICU (UTF-16 units). */
const ICU_CHUNK = 1024

/**
 * Sentence break offsets of `flat` (segment starts after the first), as ICU reports them for the
 * whole text, computed piecewise. V8 builds every segment's `input` string from the whole text, so
 * one ICU pass costs time proportional to segments × length — 53 ms on 128 KB of news, seconds on
 * 200 KB of "A. A. A." — while pieces keep it linear:
 *
 * - pieces of about `chunkSize` units cut at sure breaks (where ICU breaks whatever the context);
 * - where no sure break comes within `4 × chunkSize`, ICU is asked only about a small window
 *   around each sentence terminal: breaks happen only after one, and each decision depends on one
 *   character before it and on what follows up to the next letter (UAX #29 SB6–SB11).
 *
 * Both give the whole-text answer (property-tested against a whole-text run). Exported for tests.
 *
 * @param flat - text without line breaks.
 * @param breaks - where the offsets are appended (and returned); a new array by default.
 */
export function sentenceBreaks(
  flat: string,
  segmenter: Intl.Segmenter,
  chunkSize = ICU_CHUNK,
  breaks: Offsets = []
): Offsets {
  // The UAX #29 rules in TypeScript give ICU's answer at a fraction of its cost (see
  // sentence-rules.ts); ICU remains for text they cannot classify.
  const rules = rulesApply(segmenter)
  if (rules && ruleBreaks(flat, 0, flat.length, breaks)) return breaks
  const maxPiece = 4 * chunkSize
  let start = 0
  while (flat.length - start > chunkSize) {
    SURE_BREAK.lastIndex = start + chunkSize
    const sure = SURE_BREAK.exec(flat)
    const cut = sure === null ? flat.length : sure.index + sure[0].length
    if (cut - start <= maxPiece) icuBreaks(flat, start, cut, segmenter, rules, breaks)
    else windowBreaks(flat, start, cut, segmenter, breaks)
    if (sure === null) return breaks
    breaks.push(cut)
    start = cut
  }
  icuBreaks(flat, start, flat.length, segmenter, rules, breaks)
  return breaks
}

function icuBreaks(
  flat: string,
  from: number,
  to: number,
  segmenter: Intl.Segmenter,
  rules: boolean,
  out: Offsets
): void {
  if (rules && ruleBreaks(flat, from, to, out)) return
  for (const { index } of segmenter.segment(flat.slice(from, to)))
    if (index > 0) out.push(from + index)
}

const untailored = new WeakMap<Intl.Segmenter, boolean>()

/**
 * `true` when the segmenter follows the root UAX #29 rules, which `ruleBreaks` implements. CLDR
 * tailors sentence breaks for Greek only (`;` is its question mark); abbreviation suppressions
 * apply only when asked for with `-u-ss-`, which `sentenceSegmenter` never does.
 */
function rulesApply(segmenter: Intl.Segmenter): boolean {
  let ok = untailored.get(segmenter)
  if (ok === undefined) {
    const locale = segmenter.resolvedOptions().locale
    ok = primarySubtag(locale) !== 'el' && !locale.includes('-u-')
    untailored.set(segmenter, ok)
  }
  return ok
}

/** Characters that can end a sentence (Unicode Sentence_Terminal: . ! ? 。 ！ ？ ؟ । …). */
const SENTENCE_TERMINAL = /\p{Sentence_Terminal}/gu
const TERMINAL_AHEAD = /\p{Sentence_Terminal}/gu
/** What may follow a terminal before the next sentence: more terminals, closing marks, spaces. */
const CLUSTER = /[\p{Sentence_Terminal}\p{Pe}\p{Pf}\p{Pi}"'\s]/u
const LETTER = /^\p{L}/u
/** Context ICU needs before a terminal (rule SB7 looks one character back). */
const LOOK_BEHIND = 3
/** How far past a terminal cluster to look for the letter that decides a break (rule SB8). */
const LOOK_AHEAD = 256

/** Breaks in `(from, to)` from ICU runs over small windows around each terminal. */
function windowBreaks(
  flat: string,
  from: number,
  to: number,
  segmenter: Intl.Segmenter,
  out: Offsets
): void {
  const n = flat.length
  let last = from
  SENTENCE_TERMINAL.lastIndex = from
  for (let m = SENTENCE_TERMINAL.exec(flat); m && m.index < to; m = SENTENCE_TERMINAL.exec(flat)) {
    const p = m.index
    let clusterEnd = p + m[0].length
    while (clusterEnd < n && CLUSTER.test(flat.charAt(clusterEnd))) clusterEnd++
    let next = clusterEnd
    while (next < n && next - clusterEnd < LOOK_AHEAD && !isLetterAt(flat, next)) next++
    const windowStart = Math.max(from, p - LOOK_BEHIND)
    const windowEnd = Math.min(n, next + 2)
    // Breaks past the next terminal belong to it and come from its own window; stopping early
    // matters because V8 copies the whole window for every segment it yields.
    TERMINAL_AHEAD.lastIndex = clusterEnd
    const following = TERMINAL_AHEAD.exec(flat)?.index ?? n
    for (const { index } of segmenter.segment(flat.slice(windowStart, windowEnd))) {
      const at = windowStart + index
      if (at > next || at > following) break
      if (at > p && at > last && at < to) {
        out.push(at)
        last = at
      }
    }
    SENTENCE_TERMINAL.lastIndex = clusterEnd
  }
}

/** `true` when a letter (of any plane) starts at `i`. */
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a
  return LETTER.test(text.slice(i, i + 2))
}

/** White space of any kind, zero-width space and NEL included (what `trim` removes around pieces). */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x85 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * Joins a piece with the next one when ICU broke after an abbreviation or before a continuation,
 * in place over the pieces from `from` on.
 */
function mergeAbbreviations(text: string, pieces: Pieces, from: number, language: string): void {
  if (pieces.length - from < 2) return
  const titles = titlesFor(language)
  const { start, end } = pieces
  let kept = from
  let currentStart = start[from] as number
  let currentEnd = end[from] as number
  for (let i = from + 1; i < pieces.length; i++) {
    const nextStart = start[i] as number
    const nextEnd = end[i] as number
    if (
      mayJoin(text, currentEnd, nextStart) &&
      joins(text, currentStart, currentEnd, nextStart, nextEnd, titles)
    ) {
      currentEnd = nextEnd
    } else {
      start[kept] = currentStart
      end[kept] = currentEnd
      kept++
      currentStart = nextStart
      currentEnd = nextEnd
    }
  }
  start[kept] = currentStart
  end[kept] = currentEnd
  pieces.length = kept + 1
}

/** The join rules, on the end of the current piece and the start of the next. */
function joins(
  text: string,
  currentStart: number,
  currentEnd: number,
  nextStart: number,
  nextEnd: number,
  titles: Titles
): boolean {
  // The end of the piece is all the rules look at (see HEAD_WINDOW).
  const head = text.slice(Math.max(currentStart, currentEnd - HEAD_WINDOW), currentEnd)
  const tail = text.slice(nextStart, Math.min(nextEnd, nextStart + 24))
  return shouldJoin(head, tail, titles) || isCjkAttribution(head, nextEnd - nextStart)
}

/** For tests: whether the join rules join two pieces, and whether `mayJoin` lets them try. */
export function joinDecision(
  text: string,
  current: Range,
  next: Range,
  language: string
): { joins: boolean; mayJoin: boolean } {
  return {
    joins: joins(text, current.start, current.end, next.start, next.end, titlesFor(language)),
    mayJoin: mayJoin(text, current.end, next.start),
  }
}

/**
 * `false` when no join rule can apply, decided from one character on each side of the break so
 * that text of many short sentences does not pay two slices and a few regex tests per sentence.
 * Every rule of `shouldJoin` and `isCjkAttribution` needs the piece to end in one of
 * `isJoinAfter` (a full stop, a bracket, `!`, `?` or a closing quote) or the next piece to start
 * with a closer (after optional spaces, which `trim` removed).
 */
function mayJoin(text: string, currentEnd: number, nextStart: number): boolean {
  const first = text.charCodeAt(nextStart)
  return isJoinAfter(text.charCodeAt(currentEnd - 1)) || isCloser(first) || isSpace(first)
}

/** . ) ! ? " ' ” ’ » ] 」 』 */
function isJoinAfter(code: number): boolean {
  switch (code) {
    case 0x2e:
    case 0x29:
    case 0x21:
    case 0x3f:
    case 0x22:
    case 0x27:
    case 0x201d:
    case 0x2019:
    case 0xbb:
    case 0x5d:
    case 0x300d:
    case 0x300f:
      return true
    default:
      return false
  }
}

/** What `STARTS_CLOSER` accepts after its spaces: , ; : ) ] } */
function isCloser(code: number): boolean {
  return (
    code === 0x2c ||
    code === 0x3b ||
    code === 0x3a ||
    code === 0x29 ||
    code === 0x5d ||
    code === 0x7d
  )
}

/**
 * "“……。”项目负责人说。": ICU ends a sentence after a quotation closed by 。”; a short piece after
 * it is the attribution and belongs to the quote.
 */
function isCjkAttribution(head: string, tailLength: number): boolean {
  return tailLength <= MAX_ATTRIBUTION && CJK_QUOTE_END.test(head)
}
const CJK_QUOTE_END = /[。！？][”」』]$/u
const MAX_ATTRIBUTION = 10

/** "!" or "?" and any closing quotes or brackets after it. */
const EXCLAMATION_END = /[!?]["'”’»)\]]*$/u

function shouldJoin(head: string, tail: string, titles: Titles): boolean {
  // A piece that starts with a comma or a closing bracket cannot start a sentence.
  if (STARTS_CLOSER.test(tail)) return true
  // A list marker alone ("1.", "a)") belongs to its item.
  if (LIST_MARKER.test(head)) return true
  if (!head.endsWith('.')) {
    // ICU also breaks after "!" and "?"; that is right unless lowercase follows ("Yahoo! said",
    // "“Go!” he said").
    return EXCLAMATION_END.test(head) && STARTS_LOWER.test(tail)
  }
  if (STARTS_LOWER.test(tail)) return true
  // "z. B.": a lowercase letter, then another one-letter abbreviation.
  if (LOWER_LETTER.test(head) && NEXT_IS_LETTER_DOT.test(tail)) return true
  if (ORDINAL_DAY.test(head)) {
    const next = FIRST_WORD.exec(tail)?.[1]?.toLowerCase()
    if (next !== undefined && ORDINAL_MONTHS.has(next)) return true
  }
  const word = LAST_WORD.exec(head)?.[1]?.toLowerCase()
  if (word !== undefined) {
    if (titles.names.has(word) && STARTS_UPPER_OR_DIGIT.test(tail)) return true
    if (titles.numbers.has(word) && STARTS_DIGIT.test(tail)) return true
  }
  if (INITIAL.test(head) || INNER_DOT_ABBREVIATION.test(head)) {
    if (STARTS_DIGIT.test(tail)) return true
    // "J. K. Rowling", "the U.S. Senate" continue; "…in the U.S. The talks" starts anew.
    const first = FIRST_WORD.exec(tail)?.[1]
    return (
      first !== undefined && /^\p{Lu}/u.test(first) && !SENTENCE_OPENERS.has(first.toLowerCase())
    )
  }
  return false
}

/** A quotation stays open over at most this many extra sentences; past that, the quote marks are unbalanced text. */
const MAX_QUOTE_SPAN = 4

/**
 * Joins the sentences of a quotation that spans several of them, so that no piece starts or ends
 * inside a quote ("…chances. I didn't take care of them."). A sentence whose quote is never closed
 * stays alone when the next sentence opens a quote of its own: news style leaves a quote open at
 * the end of a paragraph and reopens it in the next, and each of those sentences stands by itself.
 */
function mergeQuotes(text: string, pieces: Pieces, from: number): void {
  const count = pieces.length
  if (count - from < 2) return
  const { start, end } = pieces
  // Rewritten in place: `kept` never passes `i`, so every piece is read before it is overwritten.
  let kept = from
  let i = from
  while (i < count) {
    const currentStart = start[i] as number
    let currentEnd = end[i] as number
    let j = i
    let state = scanQuotes(text, currentStart, currentStart, currentEnd, 0)
    if (state > 0) {
      for (let k = i + 1; k < count && k <= i + MAX_QUOTE_SPAN; k++) {
        const nextStart = start[k] as number
        const nextEnd = end[k] as number
        if (startsWithOpeningQuote(text, nextStart, nextEnd)) break
        state = scanQuotes(text, currentStart, nextStart, nextEnd, state)
        if (state === 0) {
          currentEnd = nextEnd
          j = k
          break
        }
      }
    }
    start[kept] = currentStart
    end[kept] = currentEnd
    kept++
    i = j + 1
  }
  pieces.length = kept
}

/** Quote characters that always open: “ « „ 「 『 ‘ (U+201E „ opens German quotes closed by “). */
function isOpeningQuote(code: number): boolean {
  return (
    code === 0x201c ||
    code === 0xab ||
    code === 0x201e ||
    code === 0x300c ||
    code === 0x300e ||
    code === 0x2018
  )
}

/** Quote characters that always close: ” » 」 』 */
function isClosingQuote(code: number): boolean {
  return code === 0x201d || code === 0xbb || code === 0x300d || code === 0x300f
}

/** Every code unit `scanQuotes` acts on: " ' and the curly, angle and corner quotes. */
function isQuoteMark(code: number): boolean {
  if (code < 0xab) return code === 0x22 || code === 0x27
  switch (code) {
    case 0xab:
    case 0xbb:
    case 0x2018:
    case 0x2019:
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x300c:
    case 0x300d:
    case 0x300e:
    case 0x300f:
      return true
    default:
      return false
  }
}

/**
 * The state `scanQuotes` returns: open quotations of any other kind, plus `SINGLE ×` open
 * straight single quotes, kept apart so that a straight ' closes only a quotation it opened. It
 * is 0 exactly when no quotation is open.
 */
const SINGLE = 1 << 16

/**
 * Returns the quote state (see `SINGLE`) after reading `text[start, end)` from `state`. Straight
 * quotes get a direction from their neighbours (after a space: opening; after a letter:
 * closing); ’ counts only as a closer before a space or punctuation, never inside a word (an
 * apostrophe). `groupStart` is where the quotation being tracked may have opened (for German
 * „…“).
 */
function scanQuotes(
  text: string,
  groupStart: number,
  start: number,
  end: number,
  state: number
): number {
  let singles = Math.floor(state / SINGLE)
  let d = state - singles * SINGLE
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p)
    if (!isQuoteMark(c)) continue
    if (c === 0x22) {
      if (p === start || isSpaceOrOpener(text.charCodeAt(p - 1))) d++
      else if (d > 0) d--
    } else if (c === 0x27) {
      // Straight single quotes (the Daily Mail's quotation marks) share the key with the
      // apostrophe: one opens only before a letter where a word starts, and closes only a
      // quotation it opened, after a word and before a space or punctuation ("'We came here.
      // We're tourists,' he said"; not the possessive in "drivers' attitudes").
      const before = p === start ? 0x20 : text.charCodeAt(p - 1)
      const after = p + 1 < end ? text.charCodeAt(p + 1) : 0x20
      if (isLetter(after)) {
        if (isSpaceOrOpener(before) || before === 0x22 || isOpeningQuote(before)) singles++
      } else if (singles > 0 && !isSpace(before) && !isWordChar(after)) singles--
    } else if (c === 0x2019) {
      if (d > 0 && (p + 1 >= end || !isWordChar(text.charCodeAt(p + 1)))) d--
    } else if (c === 0x201c) {
      // “ closes a German „ quote, opens otherwise.
      if (d > 0 && germanOpen(text, groupStart, p)) d--
      else d++
    } else if (isOpeningQuote(c)) {
      if (c !== 0x2018 || p === start || isSpaceOrOpener(text.charCodeAt(p - 1))) d++
    } else if (isClosingQuote(c) && d > 0) d--
  }
  return d + singles * SINGLE
}

/** `true` when the last quote mark before `p` in the sentence is a German „. */
function germanOpen(text: string, start: number, p: number): boolean {
  for (let q = p - 1; q >= start && q >= p - 400; q--) {
    const c = text.charCodeAt(q)
    if (c === 0x201e) return true
    if (c === 0x201c || c === 0x201d) return false
  }
  return false
}

function startsWithOpeningQuote(text: string, start: number, end: number): boolean {
  if (start >= end) return false
  const c = text.charCodeAt(start)
  if (c === 0x27) return start + 1 < end && isLetter(text.charCodeAt(start + 1))
  return c === 0x22 || isOpeningQuote(c)
}

/** A letter (not a digit: '90s is an elision, not a quotation). */
function isLetter(code: number): boolean {
  return isWordChar(code) && !(code >= 0x30 && code <= 0x39)
}

function isSpaceOrOpener(code: number): boolean {
  return isSpace(code) || code === 0x28 || code === 0x5b || code === 0x2014 || code === 0x2013
}

/** Letters and digits of any script, approximated cheaply: ASCII alnum or anything non-ASCII that is not punctuation/space. */
function isWordChar(code: number): boolean {
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)
  return (
    !isSpace(code) &&
    code !== 0x2019 &&
    code !== 0x201d &&
    code !== 0xbb &&
    (code < 0x2000 || code > 0x206f)
  )
}
