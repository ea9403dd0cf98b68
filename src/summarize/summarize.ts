/**
 * Extractive summarization: sentences → scores → nested, budgeted selections.
 *
 * Pure: no I/O, no clock, no randomness. The same input always gives the same output; ties are
 * broken by sentence index.
 *
 * @module
 */
import { countWords, forEachWord } from '../text/words'
import { type ArticleModel, analyzeArticle } from './document'
import { type Budget, budgetSize, type Length, resolveLengths, type SummaryLength } from './lengths'
import { rankOrder, rankScratchFor } from './order'
import {
  budgetedSizes,
  hasSentenceRules,
  isBalanced,
  measureCharacters,
  openingSelection,
} from './presets'
import {
  createSimilarity,
  DEFAULT_WEIGHTS,
  LANGUAGE_WEIGHTS,
  type RankWeights,
  redundancyWeight,
  type SentenceFeatures,
  scoreSentences,
  sentenceFeatures,
  weightsForLanguage,
} from './rank'
import { type SentenceSizes, selectSentences, separatorAfter } from './select'
import { stopwordsFor } from './stopwords'

/** A sentence of the input with its score. Offsets are UTF-16 units into the summarized text. */
export type ScoredSentence = {
  /** Position of the sentence in the article (0-based, over all sentences). */
  readonly index: number
  readonly offset: number
  readonly length: number
  /**
   * 0…1: the sentence's rank score for this summary's budget, relative to the best one (which
   * scores 1). Budgets weigh the lead differently, so a sentence may score differently in the
   * short and the long summary.
   */
  readonly score: number
}

/** One summary: its sentences in article order. */
export type SummarySelection = {
  readonly name: string
  readonly sentences: readonly ScoredSentence[]
  /**
   * Set when not even one whole sentence fits the budget: the summary is then the start of the
   * best sentence, cut at a word boundary (`sentences[0].length` is the kept part) and followed by
   * an ellipsis.
   */
  readonly truncated: boolean
}

export type SummarizeOptions = {
  /** BCP 47 code of the text (picks segmentation rules, stopwords and the word segmenter). */
  readonly language: string
  /** The headline, when the caller has it separately from the body. */
  readonly title?: string
  readonly lengths: readonly SummaryLength[]
  /**
   * How the summary will show the input range `[offset, offset + length)` when that differs
   * from the slice — e.g. glossary preferred terms in place of variants ("Xian" shown as
   * "Xi'an"). When given, word and character budgets (and where a cut sentence is cut) are
   * counted on `display(offset, length)` of each sentence instead of on the slice; pass the same
   * function to `renderSummary`. It is called with sentence ranges and, for a cut sentence, with
   * prefixes of one that end at a word; it must be deterministic. Ranking still reads the input.
   */
  readonly display?: Display
}

/** Renders the input range `[offset, offset + length)` as the reader sees it. */
export type Display = (offset: number, length: number) => string

export type SummarizeResult = {
  /** Number of sentences found in the text. */
  readonly sentenceCount: number
  readonly summaries: readonly SummarySelection[]
}

/** Appended to a sentence cut to fit a budget. */
export const ELLIPSIS = '…'

/** A summarize function bound to a set of ranking weights. */
export type Summarizer = (text: string, options: SummarizeOptions) => SummarizeResult

/**
 * Builds a summarizer with the given ranking weights, per-language overrides of them and
 * stopword lists. The service uses `summarize` (the defaults); the eval script builds variants
 * for the ablation table and the cross-validation.
 */
export function createSummarizer(
  weights: RankWeights = DEFAULT_WEIGHTS,
  stopwordsOf: (language: string) => ReadonlySet<string> = stopwordsFor,
  byLanguage: Readonly<Record<string, Partial<RankWeights>>> = LANGUAGE_WEIGHTS
): Summarizer {
  return (text, options) =>
    summarizeWith(
      text,
      options,
      weightsForLanguage(weights, options.language, byLanguage),
      stopwordsOf
    )
}

/**
 * Summarizes `text` once per requested length.
 *
 * Guarantees (property-tested): every sentence is a slice of `text`; sentences are in article
 * order; summaries of nested named lengths are nested; no budget is ever exceeded (counted on
 * the displayed text when `options.display` is given); boilerplate is never selected; the result
 * depends only on the arguments.
 */
