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
 * Title similarity, IDF weighting, directed centrality, a direct-speech penalty, the surface cues
 * of `cues.ts` (entity and number density, quotation share, opening connectives), a length prior
 * for short summaries, similarity to the lede and to captions are implemented as weights too but
 * switched off: on the dev set they did not help, or did not hold up under cross-validation
 * (docs/summarizer.md, from `npm run eval -- --ablation` and `npm run eval -- --cv-issue3`).
 * Weights can differ by language (`LANGUAGE_WEIGHTS`): French ones, with additive guide features
 * (title recall, length, quotation, direct speech, capitalised words), were learned by
 * cross-validation on the tuning set (`npm run eval -- <tuning file> --cv`).
 *
 * @module
 */
import type { SentenceSpan } from '../text/sentences'
import type { Arena } from './arena'
import { density, opensWithConnective, quotedShare } from './cues'
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
  /**
   * 1: a summary of at most `positionWindow` sentences keeps the full lead weight whatever share
   * of the article it takes — it is no longer than the lede the lead prior describes, so a short
   * article's 3-sentence summary stays its lede. 0: the lead weight fades by share alone.
   */
  readonly ledeSizedKeepsLead: number
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
  /**
   * The MMR weight is divided by `1 + (f / redundancyFraction) ^ leadSteepness` (f as for the
   * lead prior); 0 keeps it constant. Repeating the lede hurts a short summary; a long one that
   * represents the whole story may restate a point (BBC's extractive references do).
   */
  readonly redundancyFraction: number
  /**
   * Informativeness: the lead prior is multiplied by `1 + capitalised × share of capitalised
   * non-initial words + numbers × share of words with a digit` (news highlights are dense in
   * names and figures).
   */
  readonly capitalised: number
  readonly numbers: number
  /** The lead prior is multiplied by `1 − quoted × share of the sentence inside quotation marks`. */
  readonly quoted: number
  /** Factor on the lead prior of a sentence that opens with a connective ("But", "However", "He said"). */
  readonly connectiveFactor: number
  /**
   * Length prior for short summaries: the lead prior is multiplied by
   * `min(1, lengthTarget / words) ^ lengthExponent` (0: off; `lengthTarget` 0 means the
   * article's median sentence length). It rides with the lead prior, so it fades as summaries grow.
   */
  readonly lengthExponent: number
  readonly lengthTarget: number
  /**
   * Weight of the mean cosine similarity to the first `positionWindow` selectable sentences (the
   * lede as a pseudo-title); it rides with the lead prior like `title`.
   */
  readonly leadSimilarity: number
  /**
   * Weight of the mean cosine similarity to the lines that are not selectable and have at least
   * `minWords` words (captions, headings, "Scroll down for video" runs of captions: editors'
   * own summaries of the story); it rides with the lead prior like `title`.
   */
  readonly captionSimilarity: number
  /**
   * 1: sentences the run-on penalty hits (glued captions) do not take a place in the lead
   * window, so the sentence after them keeps its lead prior. 0: every selectable sentence counts.
   */
  readonly leadSkipsRunOns: number
  /**
   * Additive features that guide short summaries, riding with the lead prior like `title`
   * (learned for French by a listwise ranker on the tuning set; 0 elsewhere): the share of the
   * title's distinct terms a sentence contains; log(words / median words), clipped to [−1, 1];
   * the share of the sentence inside quotation marks; direct speech; a question; the shares of
   * capitalised non-initial words and of words with a digit.
   */
  readonly titleRecall: number
  readonly lengthLog: number
  readonly guideQuoted: number
  readonly guideDirectSpeech: number
  readonly guideQuestion: number
  readonly guideCapitalised: number
  readonly guideNumbers: number
}

/** The ranking the service ships; every value is justified in docs/summarizer.md. */
export const DEFAULT_WEIGHTS: RankWeights = {
  position: 4,
  positionScale: 0.5,
  positionWindow: 3,
  leadFraction: 0.25,
  leadSteepness: 10,
  ledeSizedKeepsLead: 0,
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
  redundancyFraction: 0.3,
  capitalised: 0,
  numbers: 0,
  quoted: 0,
  connectiveFactor: 1,
  lengthExponent: 0,
  lengthTarget: 0,
  leadSimilarity: 0,
  captionSimilarity: 0,
  leadSkipsRunOns: 0,
  titleRecall: 0,
  lengthLog: 0,
  guideQuoted: 0,
  guideDirectSpeech: 0,
  guideQuestion: 0,
  guideCapitalised: 0,
  guideNumbers: 0,
}

