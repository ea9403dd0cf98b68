/**
 * Cross-validated tuning for `npm run eval -- --cv`: is a ranking change worth keeping, or does
 * it only fit the dev articles?
 *
 * Each candidate is a set of ranking-weight settings (always including the shipped one). The dev
 * articles are split into k folds, stratified by source and shuffled by a seeded hash of their
 * ids; for every fold, the setting with the best objective on the other folds is chosen and
 * scored on the held-out fold. The out-of-fold (OOF) figure is the mean over all articles of
 * their held-out scores, averaged over several seeds. A change is worth keeping only when its
 * OOF figure beats the shipped ranking's; the in-sample figure (the best setting scored on all
 * of dev) shows how much tuning on dev alone would have flattered it.
 *
 * Objective (on the training folds): CNN/DM ROUGE-1 at 3 sentences, minus twice any shortfall of
 * BBC at reference length below 86 and any shortfall of OrangeSum at 1 sentence below 30 — the
 * issue-3 targets, which must hold together.
 */
import { DEFAULT_WEIGHTS, type RankWeights } from '../../src/summarize/rank'
import { scoreSummary } from './rouge'
import { type PreparedArticle, type SentenceSetting, sentenceCount } from './run'
import { precis } from './systems'

/** The three issue-3 targets: source, sentence setting, target ROUGE-1. */
export const CV_TARGETS: readonly {
  readonly source: string
  readonly setting: SentenceSetting
  readonly label: string
  readonly target: number
}[] = [
  { source: 'cnndm-test', setting: 3, label: 'CNN/DM 3', target: 41.5 },
  { source: 'bbc-news-summary', setting: 'ref', label: 'BBC ref', target: 86 },
  { source: 'orangesum-abstract-test', setting: 1, label: 'OrangeSum 1', target: 30 },
]

/** A candidate change: the weight settings to choose from (the shipped one is added). */
export type CvCandidate = {
  readonly name: string
  /** One knob or several varied together: every setting is tried. */
  readonly settings?: readonly Partial<RankWeights>[]
  /** Several knobs tuned by coordinate ascent (two passes) from the shipped weights. */
  readonly knobs?: Readonly<Partial<Record<keyof RankWeights, readonly number[]>>>
}

export type CvOptions = { readonly folds: number; readonly seeds: number }

/** Mean ROUGE-1 ×100 per target. */
export type TargetScores = readonly number[]

export type CvResult = {
  readonly name: string
  /** Out-of-fold means per target, averaged over seeds. */
  readonly outOfFold: TargetScores
  /**
   * Per target: the mean difference between each article's out-of-fold score (averaged over
   * seeds) and its shipped score, and the standard error of that mean (paired over articles).
   */
  readonly gain: readonly { readonly mean: number; readonly se: number }[]
  /** The setting with the best objective on all of dev, scored on all of dev. */
  readonly inSample: TargetScores
  readonly inSampleSetting: Partial<RankWeights>
  /** How often each setting was chosen on a training split, most frequent first. */
  readonly chosen: readonly { readonly setting: string; readonly times: number }[]
}

/** R-1 F1 of every article of each target source, for one set of weights (memoized). */
class Scorer {
  private readonly cache = new Map<string, Float64Array[]>()
  constructor(private readonly bySource: ReadonlyMap<string, readonly PreparedArticle[]>) {}

  scores(overrides: Partial<RankWeights>): Float64Array[] {
    const key = settingKey(overrides)
    const cached = this.cache.get(key)
    if (cached) return cached
    const system = precis({ ...DEFAULT_WEIGHTS, ...overrides })
    const out = CV_TARGETS.map(({ source, setting }) => {
      const list = this.bySource.get(source) ?? []
      const values = new Float64Array(list.length)
      list.forEach((article, i) => {
        const summary = system.run(article, sentenceCount(article, setting))
        values[i] = 100 * scoreSummary(summary, article.referenceSentences, false).r1.f
      })
      return values
    })
    this.cache.set(key, out)
    return out
  }
}

/** Overrides that differ from the shipped weights, as stable JSON (`{}` for the shipped ranking). */
export function settingKey(overrides: Partial<RankWeights>): string {
  const entries = Object.entries(overrides)
    .filter(([k, v]) => DEFAULT_WEIGHTS[k as keyof RankWeights] !== v)
    .sort(([a], [b]) => (a < b ? -1 : 1))
  return JSON.stringify(Object.fromEntries(entries))
}

function objective(means: TargetScores): number {
  const [cnn = 0, bbc = 0, orange = 0] = means
  return cnn + 2 * Math.min(0, bbc - 86) + Math.min(0, orange - 30)
}

