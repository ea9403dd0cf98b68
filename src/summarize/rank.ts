/**
 * Sentence ranking for news: a lead-position prior combined with centrality (cosine similarity
 * of each sentence's TF-IDF vector to the whole document) and, when a title is known, similarity
 * to the title.
 *
 * @module
 */
import { type Token, tokenize } from '../text/words'

export type RankOptions = {
  readonly language: string
  readonly title?: string
  /** Sentences that may be chosen; the others still count for term statistics. */
  readonly selectable: readonly boolean[]
}

const POSITION_WEIGHT = 0.6
const CENTRALITY_WEIGHT = 0.3
const TITLE_WEIGHT = 0.1
/** Sentences shorter than this many words are usually fragments, captions or datelines. */
const SHORT_SENTENCE = 6

/**
 * Scores every sentence in [0, 1] (the best selectable sentence scores 1, unselectable ones 0).
 */
export function rankSentences(
  text: string,
  spans: ReadonlyArray<{ start: number; end: number }>,
  options: RankOptions
): number[] {
  const bags = spans.map((span) => bag(tokenize(text, options.language, span.start, span.end)))
  const documentFrequency = new Map<string, number>()
  for (const b of bags)
    for (const term of b.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1)
  const n = Math.max(1, spans.length)
  const idf = (term: string): number => Math.log(1 + n / (documentFrequency.get(term) ?? 1))

  const weighted = bags.map((b) => {
    const v = new Map<string, number>()
    for (const [term, tf] of b) v.set(term, (1 + Math.log(tf)) * idf(term))
    return v
  })
  const centroid = new Map<string, number>()
  for (const v of weighted)
    for (const [term, w] of v) centroid.set(term, (centroid.get(term) ?? 0) + w)
  const titleVector = options.title
    ? (() => {
        const v = new Map<string, number>()
        for (const [term] of bag(tokenize(options.title, options.language))) v.set(term, idf(term))
        return v
      })()
    : undefined

  // Position is counted over selectable sentences only, so a headline or a dateline line does not
  // push the real first sentence down.
  let rank = 0
  const raw = spans.map((_, i) => {
    if (!options.selectable[i]) return 0
    const position = 1 / (1 + rank / 2)
    rank++
    const v = weighted[i] as Map<string, number>
    const centrality = cosine(v, centroid)
    const titleSimilarity = titleVector ? cosine(v, titleVector) : 0
    const words = [...(bags[i]?.values() ?? [])].reduce((a, b) => a + b, 0)
    const lengthFactor = words < SHORT_SENTENCE ? words / SHORT_SENTENCE : 1
    const titleWeight = titleVector ? TITLE_WEIGHT : 0
    return (
      lengthFactor *
      (POSITION_WEIGHT * position + CENTRALITY_WEIGHT * centrality + titleWeight * titleSimilarity)
    )
  })
  const max = Math.max(0, ...raw)
  return raw.map((s) => (max > 0 ? s / max : 0))
}

function bag(tokens: readonly Token[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const t of tokens) counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1)
  return counts
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (const [term, w] of a) {
    na += w * w
    const o = b.get(term)
    if (o !== undefined) dot += w * o
  }
  for (const w of b.values()) nb += w * w
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0
}