/** The additive guide features of `RankWeights` (see `titleRecall`). */
export const GUIDE_FEATURES = [
  'titleRecall',
  'lengthLog',
  'guideQuoted',
  'guideDirectSpeech',
  'guideQuestion',
  'guideCapitalised',
  'guideNumbers',
] as const satisfies readonly (keyof RankWeights)[]

/**
 * Per-language overrides of `DEFAULT_WEIGHTS`, keyed by primary language subtag; a language not
 * listed uses the defaults. Chosen by cross-validation on the tuning set (docs/summarizer.md,
 * "Tuning set"). French: the weights of the listwise ranker (`scripts/eval/learn.ts`) trained on
 * the 1,000 OrangeSum articles of the tuning set, lead prior weight kept at 4, number density and
 * questions left out (they did not help out of fold). French news opens with a hook (a quote, a
 * scene, a question) more often than English news, and its editors' abstracts restate the
 * headline: title overlap and a full-length sentence weigh more than the lede.
 */
export const LANGUAGE_WEIGHTS: Readonly<Record<string, Partial<RankWeights>>> = {
  fr: {
    centrality: 2.37,
    title: 3.01,
    titleRecall: 4.69,
    lengthLog: 4.23,
    guideQuoted: -2.7,
    guideDirectSpeech: -1.43,
    guideCapitalised: 4,
  },
}

/** `weights` with the overrides of `language` (its primary subtag) applied. */
export function weightsForLanguage(
  weights: RankWeights,
  language: string,
  byLanguage: Readonly<Record<string, Partial<RankWeights>>>
): RankWeights {
  const base = language.split('-')[0]?.toLowerCase() ?? ''
  const overrides = Object.hasOwn(byLanguage, base) ? byLanguage[base] : undefined
  return overrides === undefined ? weights : { ...weights, ...overrides }
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
  /**
   * Weighted similarity to what guides a short summary — the title (and, when their weights are
   * on, the lede and the captions); it rides with the lead prior.
   */
  readonly guide: Float64Array
  /** Multiplicative length prior; 0 for unselectable sentences. */
  readonly prior: Float64Array
  /** Number of selectable sentences. */
  readonly selectableCount: number
  /** Median words and characters of selectable sentences (to turn word/character budgets into sentences). */
  readonly medianWords: number
  readonly medianCharacters: number
  readonly vectors: SentenceVectors
  /** The article's arena (`ArticleModel.arena`), for the arrays computed from these features. */
  readonly arena: Arena
}

