/**
 * Sentence ranking for news.
 *
 * A sentence's score combines, with weights chosen on the dev set (see docs/summarizer.md):
 * - a lead prior (news puts the gist first), counted over selectable sentences only;
 * - centrality: how much of the article's vocabulary the sentence shares, as cosine similarity of
 *   its TF-IDF vector to the sum of all unit-length sentence vectors — this equals the sentence's
 *   summed similarity to every other sentence (LexRank's degree centrality) at O(words) cost
 *   instead of O(sentences²);
 * - similarity to the title, when there is one;
 * - a length prior that scales down fragments (captions, datelines, "He said.").
 *
 * @module
 */
import type { ArticleModel } from './document'

/** Tunable weights. `DEFAULT_WEIGHTS` is what the service uses; the eval script varies them. */
export type RankWeights = {
  /** Weight of the lead prior `1 / (1 + rank / positionScale)`. */
  readonly position: number
  /** Rank at which the lead prior has halved. */
  readonly positionScale: number
  /** Weight of degree centrality. */
  readonly centrality: number
  /** Weight of similarity to the title (ignored when there is no title). */
  readonly title: number
  /** Sentences with fewer words than this are scaled down linearly. */
  readonly minWords: number
  /**
   * Exponent of a length reward `(words / medianWords) ^ lengthExponent`, capped at `lengthCap`:
   * longer sentences carry more content per slot, which a sentence-count budget rewards.
   */
  readonly lengthExponent: number
  readonly lengthCap: number
  /** MMR trade-off: a candidate loses `redundancy × max similarity` to the sentences already chosen. */
  readonly redundancy: number
}

/** The ranking the service ships; every value is justified in docs/summarizer.md. */
export const DEFAULT_WEIGHTS: RankWeights = {
  position: 0.6,
  positionScale: 2,
  centrality: 0.3,
  title: 0.1,
  minWords: 6,
  lengthExponent: 0,
  lengthCap: 1,
  redundancy: 0,
}

/** Per-sentence TF-IDF vectors, kept for redundancy checks during selection. */
export type SentenceVectors = {
  /** IDF per term id. */
  readonly idf: Float64Array
  /** 1 / norm of each sentence vector (0 for an empty sentence). */
  readonly inverseNorm: Float64Array
}

export type Ranking = {
  /** Score per sentence in [0, 1]; the best selectable sentence scores 1, unselectable ones 0. */
  readonly scores: Float64Array
  readonly vectors: SentenceVectors
}