export const summarize: Summarizer = createSummarizer()

function summarizeWith(
  text: string,
  options: SummarizeOptions,
  weights: RankWeights,
  stopwordsOf: (language: string) => ReadonlySet<string>
): SummarizeResult {
  const model = analyzeArticle(text, options.language, options.title, stopwordsOf)
  try {
    return summarizeModel(model, options, weights)
  } finally {
    // The result holds plain objects only: no array of the model outlives this call.
    model.arena.release()
  }
}

function summarizeModel(
  model: ArticleModel,
  options: SummarizeOptions,
  weights: RankWeights
): SummarizeResult {
  const features = sentenceFeatures(model, weights)
  const rankScratch = rankScratchFor(features.selectableCount, model.arena)
  const similarity = createSimilarity(model, features.vectors)
  const { display } = options
  const sizes = sentenceSizes(model, display)
  const lengths = resolveLengths(options.lengths)
  // Grow summaries from the smallest budget to the largest, each seeded with the previous
  // selection when it fits: that is what keeps short ⊆ medium ⊆ long.
  const bySize = lengths
    .map((length, position) => ({ length, position, size: budgetSize(length.budget) }))
    .sort((a, b) => a.size - b.size || a.position - b.position)
  const results: SummarySelection[] = new Array(lengths.length)
  let seed: number[] = []
  // When a smaller length had to be cut, larger ones that cannot hold that sentence whole cut the
  // same sentence (longer), so nesting holds for truncated summaries too.
  let cutSentence = -1
  let previous: { scores: Float64Array; ranked: Int32Array } | undefined
  for (const { length, position } of bySize) {
    const { budget } = length
    const size = summarySentences(budget, features)
    const scores = scoreSentences(features, weights, size)
    // Lengths far smaller than a long text weigh its sentences alike (their lead weights agree to
    // the last bit): such a length reuses the ranking instead of sorting the same scores again.
    if (previous === undefined || !sameValues(previous.scores, scores)) {
      previous = { scores, ranked: rankOrder(model.selectable, scores, model.arena, rankScratch) }
    }
    const { ranked } = previous
    // Presets count characters their own way and rule some sentences out (see presets.ts).
    const rules = hasSentenceRules(budget)
      ? budgetedSizes(budget, sizes, (i) => shownSentence(model, display, i), model.selectable)
      : undefined
    const lengthSizes = rules ?? sizes
    const eligible = (i: number): boolean => rules === undefined || rules.eligible[i] === 1
    const order = rules ? ranked.filter(eligible) : ranked
    if (budget.opening) {
      // A standfirst follows the article, not the ranking: outside the nesting chain.
      results[position] = opening(length, model, lengthSizes, scores, display, eligible)
      continue
    }
    const chained = cutSentence < 0 ? seed : [cutSentence]
    const picked =
      cutSentence < 0 || (eligible(cutSentence) && fitsWhole(lengthSizes, cutSentence, length))
        ? selectSentences(
            model,
            lengthSizes,
            similarity,
            scores,
            order,
            budget,
            chained.every(eligible) ? chained : [],
            redundancyWeight(features, weights, size)
          )
        : []
    if (picked.length > 0) {
      seed = picked
      cutSentence = -1
      results[position] = {
        name: length.name,
        truncated: false,
        sentences: picked
          .slice()
          .sort((a, b) => a - b)
          .map((i) => scored(model, scores, i)),
      }
    } else {
      // The best sentence, cut; a preset that rules out every sentence still cuts the best one.
      // When a cut cannot meet a preset's rules (a quotation opened at the start and closed past
      // the budget), the next sentences are tried.
      const candidates =
        cutSentence >= 0 ? [cutSentence] : [...(order.length > 0 ? order : ranked).subarray(0, 5)]
      let cut: SummarySelection | undefined
      for (const target of candidates) {
        cut = truncate(length, target, model, scores, display)
        if (cut !== undefined) {
          cutSentence = target
          break
        }
      }
      results[position] = cut ?? { name: length.name, sentences: [], truncated: false }
    }
  }
  return { sentenceCount: model.spans.length, summaries: results }
}