/** Computes every sentence's features (one pass over the terms, O(words)). */
export function sentenceFeatures(model: ArticleModel, weights: RankWeights): SentenceFeatures {
  const { terms, termStart, selectable, wordCounts, arena } = model
  const n = model.spans.length
  const v = model.vocabularySize

  // Document frequency: each term once per sentence (a stamp array avoids a Set per sentence).
  const df = arena.f64(v)
  const stamp = arena.i32(v).fill(-1)
  for (let i = 0; i < n; i++) {
    for (let p = termStart[i] as number; p < (termStart[i + 1] as number); p++) {
      const t = terms[p] as number
      if (stamp[t] !== i) {
        stamp[t] = i
        df[t] = (df[t] as number) + 1
      }
    }
  }
  const termWeight = arena.f64(v)
  const gamma = weights.idfExponent
  for (let t = 0; t < v; t++) {
    const idf = Math.log(1 + n / (df[t] as number))
    termWeight[t] = gamma === 1 ? idf : gamma === 0 ? 1 : idf ** gamma
  }

  // Sentence vectors are term frequency × term weight. Per-occurrence loops give tf for free.
  const inverseNorm = arena.f64(n)
  const inverseScale = arena.f64(n)
  const selfSimilarity = arena.f64(n)
  const centroid = arena.f64(v)
  const tf = arena.f64(v)
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
  const centrality = arena.f64(n)
  const titleSimilarity = arena.f64(n)
  const suffix = arena.f64(v)
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
      titleSimilarity[i] = weights.title * titleDot * (inverseNorm[i] as number)
    }
    for (let p = from; p < to; p++) {
      const t = terms[p] as number
      suffix[t] = (suffix[t] as number) + (termWeight[t] as number) * scale
    }
  }

  // Typed arrays sort numerically without a comparator call per comparison.
  const wordLengths = arena.i32(n)
  const charLengths = arena.i32(n)
  let lengthCount = 0
  for (let i = 0; i < n; i++) {
    if (selectable[i] !== 1) continue
    const span = model.spans[i] as { start: number; end: number }
    wordLengths[lengthCount] = wordCounts[i] as number
    charLengths[lengthCount] = span.end - span.start
    lengthCount++
  }
  const medianWords = median(wordLengths.subarray(0, lengthCount))
  const medianCharacters = median(charLengths.subarray(0, lengthCount))
  const longLimit =
    weights.longRatio > 0 ? weights.longRatio * medianWords : Number.POSITIVE_INFINITY

  const position = arena.f64(n)
  const prior = arena.f64(n)
  const cues = leadCues(model, weights, medianWords)
  let rank = 0
  let selectableCount = 0
  for (let i = 0; i < n; i++) {
    if (selectable[i] !== 1) continue
    selectableCount++
    position[i] =
      weights.positionWindow > 0
        ? 1 / (1 + Math.exp((rank - weights.positionWindow) / weights.positionScale))
        : 1 / (1 + rank / weights.positionScale)
    const words = wordCounts[i] as number
    if (weights.leadSkipsRunOns === 0 || words <= longLimit) rank++
    let factor = words < weights.minWords ? words / weights.minWords : 1
    if (words > longLimit) factor *= longLimit / words
    prior[i] = factor
    if (cues !== undefined) position[i] = (position[i] as number) * cues(i)
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
  if (weights.leadSimilarity !== 0 || weights.captionSimilarity !== 0)
    addGuides(model, weights, termWeight, inverseNorm, titleSimilarity)
  if (GUIDE_FEATURES.some((k) => weights[k] !== 0))
    addSentenceCues(model, weights, medianWords, titleSimilarity)
  return {
    position,
    centrality,
    guide: titleSimilarity,
    prior,
    selectableCount,
    medianWords,
    medianCharacters,
    vectors: { termWeight, inverseNorm },
    arena,
  }
}

/**
 * The lead-prior factor of the surface cues whose weights are on (informativeness, quotation,
 * opening connective, length for short summaries), or `undefined` when all are off — then no
 * sentence is scanned for them.
 */
function leadCues(
  model: ArticleModel,
  weights: RankWeights,
  medianWords: number
): ((i: number) => number) | undefined {
  const { capitalised, numbers, quoted, connectiveFactor, lengthExponent } = weights
  if (
    capitalised === 0 &&
    numbers === 0 &&
    quoted === 0 &&
    connectiveFactor === 1 &&
    lengthExponent === 0
  )
    return undefined
  const { text, language, spans, wordCounts } = model
  const target = weights.lengthTarget > 0 ? weights.lengthTarget : medianWords
  return (i) => {
    const { start, end } = spans[i] as SentenceSpan
    let factor = 1
    if (capitalised !== 0 || numbers !== 0) {
      const d = density(text, language, start, end)
      factor *= 1 + capitalised * d.capitalised + numbers * d.numbers
    }
    if (quoted !== 0) factor *= Math.max(0, 1 - quoted * quotedShare(text, start, end))
    if (connectiveFactor !== 1 && opensWithConnective(text, language, start, end))
      factor *= connectiveFactor
    if (lengthExponent !== 0)
      factor *= Math.min(1, target / Math.max(1, wordCounts[i] as number)) ** lengthExponent
    return factor
  }
}

/**
 * Adds `leadSimilarity ×` the mean cosine similarity to the lede (the first `positionWindow`
 * selectable sentences, a sentence's own similarity left out) and `captionSimilarity ×` the mean
 * cosine similarity to the captions (lines that are not selectable, with at least `minWords`
 * words) to `guide`. Each is one dot product per sentence with a sum of unit vectors.
 */
