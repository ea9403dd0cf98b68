/**
 * The summarizer's view of an article: sentences, their words and their content terms, computed
 * in one pass so that ranking and selection never tokenize twice.
 *
 * Terms are interned to small integers and stored in flat typed arrays (sentence `i` owns
 * `terms[termStart[i] .. termStart[i + 1])`): the ranking loops then touch no strings and no Maps.
 *
 * @module
 */
import { isSpace, type SentenceSpan, splitSentences } from '../text/sentences'
import { forEachWord, normalizeWord } from '../text/words'
import { Arena } from './arena'
import { isBoilerplate } from './boilerplate'
import { stopwordsFor } from './stopwords'

/** An analysed article. All offsets are UTF-16 units into `text`. */
export type ArticleModel = {
  readonly text: string
  readonly language: string
  readonly spans: readonly SentenceSpan[]
  /** Content-term ids of every sentence, concatenated (stopwords and one-letter words left out). */
  readonly terms: Int32Array
  /** Sentence `i`'s terms are `terms[termStart[i]] … terms[termStart[i + 1] - 1]`. */
  readonly termStart: Int32Array
  /** Words per sentence, counted as `countWords` counts them (budgets use this). */
  readonly wordCounts: Int32Array
  /** 1 when the sentence may appear in a summary (not boilerplate, not a heading or caption). */
  readonly selectable: Uint8Array
  /** Number of distinct terms (ids are `0 … vocabularySize - 1`). */
  readonly vocabularySize: number
  /** Content-term ids of the title (caller's title, or a leading headline line), possibly empty. */
  readonly titleTerms: Int32Array
  /** Where this article's typed arrays come from; ranking and selection allocate from it too. */
  readonly arena: Arena
}

/**
 * Bytes an analysis and its summaries take from their arena, per UTF-16 unit of text: 5–7 on
 * the dev articles (term ids, per-term and per-sentence arrays); a larger article gets a second
 * buffer.
 */
const ARENA_BYTES_PER_UNIT = 8
/**
 * And per sentence, which matters when sentences are very short: the per-sentence arrays of the
 * features and the ranking, and each length's scores and selection state, come to 140 bytes a
 * sentence for three lengths ("丝路。" × 58,000 takes 9.5 MB). Sized up front, such a text fills
 * one buffer, which the next call reuses, instead of mapping fresh pages chunk after chunk.
 */
const ARENA_BYTES_PER_SENTENCE = 144

/**
 * Analyses `text`: splits sentences, tokenizes each once, marks what may be selected.
 *
 * @param title - the headline when the caller has it separately; otherwise a leading line without
 *   sentence punctuation is used as the title.
 * @param stopwordsOf - the stopword lists (the bundled ones by default; the eval swaps them).
 */
export function analyzeArticle(
  text: string,
  language: string,
  title?: string,
  stopwordsOf: (language: string) => ReadonlySet<string> = stopwordsFor
): ArticleModel {
  const spans = splitSentences(text, language)
  const n = spans.length
  const stopwords = stopwordsOf(language)
  const arena = new Arena(ARENA_BYTES_PER_UNIT * text.length + ARENA_BYTES_PER_SENTENCE * n + 4096)
  const termStart = arena.i32(n + 1)
  const wordCounts = arena.i32(n)
  let terms = arena.i32(Math.max(16, text.length >> 2))
  let used = 0

  // Each word is looked up in the isolate's vocabulary by its characters in place (no
  // substring, no string hashing), which knows its ranking form by number; the form gets the
  // article's next term id on first sight. Stopwords get id -1, so each token costs one probe.
  const vocabulary = VOCABULARY.begin(stopwords)
  let nextId = 0
  // One closure for every sentence (not one per sentence): V8 keeps it monomorphic and inlined.
  const visit = (start: number, end: number): void => {
    const form = vocabulary.formOf(text, start, end, hashRange(text, start, end))
    // One-letter words are not terms.
    if (form < 0) return
    let id = vocabulary.termId(form)
    if (id === NO_TERM_ID) {
      id = vocabulary.isStopword(form) ? -1 : nextId++
      vocabulary.setTermId(form, id)
    }
    if (id < 0) return
    if (used === terms.length) {
      const grown = arena.i32(terms.length * 2)
      grown.set(terms)
      terms = grown
    }
    terms[used++] = id
  }
  for (let i = 0; i < n; i++) {
    const span = spans[i] as SentenceSpan
    termStart[i] = used
    wordCounts[i] = forEachWord(text, language, span.start, span.end, visit)
  }
  termStart[n] = used

  const selectable = markSelectable(text, spans, wordCounts, arena)
  let titleTerms = new Int32Array(0)
  const titleText = title ?? leadingHeadline(text, spans, selectable)
  if (titleText !== undefined && titleText.length > 0) {
    const found: number[] = []
    forEachWord(titleText, language, 0, titleText.length, (start, end) => {
      const norm = termOf(titleText.slice(start, end))
      // Title words unknown to the body cannot match any sentence: skip them without interning.
      if (norm === undefined) return
      const id = vocabulary.termIdOfForm(norm)
      if (id >= 0) found.push(id)
    })
    titleTerms = Int32Array.from(found)
  }

  return {
    text,
    language,
    spans,
    terms: terms.subarray(0, used),
    termStart,
    wordCounts,
    selectable,
    vocabularySize: nextId,
    titleTerms,
    arena,
  }
}