/** A standfirst: the opening sentences that fit, else the first one cut. */
function opening(
  length: Length,
  model: ArticleModel,
  sizes: SentenceSizes,
  scores: Float64Array,
  display: Display | undefined,
  eligible: (i: number) => boolean
): SummarySelection {
  const selectable = model.selectable.map((v, i) => (v === 1 && eligible(i) ? 1 : 0))
  const picked = openingSelection(
    selectable,
    sizes,
    (i) => separatorAfter(model.text, (model.spans[i] as { end: number }).end).length,
    length.budget
  )
  if (picked.length > 0)
    return {
      name: length.name,
      truncated: false,
      sentences: picked.map((i) => scored(model, scores, i)),
    }
  const first = selectable.indexOf(1)
  const cut = first < 0 ? undefined : truncate(length, first, model, scores, display)
  return cut ?? { name: length.name, sentences: [], truncated: false }
}

/** Sentence `i` as the reader sees it. */
function shownSentence(model: ArticleModel, display: Display | undefined, i: number): string {
  const span = model.spans[i] as { start: number; end: number }
  return display
    ? display(span.start, span.end - span.start)
    : model.text.slice(span.start, span.end)
}

/** Whether two score arrays hold the same numbers (`NaN` never equals: such scores are re-ranked). */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** About how many sentences a budget holds in this article (word and character budgets via median sentence size). */
function summarySentences(budget: Budget, features: SentenceFeatures): number {
  const bySentences = budget.sentences ?? Number.POSITIVE_INFINITY
  const byWords = (budget.words ?? Number.POSITIVE_INFINITY) / features.medianWords
  const byChars = (budget.characters ?? Number.POSITIVE_INFINITY) / features.medianCharacters
  return Math.max(1, Math.min(bySentences, byWords, byChars))
}

function scored(model: ArticleModel, scores: Float64Array, i: number): ScoredSentence {
  const span = model.spans[i] as { start: number; end: number }
  return {
    index: i,
    offset: span.start,
    length: span.end - span.start,
    score: Math.round((scores[i] ?? 0) * 10000) / 10000,
  }
}

/**
 * Words and characters of every sentence as the reader will see them: the model's counts of the
 * slices, or counts of `display(offset, length)` (only selectable sentences can be chosen, so
 * only they are displayed).
 */
function sentenceSizes(model: ArticleModel, display: Display | undefined): SentenceSizes {
  const { spans, language } = model
  const chars = model.arena.i32(spans.length)
  if (display === undefined) {
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i] as { start: number; end: number }
      chars[i] = span.end - span.start
    }
    return { words: model.wordCounts, chars }
  }
  const words = Int32Array.from(model.wordCounts)
  // Short sentences repeat (datelines, "Advertisement", a text of one sentence over and over):
  // their word counts are looked up rather than counted again.
  const shortCounts = new Map<string, number>()
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as { start: number; end: number }
    if (model.selectable[i] !== 1) {
      chars[i] = span.end - span.start
      continue
    }
    const shown = display(span.start, span.end - span.start)
    let count = shown.length <= SHORT_SENTENCE ? shortCounts.get(shown) : undefined
    if (count === undefined) {
      count = countWords(shown, language)
      if (shown.length <= SHORT_SENTENCE) shortCounts.set(shown, count)
    }
    words[i] = count
    chars[i] = shown.length
  }
  return { words, chars }
}

/** Sentences up to this many UTF-16 units have their displayed word counts memoized (hashing them is cheap). */
const SHORT_SENTENCE = 32

/** `true` when sentence `i` alone fits the length's budget. */
function fitsWhole(sizes: SentenceSizes, i: number, length: Length): boolean {
  const { budget } = length
  return (
    (budget.sentences ?? 1) >= 1 &&
    (sizes.words[i] as number) <= (budget.words ?? Number.POSITIVE_INFINITY) &&
    (sizes.chars[i] as number) <= (budget.characters ?? Number.POSITIVE_INFINITY)
  )
}

