/**
 * A listwise linear ranker over the summarizer's own features, for one-sentence summaries
 * (OrangeSum's setting): it learns the weights of the lead prior, centrality, title similarity
 * and the guide features of `GUIDE_FEATURES` from the training articles, and returns them as
 * `RankWeights` overrides — a handful of numbers the service can ship.
 *
 * For a one-sentence summary the score of sentence i is
 * `prior_i × (P·lead·position_i + C·centrality_i + lead share·(T·title_i + Σ w_k·g_ik))`, linear
 * in the weights, so the features are read back from `sentenceFeatures` itself (one knob at a
 * time set to 1): the learner and the service cannot disagree on what a feature is.
 *
 * Loss: ListNet (Cao et al. 2007) — the cross-entropy between the softmax of the scores over an
 * article's sentences and the softmax of the sentences' own ROUGE-1 F1 against the reference
 * (temperature `tau`), plus L2, minimised by full-batch Adam from zero. Deterministic: no random
 * initialisation, a fixed number of steps, articles in input order.
 */
import { analyzeArticle } from '../../src/summarize/document'
import { GUIDE_FEATURES, type RankWeights, sentenceFeatures } from '../../src/summarize/rank'
import type { SentenceSpan } from '../../src/text/sentences'
import { scoreSummary } from './rouge'
import type { PreparedArticle, SentenceSetting } from './run'
import { GENERIC_WEIGHTS } from './tune-cv'

/** The weights learned, in feature order. */
const KNOBS = ['position', 'centrality', 'title', ...GUIDE_FEATURES] as const
export type Knob = (typeof KNOBS)[number]

/** One article's candidate sentences: feature rows and ROUGE-1 F1 ×100 of each sentence alone. */
type ListData = { readonly x: Float64Array[]; readonly y: Float64Array }

const cache = new Map<string, ListData>()

const OFF: RankWeights = {
  ...GENERIC_WEIGHTS,
  title: 0,
  ...Object.fromEntries(GUIDE_FEATURES.map((k) => [k, 0])),
}

function listData(article: PreparedArticle): ListData {
  const key = `${article.source}\u0000${article.id}`
  const cached = cache.get(key)
  if (cached) return cached
  const model = analyzeArticle(article.text, article.lang, article.title || undefined)
  const base = sentenceFeatures(model, OFF)
  const guides = (['title', ...GUIDE_FEATURES] as const).map(
    (k) => sentenceFeatures(model, { ...OFF, [k]: 1 }).guide
  )
  const fraction = 1 / Math.max(1, base.selectableCount)
  const leadShare = 1 / (1 + (fraction / OFF.leadFraction) ** OFF.leadSteepness)
  const x: Float64Array[] = []
  const y: number[] = []
  for (let i = 0; i < model.spans.length; i++) {
    const p = base.prior[i] as number
    if (p === 0) continue
    const row = new Float64Array(KNOBS.length)
    row[0] = p * leadShare * (base.position[i] as number)
    row[1] = p * (base.centrality[i] as number)
    guides.forEach((g, k) => {
      row[2 + k] = p * leadShare * (g[i] as number)
    })
    x.push(row)
    const span = model.spans[i] as SentenceSpan
    const sentence = article.text.slice(span.start, span.end)
    y.push(100 * scoreSummary([sentence], article.referenceSentences, false).r1.f)
  }
  const data = { x, y: Float64Array.from(y) }
  cache.set(key, data)
  return data
}

export type ListwiseOptions = {
  readonly tau: number
  readonly l2: number
  readonly steps: number
  readonly rate: number
}

const DEFAULTS: ListwiseOptions = { tau: 2, l2: 1e-3, steps: 400, rate: 0.05 }

/**
 * Learns the weights on `train` for one-sentence summaries; for any other setting it returns no
 * override (the proxy target — one sentence's ROUGE — only fits that setting).
 */
export function learnListwise(
  train: readonly PreparedArticle[],
  setting: SentenceSetting,
  use: readonly Knob[] = KNOBS,
  options: ListwiseOptions = DEFAULTS
): Partial<RankWeights> {
  if (setting !== 1) return {}
  const columns = KNOBS.flatMap((knob, k) => (use.includes(knob) ? [k] : []))
  const lists = train
    .map(listData)
    .filter((l) => l.x.length > 1)
    .map(({ x, y }) => ({
      x: x.map((row) => Float64Array.from(columns, (k) => row[k] as number)),
      y,
    }))
  const d = columns.length
  // Scale each feature to unit standard deviation (centering is irrelevant within a softmax).
  const sum = new Float64Array(d)
  const sq = new Float64Array(d)
  let count = 0
  for (const { x } of lists)
    for (const row of x) {
      count++
      for (let k = 0; k < d; k++) {
        sum[k] = (sum[k] as number) + (row[k] as number)
        sq[k] = (sq[k] as number) + (row[k] as number) ** 2
      }
    }
  const sd = sum.map((s, k) => {
    const mean = s / Math.max(1, count)
    return Math.sqrt(Math.max(0, (sq[k] as number) / Math.max(1, count) - mean * mean)) || 1
  })
  const targets = lists.map(({ y }) => softmax(y.map((v) => v / options.tau)))
  const w = new Float64Array(d)
  const m = new Float64Array(d)
  const v = new Float64Array(d)
  const grad = new Float64Array(d)
  for (let step = 1; step <= options.steps; step++) {
    grad.fill(0)
    lists.forEach(({ x }, a) => {
      const z = x.map((row) => {
        let s = 0
        for (let k = 0; k < d; k++) s += ((w[k] as number) * (row[k] as number)) / (sd[k] as number)
        return s
      })
      const q = softmax(Float64Array.from(z))
      const p = targets[a] as Float64Array
      x.forEach((row, i) => {
        const g = (q[i] as number) - (p[i] as number)
        for (let k = 0; k < d; k++)
          grad[k] = (grad[k] as number) + (g * (row[k] as number)) / (sd[k] as number)
      })
    })
    for (let k = 0; k < d; k++) {
      const g = (grad[k] as number) / lists.length + 2 * options.l2 * (w[k] as number)
      m[k] = 0.9 * (m[k] as number) + 0.1 * g
      v[k] = 0.999 * (v[k] as number) + 0.001 * g * g
      const mHat = (m[k] as number) / (1 - 0.9 ** step)
      const vHat = (v[k] as number) / (1 - 0.999 ** step)
      w[k] = (w[k] as number) - (options.rate * mHat) / (Math.sqrt(vHat) + 1e-8)
    }
  }
  // Back to raw feature units, scaled so that the lead prior keeps its shipped weight (scores
  // are relative: only ratios matter), rounded to three significant digits.
  const raw = Array.from(w, (wk, k) => wk / (sd[k] as number))
  const lead = columns[0] === 0 ? (raw[0] as number) : 0
  const scale = lead > 0 ? GENERIC_WEIGHTS.position / lead : 1
  const out: Partial<Record<Knob, number>> = {}
  columns.forEach((column, k) => {
    out[KNOBS[column] as Knob] = Number(((raw[k] as number) * scale).toPrecision(3))
  })
  return out
}

function softmax(values: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY
  for (const value of values) if (value > max) max = value
  const out = values.map((value) => Math.exp(value - max))
  let total = 0
  for (const value of out) total += value
  return out.map((value) => value / total)
}