/** `Vocabulary.termId` of a form not yet seen in the current article. */
const NO_TERM_ID = -3

/**
 * Spelling → ranking form, shared by every article an isolate analyses: news vocabulary recurs
 * from one article to the next, and each new spelling otherwise costs a substring, a lowercase
 * copy and hash-map operations on strings. Spellings are stored as UTF-16 units in one pool and
 * compared in place; forms are numbered, and per form the table keeps whether it is a stopword
 * (per stopword list) and its term id in the article being analysed (valid while `stamp` equals
 * the article's number), so an article never touches a string for a word the isolate has seen.
 *
 * Nothing read from it depends on what earlier articles contained: a form's term id is assigned
 * per article, in order of first occurrence, exactly as a fresh table would. It is emptied before
 * an article when it holds more than `MAX_SPELLINGS` spellings (so it stays bounded whatever the
 * requests contain); within one article it grows with the article.
 */
class Vocabulary {
  private static readonly MAX_SPELLINGS = 1 << 15
  private static readonly MAX_POOL = 1 << 20

  private slots!: Int32Array
  private mask!: number
  /** Per spelling: start and length in `pool`, form number (-1: not a term). */
  private spellingStart!: Int32Array
  private spellingLength!: Int32Array
  private spellingForm!: Int32Array
  private spellings!: number
  private pool!: Uint16Array
  private poolUsed!: number
  /** Per form: its string, and its number by string. */
  private forms!: string[]
  private formNumbers!: Map<string, number>
  /** Per form: the article that last gave it a term id, and that id. */
  private stamp!: Int32Array
  private ids!: Int32Array
  /** Per stopword list, per form: 0 not yet known, 1 stopword, 2 not. */
  private verdicts!: WeakMap<ReadonlySet<string>, Uint8Array>
  private article = 0
  private stopwords: ReadonlySet<string> = new Set()
  private verdict: Uint8Array = new Uint8Array(0)

  constructor() {
    this.clear()
  }

  private clear(): void {
    this.mask = (1 << 16) - 1
    this.slots = new Int32Array(this.mask + 1)
    this.spellingStart = new Int32Array(1024)
    this.spellingLength = new Int32Array(1024)
    this.spellingForm = new Int32Array(1024)
    this.spellings = 0
    this.pool = new Uint16Array(1 << 14)
    this.poolUsed = 0
    this.forms = []
    this.formNumbers = new Map()
    this.stamp = new Int32Array(1024)
    this.ids = new Int32Array(1024)
    this.verdicts = new WeakMap()
  }

  /** Starts an article whose stopwords are `stopwords`. */
  begin(stopwords: ReadonlySet<string>): this {
    if (this.spellings > Vocabulary.MAX_SPELLINGS || this.poolUsed > Vocabulary.MAX_POOL)
      this.clear()
    // Article numbers only need to differ from the previous ones: wrap long before overflow.
    if (this.article === 0x3fffffff) {
      this.article = 0
      this.stamp.fill(0)
    }
    this.article++
    this.stopwords = stopwords
    let verdict = this.verdicts.get(stopwords)
    if (verdict === undefined) {
      verdict = new Uint8Array(this.stamp.length)
      this.verdicts.set(stopwords, verdict)
    }
    this.verdict = verdict
    return this
  }