function addGuides(
  model: ArticleModel,
  weights: RankWeights,
  termWeight: Float64Array,
  inverseNorm: Float64Array,
  guide: Float64Array
): void {
  const { terms, termStart, selectable, wordCounts, arena } = model
  const n = model.spans.length
  const ledeSize = Math.max(1, Math.round(weights.positionWindow))
  const inLede = arena.u8(n)
  const lede = arena.f64(model.vocabularySize)
  const captions = arena.f64(model.vocabularySize)
  let ledeCount = 0
  let captionCount = 0
  const addUnit = (sum: Float64Array, i: number): void => {
    for (let p = termStart[i] as number; p < (termStart[i + 1] as number); p++) {
      const t = terms[p] as number
      sum[t] = (sum[t] as number) + (termWeight[t] as number) * (inverseNorm[i] as number)
    }
  }
  for (let i = 0; i < n; i++) {
    if (inverseNorm[i] === 0) continue
    if (selectable[i] === 1 && ledeCount < ledeSize) {
      addUnit(lede, i)
      inLede[i] = 1
      ledeCount++
    } else if (selectable[i] !== 1 && (wordCounts[i] as number) >= weights.minWords) {
      addUnit(captions, i)
      captionCount++
    }
  }
  for (let i = 0; i < n; i++) {
    if (selectable[i] !== 1 || inverseNorm[i] === 0) continue
    let toLede = 0
    let toCaptions = 0
    for (let p = termStart[i] as number; p < (termStart[i + 1] as number); p++) {
      const t = terms[p] as number
      const w = (termWeight[t] as number) * (inverseNorm[i] as number)
      toLede += w * (lede[t] as number)
      toCaptions += w * (captions[t] as number)
    }
    // Its own unit vector is in the lede sum: a lede sentence's similarity to itself is 1.
    const others = ledeCount - (inLede[i] as number)
    const ledeMean = others > 0 ? (toLede - (inLede[i] as number)) / others : 0
    const captionMean = captionCount > 0 ? toCaptions / captionCount : 0
    guide[i] =
      (guide[i] as number) +
      weights.leadSimilarity * Math.max(0, ledeMean) +
      weights.captionSimilarity * captionMean
  }
}

/** Adds the weighted guide features of `GUIDE_FEATURES` to `guide` (one pass over the terms). */
function addSentenceCues(
  model: ArticleModel,
  weights: RankWeights,
  medianWords: number,
  guide: Float64Array
): void {
  const { terms, termStart, selectable, wordCounts, titleTerms, text, language, spans, arena } =
    model
  const n = spans.length
  // Title terms are marked 1; a sentence stamps the ones it has seen with its own index + 2.
  const mark = arena.i32(model.vocabularySize)
  let titleSize = 0
  for (const t of titleTerms)
    if (mark[t] === 0) {
      mark[t] = 1
      titleSize++
    }
  const wantDensity = weights.guideCapitalised !== 0 || weights.guideNumbers !== 0
  for (let i = 0; i < n; i++) {
    if (selectable[i] !== 1) continue
    const span = spans[i] as SentenceSpan
    let value = 0
    if (titleSize > 0 && weights.titleRecall !== 0) {
      let hits = 0
      for (let p = termStart[i] as number; p < (termStart[i + 1] as number); p++) {
        const t = terms[p] as number
        if ((mark[t] as number) >= 1) {
          if (mark[t] !== i + 2) hits++
          mark[t] = i + 2
        }
      }
      value += (weights.titleRecall * hits) / titleSize
    }
    if (weights.lengthLog !== 0) {
      const ratio = Math.log(Math.max(1, wordCounts[i] as number) / medianWords)
      value += weights.lengthLog * Math.max(-1, Math.min(1, ratio))
    }
    if (weights.guideQuoted !== 0)
      value += weights.guideQuoted * quotedShare(text, span.start, span.end)
    if (weights.guideDirectSpeech !== 0 && isDirectSpeech(text, span))
      value += weights.guideDirectSpeech
    if (weights.guideQuestion !== 0 && isQuestion(text, span)) value += weights.guideQuestion
    if (wantDensity) {
      const d = density(text, language, span.start, span.end)
      value += weights.guideCapitalised * d.capitalised + weights.guideNumbers * d.numbers
    }
    guide[i] = (guide[i] as number) + value
  }
}

