/**
 * A TextRank baseline for the eval (Mihalcea & Tarau 2004, §4 "Sentence extraction"), written for
 * this project: sentences are graph nodes, the edge weight is the content-word overlap normalised
 * by sentence lengths, |Si ∩ Sj| / (log |Si| + log |Sj|), and nodes are ranked by weighted
 * PageRank (damping 0.85). It uses Précis' own sentence splitter and stopword lists, so the
 * comparison isolates the ranking.
 */
import { stopwordsFor } from '../../src/summarize/stopwords'
import { type SentenceSpan, splitSentences } from '../../src/text/sentences'
import { forEachWord, normalizeWord } from '../../src/text/words'

const DAMPING = 0.85
const MAX_ITERATIONS = 100
const TOLERANCE = 1e-6

/** Indices of the `k` highest-ranked sentences, in article order. */
export function textRank(
  text: string,
  spans: readonly SentenceSpan[],
  k: number,
  language: string
): number[] {
  const n = spans.length
  if (n <= k) return spans.map((_, i) => i)
  const stopwords = stopwordsFor(language)
  const words = spans.map((span) => {
    const list: string[] = []
    forEachWord(text, language, span.start, span.end, (start, end) => {
      const w = normalizeWord(text.slice(start, end))
      if (!stopwords.has(w)) list.push(w)
    })
    return list
  })
  const sets = words.map((list) => new Set(list))

  const weight = Array.from({ length: n }, () => new Float64Array(n))
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const si = sets[i] as Set<string>
      const sj = sets[j] as Set<string>
      const denominator =
        Math.log(Math.max(1, (words[i] as string[]).length)) +
        Math.log(Math.max(1, (words[j] as string[]).length))
      if (denominator <= 0) continue
      let overlap = 0
      const [small, large] = si.size <= sj.size ? [si, sj] : [sj, si]
      for (const w of small) if (large.has(w)) overlap++
      if (overlap === 0) continue
      const w = overlap / denominator
      ;(weight[i] as Float64Array)[j] = w
      ;(weight[j] as Float64Array)[i] = w
    }
  }
  const outSum = weight.map((row) => row.reduce((a, b) => a + b, 0))

  let score = new Float64Array(n).fill(1)
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = new Float64Array(n)
    let change = 0
    for (let i = 0; i < n; i++) {
      let incoming = 0
      for (let j = 0; j < n; j++) {
        const w = (weight[j] as Float64Array)[i] as number
        if (w > 0) incoming += (w / (outSum[j] as number)) * (score[j] as number)
      }
      next[i] = 1 - DAMPING + DAMPING * incoming
      change = Math.max(change, Math.abs((next[i] as number) - (score[i] as number)))
    }
    score = next
    if (change < TOLERANCE) break
  }
  return [...score.keys()]
    .sort((a, b) => (score[b] as number) - (score[a] as number) || a - b)
    .slice(0, k)
    .sort((a, b) => a - b)
}

/** Convenience for callers that have not split the text yet. */
export function textRankSentences(text: string, k: number, language: string): string[] {
  const spans = splitSentences(text, language)
  return textRank(text, spans, k, language).map((i) => {
    const span = spans[i] as SentenceSpan
    return text.slice(span.start, span.end)
  })
}
