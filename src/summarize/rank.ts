/**
 * Sentence ranking for news.
 *
 * score(i) = length prior × (lead × lead prior(i) + centrality weight × centrality(i))
 *
 * - The lead prior is a soft window over the first selectable sentences (news puts the gist
 *   first). Its weight `lead` shrinks as the summary takes a larger share of the article: a short
 *   summary is the lede, a long one must represent the whole story.
 * - Centrality is degree centrality: a sentence's summed cosine similarity to every other
 *   sentence, computed as its similarity to the sum of all unit-length sentence vectors, so it
 *   costs O(words) instead of O(sentences²).
 * - The length prior scales down fragments (datelines, "He said.") and run-ons (glued captions).
 *
 * Title similarity, IDF weighting, directed centrality and a direct-speech penalty are
 * implemented as weights too but switched off: on the dev set they did not help (the ablation in
 * docs/summarizer.md, from `npm run eval -- --ablation`).
 *
 * @module
 */
import type { SentenceSpan } from '../text/sentences'
import { type ArticleModel, isDirectSpeech, isQuestion } from './document'

/** Tunable weights. `DEFAULT_WEIGHTS` is what the service uses; the eval script varies them. */
export type RankWeights = {
  /** Weight of the lead prior. */
  readonly position: number
  /**
   * Shape of the lead prior: with `positionWindow` = 0 it is `1 / (1 + rank / positionScale)`;
   * otherwise a soft window `1 / (1 + exp((rank - positionWindow) / positionScale))`: the first
   * `positionWindow` sentences get (almost) the full bonus, later ones (almost) none.
   */
  readonly positionScale: number
  readonly positionWindow: number
  /**
   * The lead prior's weight is divided by `1 + (f / leadFraction) ^ leadSteepness`, where f is
   * the share of the article's sentences the summary takes; 0 keeps it constant.
   */
  readonly leadFraction: number
  readonly leadSteepness: number
  /** Weight of degree centrality (scaled so the most central sentence has 1). */
  readonly centrality: number
  /** Term weight is `idf ^ idfExponent` (0: every content word counts the same). */
  readonly idfExponent: number
  /**
   * Length normalisation of the similarity used for centrality: `dot(a, b) / (|a| |b|) ^ (2α)`.
   * α = 0.5 is cosine; smaller values let long sentences, which share more words, score higher.
   */
  readonly lengthNorm: number
  /**
   * Weight of similarity to earlier sentences in centrality (similarity to later ones weighs 1):
   * 1 is plain degree centrality; less than 1 favours sentences that later ones elaborate on,
   * as a lede is (PacSum's directed centrality, Zheng & Lapata 2019).
   */
  readonly backwardWeight: number
  /** Weight of cosine similarity to the title (ignored when there is no title). */
  readonly title: number
  /** Sentences with fewer words than this are scaled down linearly. */
  readonly minWords: number
  /**
   * Sentences longer than `longRatio ×` the article's median sentence are scaled down by
   * `limit / words` (glued captions, run-ons); 0 disables.
   */
  readonly longRatio: number
  /**
   * Factor on the lead prior of direct speech (a sentence opening with a quote mark): quotes
   * colour a story and rarely make its lede.
   */
  readonly quotedFactor: number
  /** Factor on the lead prior of questions. */
  readonly questionFactor: number
  /** Sentences shorter than this get a proportionally smaller lead prior. */
  readonly leadMinWords: number
  /** MMR trade-off: a candidate loses `redundancy × max similarity` to the sentences already chosen. */
  readonly redundancy: number
}

/** The ranking the service ships; every value is justified in docs/summarizer.md. */
export const DEFAULT_WEIGHTS: RankWeights = {
  position: 4,
  positionScale: 0.5,
  positionWindow: 3,
  leadFraction: 0.25,
  leadSteepness: 10,
  centrality: 0.3,
  idfExponent: 0,
  lengthNorm: 0.5,
  backwardWeight: 1,
  title: 0,
  minWords: 8,
  longRatio: 2.5,
  quotedFactor: 1,
  questionFactor: 1,
  leadMinWords: 20,
  redundancy: 0.5,
}

/** Per-sentence term vectors, kept for redundancy checks during selection. */
export type SentenceVectors = {
  /** Weight per term id. */
  readonly termWeight: Float64Array
  /** 1 / Euclidean norm of each sentence vector (0 for an empty sentence). */
  readonly inverseNorm: Float64Array
}

/** What ranking knows about each sentence, independent of the budget. */
export type SentenceFeatures = {
  /** Lead prior in [0, 1] (0 for unselectable sentences). */
  readonly position: Float64Array
  /** Degree centrality scaled to [0, 1]. */
  readonly centrality: Float64Array
  /** Cosine similarity to the title, [0, 1]. */
  readonly title: Float64Array
  /** Multiplicative length prior; 0 for unselectable sentences. */
  readonly prior: Float64Array
  /** Number of selectable sentences. */
  readonly selectableCount: number
  /** Median words and characters of selectable sentences (to turn word/character budgets into sentences). */
  readonly medianWords: number
  readonly medianCharacters: number
  readonly vectors: SentenceVectors
}

