/**
 * The summarizer's view of an article: sentences, their words and their content terms, computed
 * in one pass so that ranking and selection never tokenize twice.
 *
 * Terms are interned to small integers and stored in flat typed arrays (sentence `i` owns
 * `terms[termStart[i] .. termStart[i + 1])`): the ranking loops then touch no strings and no Maps.
 *
 * @module
 */
import { type SentenceSpan, splitSentences } from '../text/sentences'
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
 * Bytes an analysis and its summaries usually take from their arena, per UTF-16 unit of text:
 * term ids and the spelling table (about 5), per-term and per-sentence arrays (about 6).
 */
const ARENA_BYTES_PER_UNIT = 12

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
  const arena = new Arena(ARENA_BYTES_PER_UNIT * text.length + 4096)
  const ids = new Map<string, number>()
  const termStart = arena.i32(n + 1)
  const wordCounts = arena.i32(n)
  let terms = arena.i32(Math.max(16, text.length >> 2))
  let used = 0

  // Stopwords get id -1 in the same map, so each token costs one hash lookup.
  let nextId = 0
  const intern = (norm: string): number => {
    let id = ids.get(norm)
    if (id === undefined) {
      id = stopwords.has(norm) ? -1 : nextId++
      ids.set(norm, id)
    }
    return id
  }
  // Most tokens repeat with the same spelling: the raw form is looked up in a table keyed by the
  // characters in place (no substring, no string hashing), and only new spellings are normalised.
  // -2 marks a raw form that is not a term at all (one-letter words).
  const byRaw = new SpellingTable(text, arena)
  // One closure for every sentence (not one per sentence): V8 keeps it monomorphic and inlined.
  const visit = (start: number, end: number): void => {
    let id = byRaw.get(start, end)
    if (id === undefined) {
      const norm = TERMS.termOf(text, start, end, byRaw.lastHash)
      id = norm === undefined ? -2 : intern(norm)
      byRaw.setMissed(start, end, id)
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
      const id = ids.get(norm)
      if (id !== undefined && id >= 0) found.push(id)
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

/**
 * An open-addressing hash table from a spelling (a range of `text`) to a number, comparing
 * characters in place. Spellings are stored as the range of their first occurrence.
 */
class SpellingTable {
  private readonly text: string
  private readonly arena: Arena
  private mask: number
  private starts: Int32Array
  private lengths: Int32Array
  private values: Int32Array
  private size = 0

  constructor(text: string, arena: Arena) {
    this.text = text
    this.arena = arena
    // Sized for the usual number of distinct spellings (about one per 12 characters of news
    // text) at a load of at most one half, so most articles never grow the table.
    let capacity = 256
    while (capacity < text.length / 6 && capacity < 1 << 20) capacity *= 2
    this.mask = capacity - 1
    this.starts = arena.i32(capacity).fill(-1)
    this.lengths = arena.i32(capacity)
    this.values = arena.i32(capacity)
  }

  /** Hash and slot of the last `get`, so that `setMissed` does not hash and probe again. */
  lastHash = 0
  private lastSlot = 0

  get(start: number, end: number): number | undefined {
    const hash = hashRange(this.text, start, end)
    const slot = this.find(start, end, hash)
    this.lastHash = hash
    this.lastSlot = slot
    return (this.starts[slot] as number) < 0 ? undefined : (this.values[slot] as number)
  }

  /** `set` for the range the last `get` did not find. */
  setMissed(start: number, end: number, value: number): void {
    let slot = this.lastSlot
    if ((this.size + 1) * 2 > this.mask) {
      this.grow()
      slot = this.find(start, end, this.lastHash)
    }
    this.size++
    this.starts[slot] = start
    this.lengths[slot] = end - start
    this.values[slot] = value
  }

  /** The slot holding this spelling, or the empty slot where it would go. */
  private find(start: number, end: number, hash: number): number {
    const { text, starts, lengths } = this
    const length = end - start
    let slot = hash & this.mask
    for (;;) {
      const s = starts[slot] as number
      if (s < 0) return slot
      if (lengths[slot] === length) {
        let k = 0
        while (k < length && text.charCodeAt(s + k) === text.charCodeAt(start + k)) k++
        if (k === length) return slot
      }
      slot = (slot + 1) & this.mask
    }
  }

  private grow(): void {
    const { starts, lengths, values } = this
    const capacity = (this.mask + 1) * 2
    this.mask = capacity - 1
    this.starts = this.arena.i32(capacity).fill(-1)
    this.lengths = this.arena.i32(capacity)
    this.values = this.arena.i32(capacity)
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i] as number
      if (s < 0) continue
      const e = s + (lengths[i] as number)
      const slot = this.find(s, e, hashRange(this.text, s, e))
      this.starts[slot] = s
      this.lengths[slot] = lengths[i] as number
      this.values[slot] = values[i] as number
    }
  }
}

/**
 * Spelling → ranking form, shared by every article an isolate analyses: news vocabulary recurs
 * from one article to the next, and each new spelling otherwise costs a substring, a lowercase
 * copy and two hash-map operations. Keys are compared in place (like `SpellingTable`); the
 * table stops growing at `MAX_SPELLINGS`, after which new spellings are simply computed.
 */
class TermCache {
  private static readonly MAX_SPELLINGS = 1 << 15
  private readonly mask = 2 * TermCache.MAX_SPELLINGS - 1
  private readonly keys: (string | undefined)[] = new Array(this.mask + 1).fill(undefined)
  /** The ranking form, or `null` for a word that is not a term. */
  private readonly forms: (string | null)[] = new Array(this.mask + 1).fill(null)
  private size = 0

  /** `termOf(text.slice(start, end))`, with `hash` = `hashRange(text, start, end)`. */
  termOf(text: string, start: number, end: number, hash: number): string | undefined {
    const length = end - start
    let slot = hash & this.mask
    for (;;) {
      const key = this.keys[slot]
      if (key === undefined) break
      if (key.length === length) {
        let k = 0
        while (k < length && key.charCodeAt(k) === text.charCodeAt(start + k)) k++
        if (k === length) return this.forms[slot] ?? undefined
      }
      slot = (slot + 1) & this.mask
    }
    const word = text.slice(start, end)
    const form = termOf(word)
    if (this.size < TermCache.MAX_SPELLINGS) {
      this.keys[slot] = word
      this.forms[slot] = form ?? null
      this.size++
    }
    return form
  }
}

const TERMS = new TermCache()

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
    if (wordCounts[i] === 0) continue
    const sentence = text.slice(span.start, span.end)
    if (isBoilerplate(sentence) || !endsLikeSentence(sentence)) continue
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

/** Sentence-final punctuation of any script, optionally followed by closing quotes/brackets. */
const SENTENCE_END = /[.!?…。！？؟।॥][\s"'”’»)\]」』）]*$/u

/** A line without sentence punctuation is a headline, a section heading, a caption or a byline. */
function endsLikeSentence(sentence: string): boolean {
  return SENTENCE_END.test(sentence.slice(-8))
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
