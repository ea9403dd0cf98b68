/**
 * Budgeted selection: turns sentence scores into a summary that fits a budget.
 *
 * Greedy by score with maximal marginal relevance (a candidate loses `redundancy × its highest
 * similarity to what is already chosen`), skipping whatever would break a limit, so a budget is
 * filled with whole sentences and never exceeded.
 *
 * @module
 */
import type { SentenceSpan } from '../text/sentences'
import type { Arena } from './arena'
import type { ArticleModel } from './document'
import type { Budget } from './lengths'
import type { Similarity } from './rank'

/**
 * What renders between two summary sentences: nothing after a full-width terminal (Chinese and
 * Japanese run sentences together), one space otherwise.
 */
export function separatorAfter(text: string, end: number): string {
  const last = text.charCodeAt(end - 1)
  if (isFullWidthEnd(last)) return ''
  // “…。” — a Western closing quote after a full-width stop, as Chinese text often has it.
  if ((last === 0x201d || last === 0x2019) && end >= 2 && isFullWidthEnd(text.charCodeAt(end - 2)))
    return ''
  return ' '
}

function isFullWidthEnd(code: number): boolean {
  // 。！？ and the full-width closers that may follow them: 」』）】〉》”
  return (
    code === 0x3002 ||
    code === 0xff01 ||
    code === 0xff1f ||
    code === 0x300d ||
    code === 0x300f ||
    code === 0xff09 ||
    code === 0x3011 ||
    code === 0x3009 ||
    code === 0x300b ||
    code === 0xff0e
  )
}

/**
 * What each sentence costs against a budget: its words (as `countWords` counts them) and its
 * characters, measured on the text the reader will see — the input slice, or the caller's
 * `display` of it (see `SummarizeOptions.display`).
 */
export type SentenceSizes = {
  readonly words: ArrayLike<number>
  readonly chars: ArrayLike<number>
}

/** The running size of a selection, checked against a budget. */
type Tally = { count: number; words: number; chars: number; last: number }

/**
 * Picks sentence indices for one budget.
 *
 * @param order - selectable sentences by descending score, ties by index.
 * @param seed - a previous (smaller) selection to start from; used only when it fits, which is
 *   what keeps nested lengths nested.
 * @returns indices in the order they were chosen (not article order); empty when no whole
 *   sentence fits.
 */
export function selectSentences(
  model: ArticleModel,
  sizes: SentenceSizes,
  similarity: Similarity,
  scores: Float64Array,
  order: Int32Array,
  budget: Budget,
  seed: readonly number[],
  redundancy: number
): number[] {
  const maxSentences = budget.sentences ?? Number.POSITIVE_INFINITY
  const maxWords = budget.words ?? Number.POSITIVE_INFINITY
  const maxChars = budget.characters ?? Number.POSITIVE_INFINITY
  const { spans, text } = model
  const { words: wordCounts } = sizes
  const seps = separatorLengths(text, spans, model.arena)

  const picked: number[] = []
  const chosen = model.arena.u8(spans.length)
  const tally: Tally = { count: 0, words: 0, chars: 0, last: -1 }

  const fits = (i: number): boolean => {
    if (tally.count + 1 > maxSentences) return false
    if (tally.words + (wordCounts[i] as number) > maxWords) return false
    return tally.chars + addedChars(sizes, seps, tally, i) <= maxChars
  }
  const add = (i: number): void => {
    tally.chars += addedChars(sizes, seps, tally, i)
    tally.words += wordCounts[i] as number
    tally.count++
    if (i > tally.last) tally.last = i
    chosen[i] = 1
    picked.push(i)
  }

  if (seedFits(sizes, seps, seed, maxSentences, maxWords, maxChars)) for (const i of seed) add(i)

  /** Takes what fits from `order[from…]` by score alone. */
  const fillByScore = (from: number): number[] => {
    for (let k = from; k < order.length && tally.count < maxSentences; k++) {
      const i = order[k] as number
      if (chosen[i] === 0 && fits(i)) add(i)
    }
    return picked
  }

  if (redundancy <= 0) return fillByScore(0)

  // MMR among the best-ranked sentences: keep each candidate's highest similarity to the chosen
  // set, updated once per pick. Each pick compares with every candidate, so the candidates are
  // bounded; past them, sentences are taken by score alone.
  const pool = order.length > REDUNDANCY_POOL ? order.subarray(0, REDUNDANCY_POOL) : order
  // Only candidates not chosen yet need their similarity to the picks: the seed's sentences
  // (thousands, for a large budget over a long text) are compared with the others only.
  const open = pool.filter((j) => chosen[j] === 0)
  const maxSim = model.arena.f64(spans.length)
  const note = (i: number): void => similarity.raise(i, open, maxSim)
  for (const i of picked) note(i)
  while (tally.count < maxSentences) {
    let best = -1
    let bestValue = Number.NEGATIVE_INFINITY
    // In ranking order as `pool` (skipping a chosen sentence cannot change where the walk stops:
    // the next open one scores no more).
    for (let k = 0; k < open.length; k++) {
      const j = open[k] as number
      // `maxSim` starts at 0 and only rises, so no candidate is worth more than its score, and
      // scores only fall along `order`: once one is at most the best value so far, none after it can win.
      // That keeps each pick to the head of the ranking instead of every sentence.
      if ((scores[j] as number) <= bestValue) break
      if (chosen[j] === 1 || !fits(j)) continue
      const value = (scores[j] as number) - redundancy * (maxSim[j] as number)
      // `order` is by score then index, so strict `>` keeps the earlier sentence on ties.
      if (value > bestValue) {
        bestValue = value
        best = j
      }
    }
    if (best < 0) break
    add(best)
    note(best)
  }
  return fillByScore(pool.length)
}

/**
 * How many of the best-ranked sentences the redundancy check weighs against each other. A pick
 * costs a similarity with each of them, so without a bound a budget of thousands of sentences
 * over a text of tens of thousands cost their product (a 5,000-character summary of "丝路。" ×
 * 58,000: 3.6 s and a similarity row of 464 KB per pick). Articles have fewer selectable
 * sentences than this (the longest in the evaluation sets: 248), so their summaries are exactly
 * what an unbounded check gives.
 */
const REDUNDANCY_POOL = 256

/** Separator length after each sentence (see `separatorAfter`). */
function separatorLengths(text: string, spans: readonly SentenceSpan[], arena: Arena): Uint8Array {
  const seps = arena.u8(spans.length)
  for (let i = 0; i < spans.length; i++)
    seps[i] = separatorAfter(text, (spans[i] as SentenceSpan).end).length
  return seps
}

/**
 * Characters that adding sentence `i` adds to the rendered summary: its length plus one separator
 * — the separator after whichever of the two is earlier in the article, since the last sentence
 * of a summary has none.
 */
function addedChars(sizes: SentenceSizes, seps: Uint8Array, tally: Tally, i: number): number {
  const length = sizes.chars[i] as number
  if (tally.count === 0) return length
  return length + (seps[Math.min(i, tally.last)] as number)
}

function seedFits(
  sizes: SentenceSizes,
  seps: Uint8Array,
  seed: readonly number[],
  maxSentences: number,
  maxWords: number,
  maxChars: number
): boolean {
  if (seed.length === 0 || seed.length > maxSentences) return false
  let words = 0
  let chars = 0
  let last = -1
  for (const i of seed) {
    words += sizes.words[i] as number
    chars += (sizes.chars[i] as number) + (seps[i] as number)
    if (i > last) last = i
  }
  chars -= seps[last] as number
  return words <= maxWords && chars <= maxChars
}