  /** The form number of `text.slice(start, end)`, or -1 when it is not a term (`termOf`). */
  formOf(text: string, start: number, end: number, hash: number): number {
    const length = end - start
    const { pool } = this
    let slot = hash & this.mask
    for (;;) {
      const entry = this.slots[slot] as number
      if (entry === 0) break
      const k = entry - 1
      if (this.spellingLength[k] === length) {
        const at = this.spellingStart[k] as number
        let c = 0
        while (c < length && pool[at + c] === text.charCodeAt(start + c)) c++
        if (c === length) return this.spellingForm[k] as number
      }
      slot = (slot + 1) & this.mask
    }
    const form = this.formNumber(termOf(text.slice(start, end)))
    this.addSpelling(text, start, end, slot, form)
    return form
  }

  /** The term id of `form` in the current article, or `NO_TERM_ID`. */
  termId(form: number): number {
    return this.stamp[form] === this.article ? (this.ids[form] as number) : NO_TERM_ID
  }

  setTermId(form: number, id: number): void {
    this.stamp[form] = this.article
    this.ids[form] = id
  }

  /** The term id of the form `norm` in the current article; negative when it has none. */
  termIdOfForm(norm: string): number {
    const form = this.formNumbers.get(norm)
    return form === undefined ? -1 : this.termId(form)
  }

  /** `true` when `form` is in the current article's stopword list. */
  isStopword(form: number): boolean {
    let verdict = this.verdict
    if (form >= verdict.length) {
      const grown = new Uint8Array(this.stamp.length)
      grown.set(verdict)
      verdict = grown
      this.verdict = grown
      this.verdicts.set(this.stopwords, grown)
    }
    let v = verdict[form] as number
    if (v === 0) {
      v = this.stopwords.has(this.forms[form] as string) ? 1 : 2
      verdict[form] = v
    }
    return v === 1
  }

  private formNumber(norm: string | undefined): number {
    if (norm === undefined) return -1
    let form = this.formNumbers.get(norm)
    if (form === undefined) {
      form = this.forms.length
      this.forms.push(norm)
      this.formNumbers.set(norm, form)
      if (form >= this.stamp.length) {
        const size = this.stamp.length * 2
        const stamp = new Int32Array(size)
        stamp.set(this.stamp)
        this.stamp = stamp
        const ids = new Int32Array(size)
        ids.set(this.ids)
        this.ids = ids
      }
    }
    return form
  }

  private addSpelling(text: string, start: number, end: number, slot: number, form: number): void {
    const length = end - start
    if (this.poolUsed + length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + length))
      pool.set(this.pool.subarray(0, this.poolUsed))
      this.pool = pool
    }
    for (let c = 0; c < length; c++) this.pool[this.poolUsed + c] = text.charCodeAt(start + c)
    const k = this.spellings++
    if (k >= this.spellingStart.length) {
      const size = this.spellingStart.length * 2
      this.spellingStart = grownCopy(this.spellingStart, size)
      this.spellingLength = grownCopy(this.spellingLength, size)
      this.spellingForm = grownCopy(this.spellingForm, size)
    }
    this.spellingStart[k] = this.poolUsed
    this.spellingLength[k] = length
    this.spellingForm[k] = form
    this.poolUsed += length
    this.slots[slot] = k + 1
    if (this.spellings * 2 > this.mask) this.rehash()
  }

  private rehash(): void {
    const { pool } = this
    this.mask = this.mask * 2 + 1
    this.slots = new Int32Array(this.mask + 1)
    for (let k = 0; k < this.spellings; k++) {
      const at = this.spellingStart[k] as number
      const end = at + (this.spellingLength[k] as number)
      let h = 0x811c9dc5
      for (let i = at; i < end; i++) h = Math.imul(h ^ (pool[i] as number), 0x01000193)
      let slot = (h >>> 0) & this.mask
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask
      this.slots[slot] = k + 1
    }
  }
}

function grownCopy(array: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(size)
  grown.set(array)
  return grown
}

const VOCABULARY = new Vocabulary()

/** FNV-1a over UTF-16 code units. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * The ranking form of a word: lowercase, apostrophes folded, an English-style possessive "'s"
 * dropped (so "Wipro's" counts as "wipro"). `undefined` for one-letter words, which carry no
 * topic in spaced scripts (a single CJK character does, so those are kept).
 */
