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
import { type Budget, budgetSize, type Length, type LengthRequest, resolveLengths } from './lengths'
import {
  createSimilarityRows,
  DEFAULT_WEIGHTS,
  type RankWeights,
  type SentenceFeatures,
  scoreSentences,
  sentenceFeatures,
} from './rank'
import { selectSentences, separatorAfter } from './select'
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
  readonly lengths: readonly LengthRequest[]
}

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
 * Builds a summarizer with the given ranking weights and stopword lists. The service uses
 * `summarize` (the defaults); the eval script builds variants for the ablation table.
 */
export function createSummarizer(
  weights: RankWeights = DEFAULT_WEIGHTS,
  stopwordsOf: (language: string) => ReadonlySet<string> = stopwordsFor
): Summarizer {
  return (text, options) => summarizeWith(text, options, weights, stopwordsOf)
}

/**
 * Summarizes `text` once per requested length.
 *
 * Guarantees (property-tested): every sentence is a slice of `text`; sentences are in article
 * order; summaries of nested named lengths are nested; no budget is ever exceeded; boilerplate
 * is never selected; the result depends only on the arguments.
 */
export const summarize: Summarizer = createSummarizer()

function summarizeWith(
  text: string,
  options: SummarizeOptions,
  weights: RankWeights,
  stopwordsOf: (language: string) => ReadonlySet<string>
): SummarizeResult {
  const model = analyzeArticle(text, options.language, options.title, stopwordsOf)
  const features = sentenceFeatures(model, weights)
  const similarity = createSimilarityRows(model, features.vectors)
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
  for (const { length, position } of bySize) {
    const scores = scoreSentences(features, weights, summarySentences(length.budget, features))
    const order = rankOrder(model, scores)
    const picked =
      cutSentence < 0 || fitsWhole(model, cutSentence, length)
        ? selectSentences(
            model,
            similarity,
            scores,
            order,
            length.budget,
            cutSentence < 0 ? seed : [cutSentence],
            weights.redundancy
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
      const target = cutSentence >= 0 ? cutSentence : order[0]
      const cut = target === undefined ? undefined : truncate(length, target, model, scores)
      results[position] = cut ?? { name: length.name, sentences: [], truncated: false }
      if (cut !== undefined && target !== undefined) cutSentence = target
    }
  }
  return { sentenceCount: model.spans.length, summaries: results }
}

/** Selectable sentences by descending score, ties by article order. */
function rankOrder(model: ArticleModel, scores: Float64Array): number[] {
  const order: number[] = []
  for (let i = 0; i < model.spans.length; i++) if (model.selectable[i] === 1) order.push(i)
  return order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b)
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

/** `true` when sentence `i` alone fits the length's budget. */
function fitsWhole(model: ArticleModel, i: number, length: Length): boolean {
  const span = model.spans[i] as { start: number; end: number }
  const { budget } = length
  return (
    (budget.sentences ?? 1) >= 1 &&
    (model.wordCounts[i] as number) <= (budget.words ?? Number.POSITIVE_INFINITY) &&
    span.end - span.start <= (budget.characters ?? Number.POSITIVE_INFINITY)
  )
}

/**
 * No whole sentence fits: keep the start of sentence `i` (the best-ranked one), cut after the
 * last word that fits, plus "…". `undefined` when not even one word fits.
 */
function truncate(
  length: Length,
  i: number,
  model: ArticleModel,
  scores: Float64Array
): SummarySelection | undefined {
  const { text, language } = model
  // A budget of no sentences (outside the HTTP contract, which asks for ≥ 1) gets nothing.
  if ((length.budget.sentences ?? 1) < 1) return undefined
  const span = model.spans[i] as { start: number; end: number }
  const maxChars = (length.budget.characters ?? Number.POSITIVE_INFINITY) - ELLIPSIS.length
  const maxWords = length.budget.words ?? Number.POSITIVE_INFINITY
  const ends: number[] = []
  forEachWord(text, language, span.start, span.end, (_, wordEnd) => {
    if (wordEnd - span.start <= maxChars && ends.length < maxWords) ends.push(wordEnd)
  })
  // Dictionary segmentation (CJK, Thai) of a prefix can differ from that of the whole sentence:
  // recount the kept text as the caller will, and give back words until it fits.
  while (
    ends.length > 0 &&
    countWords(text.slice(span.start, ends[ends.length - 1]), language) > maxWords
  )
    ends.pop()
  const end = ends[ends.length - 1]
  if (end === undefined) return undefined
  return {
    name: length.name,
    truncated: true,
    sentences: [{ ...scored(model, scores, i), length: end - span.start }],
  }
}

/**
 * Renders a selection as the text a reader sees: the sentences in article order, separated by a
 * space (nothing after a full-width 。！？), plus "…" when the selection is truncated. Its
 * `length` never exceeds the selection's character budget.
 *
 * @param source - the text the offsets point into.
 */
export function renderSummary(source: string, selection: SummarySelection): string {
  let out = ''
  const { sentences } = selection
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k] as ScoredSentence
    out += source.slice(s.offset, s.offset + s.length)
    if (k + 1 < sentences.length) out += separatorAfter(source, s.offset + s.length)
  }
  return selection.truncated ? out + ELLIPSIS : out
}