function median(values: Int32Array): number {
  values.sort()
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
  const { position, centrality, guide, prior } = features
  const n = prior.length
  const fraction = summarySentences / Math.max(1, features.selectableCount)
  // Title similarity (the guide) rides with the lead prior: a headline states the lede, so it
  // guides short summaries; a long one must cover the article (centrality).
  const ledeSized =
    weights.ledeSizedKeepsLead !== 0 &&
    weights.positionWindow > 0 &&
    summarySentences <= weights.positionWindow
  const leadShare =
    weights.leadFraction > 0 && !ledeSized
      ? 1 / (1 + (fraction / weights.leadFraction) ** weights.leadSteepness)
      : 1
  const lead = weights.position * leadShare
  const scores = features.arena.f64(n)
  let max = 0
  for (let i = 0; i < n; i++) {
    const p = prior[i] as number
    if (p === 0) continue
    // Learned guide features can be negative: a score stays ≥ 0 (the API reports 0…1).
    const score =
      p *
      Math.max(
        0,
        lead * (position[i] as number) +
          weights.centrality * (centrality[i] as number) +
          leadShare * (guide[i] as number)
      )
    scores[i] = score
    if (score > max) max = score
  }
  if (max > 0) for (let i = 0; i < n; i++) scores[i] = (scores[i] as number) / max
  return scores
}

/** The MMR weight for a summary of about `summarySentences` sentences (see `redundancyFraction`). */
export function redundancyWeight(
  features: SentenceFeatures,
  weights: RankWeights,
  summarySentences: number
): number {
  if (weights.redundancyFraction <= 0) return weights.redundancy
  const fraction = summarySentences / Math.max(1, features.selectableCount)
  return weights.redundancy / (1 + (fraction / weights.redundancyFraction) ** weights.leadSteepness)
}

/** Unit-length binary title vector over term ids (× term weight), or `undefined` without a title. */
function titleVector(model: ArticleModel, termWeight: Float64Array): Float64Array | undefined {
  if (model.titleTerms.length === 0) return undefined
  const vector = model.arena.f64(model.vocabularySize)
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

/** Cosine similarities between sentences, for the redundancy check of selection. */
export type Similarity = {
  /**
   * Raises `maxSim[j]` to the cosine similarity of sentences `i` and `j`, for every `j` of
   * `members`. Costs one pass over the terms of `i` and of the members.
   */
  raise(i: number, members: Int32Array, maxSim: Float64Array): void
}

/**
 * Similarities on demand, against a given list of sentences only: selection compares a pick with
 * its candidates, a bounded list (see `REDUNDANCY_POOL` in select.ts), never with the whole text,
 * so a text of 58,000 one-word sentences costs no more per pick than an article.
 */
export function createSimilarity(model: ArticleModel, vectors: SentenceVectors): Similarity {
  const { terms, termStart, arena } = model
  const { termWeight, inverseNorm } = vectors
  const scratch = arena.f64(model.vocabularySize)
  return {
    raise(i, members, maxSim) {
      const ii = inverseNorm[i] as number
      // A sentence without terms is similar to nothing (and `maxSim` is never below 0).
      if (ii === 0) return
      const from = termStart[i] as number
      const to = termStart[i + 1] as number
      for (let p = from; p < to; p++) {
        const t = terms[p] as number
        scratch[t] = (scratch[t] as number) + (termWeight[t] as number)
      }
      for (let k = 0; k < members.length; k++) {
        const j = members[k] as number
        const ij = inverseNorm[j] as number
        if (ij === 0) continue
        let dot = 0
        for (let p = termStart[j] as number; p < (termStart[j + 1] as number); p++) {
          const t = terms[p] as number
          const s = scratch[t] as number
          if (s !== 0) dot += s * (termWeight[t] as number)
        }
        const similarity = Math.min(1, dot * ii * ij)
        if (similarity > (maxSim[j] as number)) maxSim[j] = similarity
      }
      for (let p = from; p < to; p++) scratch[terms[p] as number] = 0
    },
  }
}