/**
 * No whole sentence fits: keep the start of sentence `i` (the best-ranked one), cut after the
 * last word that fits, plus "…". `undefined` when not even one word fits. With `display`, a cut
 * fits when `display(start, kept length)` does.
 */
function truncate(
  length: Length,
  i: number,
  model: ArticleModel,
  scores: Float64Array,
  display: Display | undefined
): SummarySelection | undefined {
  const { text, language } = model
  // A budget of no sentences (outside the HTTP contract, which asks for ≥ 1) gets nothing.
  if ((length.budget.sentences ?? 1) < 1) return undefined
  const { budget } = length
  const span = model.spans[i] as { start: number; end: number }
  const maxWords = Math.min(
    budget.words ?? Number.POSITIVE_INFINITY,
    budget.sentenceWords ?? Number.POSITIVE_INFINITY
  )
  let end: number | undefined
  if (display === undefined && !hasSentenceRules(budget)) {
    const maxChars = (budget.characters ?? Number.POSITIVE_INFINITY) - ELLIPSIS.length
    const ends: number[] = []
    forEachWord(text, language, span.start, span.end, (_, wordEnd) => {
      if (wordEnd - span.start <= maxChars && ends.length < maxWords) ends.push(wordEnd)
    })
    // Dictionary segmentation (CJK, Thai) of a prefix can differ from that of the whole
    // sentence: recount the kept text as the caller will, and give back words until it fits.
    while (
      ends.length > 0 &&
      countWords(text.slice(span.start, ends[ends.length - 1]), language) > maxWords
    )
      ends.pop()
    end = ends[ends.length - 1]
  } else {
    const maxChars =
      (budget.characters ?? Number.POSITIVE_INFINITY) - measureCharacters(budget, ELLIPSIS)
    const shown = (wordEnd: number): string =>
      display ? display(span.start, wordEnd - span.start) : text.slice(span.start, wordEnd)
    const ends: number[] = []
    forEachWord(text, language, span.start, span.end, (_, wordEnd) => {
      ends.push(wordEnd)
    })
    end = lastFittingEnd(ends, (wordEnd) => {
      const kept = shown(wordEnd)
      return measureCharacters(budget, kept) <= maxChars && countWords(kept, language) <= maxWords
    })
    // No dangling quotation mark or bracket: give back words until none is left open.
    if (budget.balanced && end !== undefined) {
      let k = ends.indexOf(end)
      while (k >= 0 && !isBalanced(shown(ends[k] as number))) k--
      end = k >= 0 ? ends[k] : undefined
    }
  }
  if (end === undefined) return undefined
  return {
    name: length.name,
    truncated: true,
    sentences: [{ ...scored(model, scores, i), length: end - span.start }],
  }
}

/**
 * The last of `ends` (word ends, in order) for which `fits` holds, found by bisection: the
 * displayed size of a prefix grows with it almost always, and every answer is checked, so an
 * odd display can cost a shorter cut but never an overlong one. O(log words) calls of `fits`,
 * where a scan would display every prefix of a long sentence.
 */
function lastFittingEnd(
  ends: readonly number[],
  fits: (end: number) => boolean
): number | undefined {
  let lo = -1
  let hi = ends.length
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (fits(ends[mid] as number)) lo = mid
    else hi = mid
  }
  return lo < 0 ? undefined : ends[lo]
}

/**
 * Renders a selection as the text a reader sees: the sentences in article order, separated by a
 * space (nothing after a full-width 。！？), plus "…" when the selection is truncated. Its
 * `length` and word count never exceed the selection's budget.
 *
 * @param source - the text the offsets point into.
 * @param display - the function passed to `summarize` as `SummarizeOptions.display`, if any:
 *   each sentence is then `display(offset, length)` (a cut one `display(offset, kept length)`).
 *   Separators follow the input's sentence endings either way.
 */
export function renderSummary(
  source: string,
  selection: SummarySelection,
  display?: Display
): string {
  let out = ''
  const { sentences } = selection
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k] as ScoredSentence
    out += display ? display(s.offset, s.length) : source.slice(s.offset, s.offset + s.length)
    if (k + 1 < sentences.length) out += separatorAfter(source, s.offset + s.length)
  }
  return selection.truncated ? out + ELLIPSIS : out
}