/** Computes every sentence's features (one pass over the terms, O(words)). */
export function sentenceFeatures(model: ArticleModel, weights: RankWeights): SentenceFeatures {
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
  const termWeight = new Float64Array(v)
  const gamma = weights.idfExponent
  for (let t = 0; t < v; t++) {
    const idf = Math.log(1 + n / (df[t] as number))
    termWeight[t] = gamma === 1 ? idf : gamma === 0 ? 1 : idf ** gamma
  }

  // Sentence vectors are term frequency × term weight. Per-occurrence loops give tf for free.
  const inverseNorm = new Float64Array(n)
  const inverseScale = new Float64Array(n)
  const selfSimilarity = new Float64Array(n)
  const centroid = new Float64Array(v)
  const tf = new Float64Array(v)
  const alpha2 = 2 * weights.lengthNorm
  for (let i = 0; i < n; i++) {
    const from = termStart[i] as number
    const to = termStart[i + 1] as number
    for (let p = from; p < to; p++) tf[terms[p] as number] = (tf[terms[p] as number] as number) + 1
    let sq = 0
    for (let p = from; p < to; p++) {
      const t = terms[p] as number
      const c = tf[t] as number
      if (c === 0) continue
      const w = c * (termWeight[t] as number)
      sq += w * w
      tf[t] = 0
    }
    if (sq === 0) continue
    inverseNorm[i] = 1 / Math.sqrt(sq)
    // Similarity scale |a|^(2α): α = 0.5 gives cosine.
    const scale = alpha2 === 1 ? 1 / Math.sqrt(sq) : sq ** (-alpha2 / 2)
    inverseScale[i] = scale
    selfSimilarity[i] = sq * scale * scale
    for (let p = from; p < to; p++) {
      const t = terms[p] as number
      centroid[t] = (centroid[t] as number) + (termWeight[t] as number) * scale
    }
  }

  const titleWeight = titleVector(model, termWeight)
  const hasTitle = titleWeight !== undefined && weights.title > 0

  // Degree centrality: Σ_j sim(i, j) = scale_i · (v_i · Σ_j scale_j v_j) − sim(i, i), split into
  // similarity to later sentences (a running suffix sum, built back to front) and to earlier ones.
  const centrality = new Float64Array(n)
  const titleSimilarity = new Float64Array(n)
  const suffix = new Float64Array(v)
  const backward = weights.backwardWeight
  let maxCentrality = 0
  for (let i = n - 1; i >= 0; i--) {
    const from = termStart[i] as number
    const to = termStart[i + 1] as number
    const scale = inverseScale[i] as number
    if (selectable[i] === 1 && scale > 0) {
      let dot = 0
      let later = 0
      let titleDot = 0
      for (let p = from; p < to; p++) {
        const t = terms[p] as number
        const w = termWeight[t] as number
        dot += w * (centroid[t] as number)
        later += w * (suffix[t] as number)
        if (hasTitle) titleDot += w * ((titleWeight as Float64Array)[t] as number)
      }
      const forwardSum = later * scale
      const backwardSum = dot * scale - (selfSimilarity[i] as number) - forwardSum
      const c = Math.max(0, forwardSum + backward * backwardSum)
      centrality[i] = c
      if (c > maxCentrality) maxCentrality = c
      titleSimilarity[i] = titleDot * (inverseNorm[i] as number)
    }
    for (let p = from; p < to; p++) {
      const t = terms[p] as number
      suffix[t] = (suffix[t] as number) + (termWeight[t] as number) * scale
    }
  }

  const wordLengths: number[] = []
  const charLengths: number[] = []
  for (let i = 0; i < n; i++) {
    if (selectable[i] !== 1) continue
    const span = model.spans[i] as { start: number; end: number }
    wordLengths.push(wordCounts[i] as number)
    charLengths.push(span.end - span.start)
  }
  const medianWords = median(wordLengths)
  const medianCharacters = median(charLengths)
  const longLimit =
    weights.longRatio > 0 ? weights.longRatio * medianWords : Number.POSITIVE_INFINITY

  const position = new Float64Array(n)
  const prior = new Float64Array(n)
  let rank = 0
  for (let i = 0; i < n; i++) {
    if (selectable[i] !== 1) continue
    position[i] =
      weights.positionWindow > 0
        ? 1 / (1 + Math.exp((rank - weights.positionWindow) / weights.positionScale))
        : 1 / (1 + rank / weights.positionScale)
    rank++
    const words = wordCounts[i] as number
    let factor = words < weights.minWords ? words / weights.minWords : 1
    if (words > longLimit) factor *= longLimit / words
    prior[i] = factor
    // Direct speech and questions rarely make a lede: they lose lead prior, not centrality.
    // (Off by default: see DEFAULT_WEIGHTS.)
    const span = model.spans[i] as SentenceSpan
    if (weights.quotedFactor !== 1 && isDirectSpeech(model.text, span))
      position[i] = (position[i] as number) * weights.quotedFactor
    if (weights.questionFactor !== 1 && isQuestion(model.text, span))
      position[i] = (position[i] as number) * weights.questionFactor
    // A lede is a full sentence: short ones get a proportionally smaller lead bonus.
    if (words < weights.leadMinWords)
      position[i] = ((position[i] as number) * words) / weights.leadMinWords
    if (maxCentrality > 0) centrality[i] = (centrality[i] as number) / maxCentrality
  }
  return {
    position,
    centrality,
    title: titleSimilarity,
    prior,
    selectableCount: rank,
    medianWords,
    medianCharacters,
    vectors: { termWeight, inverseNorm },
  }
}

