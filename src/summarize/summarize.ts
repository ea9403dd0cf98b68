/**
 * Extractive summarization: sentences → scores → nested, budgeted selections.
 *
 * Pure: no I/O, no clock, no randomness. The same input always gives the same output; ties are
 * broken by sentence index.
 *
 * @module
 */
import { splitSentences } from '../text/sentences'
import { countWords, hasUnspacedScript, tokenize } from '../text/words'
import { isBoilerplate } from './boilerplate'
import { type Budget, budgetSize, type Length, type LengthRequest, resolveLengths } from './lengths'
import { rankSentences } from './rank'

/** A sentence of the input with its score. Offsets are UTF-16 units into the summarized text. */
export type ScoredSentence = {
  /** Position of the sentence in the article (0-based, over all sentences). */
  readonly index: number
  readonly offset: number
  readonly length: number
  /** 0…1, the best sentence of the article scores 1. */
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

/**
 * Summarizes `text` once per requested length.
 *
 * Guarantees (property-tested): every sentence is a slice of `text`; sentences are in article
 * order; summaries of nested named lengths are nested; no budget is ever exceeded; boilerplate
 * is never selected.
 */
export function summarize(text: string, options: SummarizeOptions): SummarizeResult {
  const spans = splitSentences(text, options.language)
  const sentenceTexts = spans.map((s) => text.slice(s.start, s.end))
  const selectable = sentenceTexts.map((s) => !isBoilerplate(s) && !isHeading(s))
  // If nothing looks like prose (a list of headings, a one-line text), anything non-boilerplate will do.
  if (!selectable.some(Boolean)) {
    sentenceTexts.forEach((s, i) => {
      selectable[i] = !isBoilerplate(s)
    })
  }
  const title = options.title ?? leadingHeading(sentenceTexts, selectable)
  const scores = rankSentences(text, spans, {
    language: options.language,
    selectable,
    ...(title !== undefined ? { title } : {}),
  })
  const order = spans
    .map((_, i) => i)
    .filter((i) => selectable[i])
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
  const wordCounts = sentenceTexts.map((s) => countWords(s, options.language))
  const separator = joinSeparator(text)

  const lengths = resolveLengths(options.lengths)
  // Grow summaries from the smallest budget to the largest, each seeded with the previous
  // selection when it fits: that is what keeps short ⊆ medium ⊆ long.
  const bySize = lengths
    .map((length, position) => ({ length, position }))
    .sort(
      (a, b) => budgetSize(a.length.budget) - budgetSize(b.length.budget) || a.position - b.position
    )
  const results: SummarySelection[] = new Array(lengths.length)
  let seed: number[] = []
  for (const { length, position } of bySize) {
    const picked = select(order, seed, length.budget, sentenceTexts, wordCounts, separator)
    if (picked.length > 0) {
      seed = picked
      results[position] = {
        name: length.name,
        truncated: false,
        sentences: picked
          .slice()
          .sort((a, b) => a - b)
          .map((i) => scored(spans, scores, i)),
      }
    } else {
      results[position] = truncate(length, order, text, spans, scores, options.language)
    }
  }
  return { sentenceCount: spans.length, summaries: results }
}

function scored(
  spans: ReadonlyArray<{ start: number; end: number }>,
  scores: readonly number[],
  i: number
): ScoredSentence {
  const span = spans[i] as { start: number; end: number }
  return {
    index: i,
    offset: span.start,
    length: span.end - span.start,
    score: Math.round((scores[i] ?? 0) * 10000) / 10000,
  }
}

/** Greedy selection in rank order, skipping sentences that would break a limit. */
function select(
  order: readonly number[],
  seed: readonly number[],
  budget: Budget,
  texts: readonly string[],
  wordCounts: readonly number[],
  separator: string
): number[] {
  const maxSentences = budget.sentences ?? Number.POSITIVE_INFINITY
  const maxWords = budget.words ?? Number.POSITIVE_INFINITY
  const maxChars = budget.characters ?? Number.POSITIVE_INFINITY
  const picked: number[] = []
  let words = 0
  let chars = 0
  const fits = (i: number): boolean => {
    const addChars = (texts[i]?.length ?? 0) + (picked.length > 0 ? separator.length : 0)
    return (
      picked.length + 1 <= maxSentences &&
      words + (wordCounts[i] ?? 0) <= maxWords &&
      chars + addChars <= maxChars
    )
  }
  const add = (i: number): void => {
    chars += (texts[i]?.length ?? 0) + (picked.length > 0 ? separator.length : 0)
    words += wordCounts[i] ?? 0
    picked.push(i)
  }
  const seedFits =
    seed.length <= maxSentences &&
    seed.reduce((n, i) => n + (wordCounts[i] ?? 0), 0) <= maxWords &&
    seed.reduce((n, i) => n + (texts[i]?.length ?? 0), 0) +
      Math.max(0, seed.length - 1) * separator.length <=
      maxChars
  if (seedFits) for (const i of seed) add(i)
  for (const i of order) {
    if (picked.length >= maxSentences) break
    if (picked.includes(i)) continue
    if (fits(i)) add(i)
  }
  return picked
}

/** No whole sentence fits: keep the start of the best one, cut at a word boundary, plus "…". */
function truncate(
  length: Length,
  order: readonly number[],
  text: string,
  spans: ReadonlyArray<{ start: number; end: number }>,
  scores: readonly number[],
  language: string
): SummarySelection {
  const best = order[0]
  const empty: SummarySelection = { name: length.name, sentences: [], truncated: false }
  if (best === undefined) return empty
  const span = spans[best] as { start: number; end: number }
  const maxChars = (length.budget.characters ?? Number.POSITIVE_INFINITY) - ELLIPSIS.length
  const maxWords = length.budget.words ?? Number.POSITIVE_INFINITY
  let end = span.start
  for (const token of tokenize(text, language, span.start, span.end)) {
    if (token.end - span.start > maxChars) break
    if (countWords(text.slice(span.start, token.end), language) > maxWords) break
    end = token.end
  }
  if (end === span.start) return empty
  return {
    name: length.name,
    truncated: true,
    sentences: [{ ...scored(spans, scores, best), length: end - span.start }],
  }
}

/** Sentences are joined with a space, except in scripts written without spaces. */
function joinSeparator(text: string): string {
  return hasUnspacedScript(text.slice(0, 2000)) &&
    !/[\p{Script=Latin}]{20}/u.test(text.slice(0, 2000))
    ? ''
    : ' '
}

/**
 * Renders a selection as the text a reader sees.
 *
 * @param source - the text the offsets point into.
 */
export function renderSummary(source: string, selection: SummarySelection): string {
  const parts = selection.sentences.map((s) => source.slice(s.offset, s.offset + s.length))
  const joined = parts.join(joinSeparator(source))
  return selection.truncated ? joined + ELLIPSIS : joined
}

/** A line without sentence punctuation: a headline, a section heading, a caption, a byline. */
function isHeading(sentence: string): boolean {
  return !/[.!?…。！？؟।"”»)’'\]]$/u.test(sentence)
}

/** The article's own headline when its text starts with one. */
function leadingHeading(
  texts: readonly string[],
  selectable: readonly boolean[]
): string | undefined {
  const first = texts[0]
  return first !== undefined && !selectable[0] && !isBoilerplate(first) ? first : undefined
}