/** Scores every sentence of the article. */
export function rankSentences(model: ArticleModel, weights: RankWeights): Ranking {
  const { terms, termStart, selectable, wordCounts } = model
  const n = model.spans.length
  const v = model.vocabularySize

  // Document frequency: each term once per sentence (a stamp array avoids a Set per sentence).
  const df = new Float64Array(v)
  const stamp = new Int32Array(v).fill(-1)
  for (let i = 0; i < n; i++) {
    for (let p = termStart[i] as number; p < (termStart[i + 1] as number); p++) {
      const t = terms[p] as number
      if (stamp[t] !== i) {
        stamp[t] = i
        df[t] = (df[t] as number) + 1
      }
    }
  }
  const idf = new Float64Array(v)
  for (let t = 0; t < v; t++) idf[t] = Math.log(1 + n / (df[t] as number))

  // Sentence vectors use raw term frequency × IDF; a term repeated in one sentence is rare in news.
  const inverseNorm = new Float64Array(n)
  const centroid = new Float64Array(v)
  const tf = new Float64Array(v)
  for (let i = 0; i < n; i++) {
    const from = termStart[i] as number
    const to = termStart[i + 1] as number
    let sq = 0
    for (let p = from; p < to; p++) tf[terms[p] as number] = (tf[terms[p] as number] as number) + 1
    for (let p = from; p < to; p++) {
      const t = terms[p] as number
      const c = tf[t] as number
      if (c === 0) continue
      const w = c * (idf[t] as number)
      sq += w * w
      tf[t] = 0
    }
    const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0
    inverseNorm[i] = inv
    for (let p = from; p < to; p++) {
      const t = terms[p] as number
      centroid[t] = (centroid[t] as number) + (idf[t] as number) * inv
    }
  }

  // Title vector (binary × IDF), normalised.
  const titleWeight = titleVector(model, idf)
  const hasTitle = titleWeight !== undefined && weights.title > 0

  // Median sentence length, for the length reward.
  const lengths: number[] = []
  for (let i = 0; i < n; i++) if (selectable[i] === 1) lengths.push(wordCounts[i] as number)
  lengths.sort((a, b) => a - b)
  const median = Math.max(1, lengths[lengths.length >> 1] ?? 1)

  const scores = new Float64Array(n)
  let rank = 0
  let max = 0
  for (let i = 0; i < n; i++) {
    if (selectable[i] !== 1) continue
    const from = termStart[i] as number
    const to = termStart[i + 1] as number
    const inv = inverseNorm[i] as number
    // Degree centrality: (Σ_j u_j) · u_i minus u_i · u_i (= 1), where u are unit vectors.
    let dot = 0
    let titleDot = 0
    for (let p = from; p < to; p++) {
      const t = terms[p] as number
      const w = (idf[t] as number) * inv
      dot += w * (centroid[t] as number)
      if (hasTitle) titleDot += w * ((titleWeight as Float64Array)[t] as number)
    }
    const centrality = inv > 0 ? Math.max(0, dot - 1) / Math.max(1, n - 1) : 0
    const position = 1 / (1 + rank / weights.positionScale)
    rank++
    const words = wordCounts[i] as number
    let length = words < weights.minWords ? words / weights.minWords : 1
    if (weights.lengthExponent !== 0) {
      length *= Math.min(weights.lengthCap, (words / median) ** weights.lengthExponent)
    }
    const score =
      length *
      (weights.position * position +
        weights.centrality * centrality +
        (hasTitle ? weights.title * titleDot : 0))
    scores[i] = score
    if (score > max) max = score
  }
  if (max > 0) for (let i = 0; i < n; i++) scores[i] = (scores[i] as number) / max
  return { scores, vectors: { idf, inverseNorm } }
}

/** Unit-length binary×IDF title vector over term ids, or `undefined` without a title. */
function titleVector(model: ArticleModel, idf: Float64Array): Float64Array | undefined {
  if (model.titleTerms.length === 0) return undefined
  const vector = new Float64Array(model.vocabularySize)
  let sq = 0
  for (const t of model.titleTerms) {
    if (vector[t] !== 0) continue
    vector[t] = idf[t] as number
    sq += (idf[t] as number) ** 2
  }
  const inv = 1 / Math.sqrt(sq)
  for (const t of model.titleTerms) vector[t] = (idf[t] as number) * inv
  return vector
}

/**
 * Cosine similarity of two sentences' TF-IDF vectors. `scratch` is a zeroed array of vocabulary
 * size, and is left zeroed.
 */
export function sentenceSimilarity(
  model: ArticleModel,
  vectors: SentenceVectors,
  a: number,
  b: number,
  scratch: Float64Array
): number {
  const { terms, termStart } = model
  const { idf, inverseNorm } = vectors
  const ia = inverseNorm[a] as number
  const ib = inverseNorm[b] as number
  if (ia === 0 || ib === 0) return 0
  for (let p = termStart[a] as number; p < (termStart[a + 1] as number); p++) {
    const t = terms[p] as number
    scratch[t] = (scratch[t] as number) + (idf[t] as number)
  }
  let dot = 0
  for (let p = termStart[b] as number; p < (termStart[b + 1] as number); p++) {
    const t = terms[p] as number
    dot += (scratch[t] as number) * (idf[t] as number)
  }
  for (let p = termStart[a] as number; p < (termStart[a + 1] as number); p++)
    scratch[terms[p] as number] = 0
  return Math.min(1, dot * ia * ib)
}