function median(values: number[]): number {
  values.sort((a, b) => a - b)
  return Math.max(1, values[values.length >> 1] ?? 1)
}

/**
 * Scores for a summary of about `summarySentences` sentences, in [0, 1] (the best selectable
 * sentence scores 1, unselectable ones 0).
 *
 * The lead prior's weight falls as the summary covers more of the article: a short summary is the
 * lede (inverted pyramid), a summary of a large part of the article must represent all of it,
 * which is what centrality measures.
 */
export function scoreSentences(
  features: SentenceFeatures,
  weights: RankWeights,
  summarySentences: number
): Float64Array {
  const { position, centrality, title, prior } = features
  const n = prior.length
  const fraction = summarySentences / Math.max(1, features.selectableCount)
  // Title similarity rides with the lead prior: a headline states the lede, so it guides short
  // summaries; a long one must cover the article (centrality).
  const leadShare =
    weights.leadFraction > 0
      ? 1 / (1 + (fraction / weights.leadFraction) ** weights.leadSteepness)
      : 1
  const lead = weights.position * leadShare
  const headline = weights.title * leadShare
  const scores = new Float64Array(n)
  let max = 0
  for (let i = 0; i < n; i++) {
    const p = prior[i] as number
    if (p === 0) continue
    const score =
      p *
      (lead * (position[i] as number) +
        weights.centrality * (centrality[i] as number) +
        headline * (title[i] as number))
    scores[i] = score
    if (score > max) max = score
  }
  if (max > 0) for (let i = 0; i < n; i++) scores[i] = (scores[i] as number) / max
  return scores
}

/** Unit-length binary title vector over term ids (× term weight), or `undefined` without a title. */
function titleVector(model: ArticleModel, termWeight: Float64Array): Float64Array | undefined {
  if (model.titleTerms.length === 0) return undefined
  const vector = new Float64Array(model.vocabularySize)
  let sq = 0
  for (const t of model.titleTerms) {
    if (vector[t] !== 0) continue
    vector[t] = termWeight[t] as number
    sq += (termWeight[t] as number) ** 2
  }
  const inv = 1 / Math.sqrt(sq)
  for (const t of model.titleTerms) vector[t] = (termWeight[t] as number) * inv
  return vector
}

/** Cosine similarities of a sentence to every sentence, computed on demand and kept. */
export type SimilarityRows = {
  /** `row(i)[j]` is the cosine similarity of sentences `i` and `j`. */
  row(i: number): Float64Array
}

/**
 * Similarity rows for redundancy checks. A row costs one pass over the article's terms; rows are
 * cached because every length of a request reuses the sentences picked for the smaller ones.
 */
export function createSimilarityRows(
  model: ArticleModel,
  vectors: SentenceVectors
): SimilarityRows {
  const { terms, termStart } = model
  const { termWeight, inverseNorm } = vectors
  const n = model.spans.length
  const rows: (Float64Array | undefined)[] = new Array(n)
  const scratch = new Float64Array(model.vocabularySize)
  return {
    row(i) {
      const cached = rows[i]
      if (cached !== undefined) return cached
      const out = new Float64Array(n)
      rows[i] = out
      const ii = inverseNorm[i] as number
      if (ii === 0) return out
      const from = termStart[i] as number
      const to = termStart[i + 1] as number
      for (let p = from; p < to; p++) {
        const t = terms[p] as number
        scratch[t] = (scratch[t] as number) + (termWeight[t] as number)
      }
      for (let j = 0; j < n; j++) {
        const ij = inverseNorm[j] as number
        if (ij === 0) continue
        let dot = 0
        for (let p = termStart[j] as number; p < (termStart[j + 1] as number); p++) {
          const t = terms[p] as number
          const s = scratch[t] as number
          if (s !== 0) dot += s * (termWeight[t] as number)
        }
        out[j] = Math.min(1, dot * ii * ij)
      }
      for (let p = from; p < to; p++) scratch[terms[p] as number] = 0
      return out
    },
  }
}