function termOf(word: string): string | undefined {
  if (word.length === 1 && word.charCodeAt(0) < 0x3000) return undefined
  const norm = normalizeWord(word)
  return norm.endsWith("'s") && norm.length > 3 ? norm.slice(0, -2) : norm
}

/** Boilerplate, headings and captions are never selected; see `isSelectableSentence`. */
function markSelectable(
  text: string,
  spans: readonly SentenceSpan[],
  wordCounts: Int32Array,
  arena: Arena
): Uint8Array {
  const n = spans.length
  const selectable = arena.u8(n)
  let any = false
  for (let i = 0; i < n; i++) {
    const span = spans[i] as SentenceSpan
    if (wordCounts[i] === 0 || !endsLikeSentence(text, span.start, span.end)) continue
    if (isBoilerplate(text.slice(span.start, span.end))) continue
    selectable[i] = 1
    any = true
  }
  // Nothing reads as prose (a list of headings, a one-line text): any non-boilerplate line will do.
  if (!any) {
    for (let i = 0; i < n; i++) {
      const span = spans[i] as SentenceSpan
      if ((wordCounts[i] as number) > 0 && !isBoilerplate(text.slice(span.start, span.end)))
        selectable[i] = 1
    }
  }
  return selectable
}

/** `true` when the sentence is direct speech: it opens with a quotation mark. */
export function isDirectSpeech(text: string, span: SentenceSpan): boolean {
  return OPENING_QUOTES.has(text.charCodeAt(span.start))
}

/** `true` when the sentence is a question. */
export function isQuestion(text: string, span: SentenceSpan): boolean {
  return QUESTION_END.test(text.slice(Math.max(span.start, span.end - 4), span.end))
}

/** Characters that open direct speech: " “ „ « ‘ ' 「 『 (straight quotes open at a sentence start). */
const OPENING_QUOTES = new Set([0x22, 0x201c, 0x201e, 0xab, 0x2018, 0x27, 0x300c, 0x300e])
/** A question mark of any script, optionally followed by closing quotes. */
const QUESTION_END = /[?？؟]["'”’»」』]*$/u

/**
 * A line without sentence punctuation is a headline, a section heading, a caption or a byline:
 * `text[start, end)` ends like a sentence when, within its last 8 units, sentence-final
 * punctuation of any script is followed only by whitespace and closing quotes or brackets
 * (`/[.!?…。！？؟।॥][\s"'”’»)\]」』）]*$/u` on the last 8 units; read in place, without copies).
 */
export function endsLikeSentence(text: string, start: number, end: number): boolean {
  const from = Math.max(start, end - 8)
  let p = end - 1
  // The two classes are disjoint, so the last unit that is not a closer must be the terminal.
  while (p >= from && isSentenceCloser(text.charCodeAt(p))) p--
  return p >= from && isSentenceFinal(text.charCodeAt(p))
}

/** . ! ? … 。 ！ ？ ؟ । ॥ */
function isSentenceFinal(code: number): boolean {
  switch (code) {
    case 0x2e:
    case 0x21:
    case 0x3f:
    case 0x2026:
    case 0x3002:
    case 0xff01:
    case 0xff1f:
    case 0x61f:
    case 0x964:
    case 0x965:
      return true
    default:
      return false
  }
}

/** What may follow sentence-final punctuation: JavaScript's `\s`, " ' ” ’ » ) ] 」 』 ）. */
function isSentenceCloser(code: number): boolean {
  switch (code) {
    case 0x22:
    case 0x27:
    case 0x201d:
    case 0x2019:
    case 0xbb:
    case 0x29:
    case 0x5d:
    case 0x300d:
    case 0x300f:
    case 0xff09:
      return true
    default:
      return isRegexSpace(code)
  }
}

/** The code units of `\s` in a JavaScript regular expression: `isSpace` but NEL and ZWSP. */
function isRegexSpace(code: number): boolean {
  return code !== 0x85 && code !== 0x200b && isSpace(code)
}

/** The article's own headline when its text starts with one (a first line that is not prose). */
function leadingHeadline(
  text: string,
  spans: readonly SentenceSpan[],
  selectable: Uint8Array
): string | undefined {
  const first = spans[0]
  if (first === undefined || selectable[0] === 1) return undefined
  const line = text.slice(first.start, first.end)
  return isBoilerplate(line) ? undefined : line
}