/** Means per target over the articles whose mask entry is 1 (all when `mask` is undefined). */
function means(scores: readonly Float64Array[], masks?: readonly Uint8Array[]): number[] {
  return scores.map((values, t) => {
    let sum = 0
    let count = 0
    const mask = masks?.[t]
    for (let i = 0; i < values.length; i++) {
      if (mask !== undefined && mask[i] !== 1) continue
      sum += values[i] as number
      count++
    }
    return count === 0 ? 0 : sum / count
  })
}

/** FNV-1a of a string: a seeded, stable order for the folds. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Fold number of every article of each target source, stratified by source. */
function assignFolds(
  bySource: ReadonlyMap<string, readonly PreparedArticle[]>,
  folds: number,
  seed: number
): Uint8Array[] {
  return CV_TARGETS.map(({ source }) => {
    const list = bySource.get(source) ?? []
    const order = list
      .map((a, i) => ({ i, h: hash(`${seed}:${a.id}`) }))
      .sort((a, b) => a.h - b.h || a.i - b.i)
    const fold = new Uint8Array(list.length)
    order.forEach(({ i }, rank) => {
      fold[i] = rank % folds
    })
    return fold
  })
}

/** The best setting on the masked articles: a fixed list, or coordinate ascent over knobs. */
function choose(
  scorer: Scorer,
  candidate: CvCandidate,
  masks: readonly Uint8Array[] | undefined
): Partial<RankWeights> {
  const value = (s: Partial<RankWeights>): number => objective(means(scorer.scores(s), masks))
  let best: Partial<RankWeights> = {}
  let bestValue = value(best)
  for (const setting of candidate.settings ?? []) {
    const v = value(setting)
    // Strictly better only: on a tie the shipped (or earlier) setting stays.
    if (v > bestValue + 1e-9) {
      best = setting
      bestValue = v
    }
  }
  if (candidate.knobs === undefined) return best
  for (let pass = 0; pass < 2; pass++) {
    let changed = false
    for (const [knob, values] of Object.entries(candidate.knobs)) {
      for (const v of values ?? []) {
        const setting = { ...best, [knob]: v }
        const sv = value(setting)
        if (sv > bestValue + 1e-9) {
          best = setting
          bestValue = sv
          changed = true
        }
      }
    }
    if (!changed) break
  }
  return best
}

/** Mean and standard error of `a[i] − b[i]`. */
function pairedGain(a: Float64Array, b: Float64Array): { mean: number; se: number } {
  const n = a.length
  if (n < 2) return { mean: 0, se: 0 }
  let sum = 0
  for (let i = 0; i < n; i++) sum += (a[i] as number) - (b[i] as number)
  const mean = sum / n
  let sq = 0
  for (let i = 0; i < n; i++) sq += ((a[i] as number) - (b[i] as number) - mean) ** 2
  return { mean, se: Math.sqrt(sq / (n - 1) / n) }
}

/** Cross-validates every candidate; see the module comment. */
export function crossValidate(
  bySource: ReadonlyMap<string, readonly PreparedArticle[]>,
  candidates: readonly CvCandidate[],
  options: CvOptions
): CvResult[] {
  const scorer = new Scorer(bySource)
  return candidates.map((candidate) => {
    const oof = CV_TARGETS.map(() => 0)
    const perArticle = scorer.scores({}).map((values) => new Float64Array(values.length))
    const chosen = new Map<string, number>()
    for (let seed = 0; seed < options.seeds; seed++) {
      const fold = assignFolds(bySource, options.folds, seed)
      const held = CV_TARGETS.map((_, t) => new Float64Array((fold[t] as Uint8Array).length))
      for (let f = 0; f < options.folds; f++) {
        const train = fold.map((folds) => folds.map((x) => (x === f ? 0 : 1)))
        const setting = choose(scorer, candidate, train)
        const key = settingKey(setting)
        chosen.set(key, (chosen.get(key) ?? 0) + 1)
        const scores = scorer.scores(setting)
        fold.forEach((folds, t) => {
          folds.forEach((x, i) => {
            if (x === f) (held[t] as Float64Array)[i] = (scores[t] as Float64Array)[i] as number
          })
        })
      }
      means(held).forEach((m, t) => {
        oof[t] = (oof[t] as number) + m / options.seeds
      })
      held.forEach((values, t) => {
        const sum = perArticle[t] as Float64Array
        values.forEach((v, i) => {
          sum[i] = (sum[i] as number) + v / options.seeds
        })
      })
    }
    const inSampleSetting = choose(scorer, candidate, undefined)
    const shipped = scorer.scores({})
    return {
      name: candidate.name,
      outOfFold: oof,
      gain: perArticle.map((values, t) => pairedGain(values, shipped[t] as Float64Array)),
      inSample: means(scorer.scores(inSampleSetting)),
      inSampleSetting,
      chosen: [...chosen.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([setting, times]) => ({ setting, times })),
    }
  })
}
