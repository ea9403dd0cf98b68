/**
 * K-fold cross-validation on a tuning set, for `npm run eval -- <file> --cv` (issue 15).
 *
 * Every source of the file is tuned on its own: English weights on BBC, French ones on OrangeSum
 * (the service picks weights by language, and CNN/DM has no tuning data — it is only checked).
 * The articles of a source are split into k folds by a seeded hash of their ids; for every fold,
 * each candidate chooses its setting on the other folds (a grid, coordinate ascent, or a learner)
 * and that setting is scored on the held-out fold. The out-of-fold (OOF) figure is the mean over
 * all articles of their held-out scores, with the standard error of that mean; "vs TextRank" is
 * the paired mean difference from TextRank on the same articles, with its standard error.
 *
 * Candidates start from `GENERIC_WEIGHTS` — the ranking before this tuning, without per-language
 * overrides — so each row shows what the candidate adds to it and stays comparable after a
 * change ships; the "shipped" row is the service as it is (scored in sample).
 * A knob is worth shipping only when it helps out of fold.
 */
import { DEFAULT_WEIGHTS, type RankWeights } from '../../src/summarize/rank'
import { scoreSummary } from './rouge'
import { type EvalSystem, type PreparedArticle, type SentenceSetting, sentenceCount } from './run'
import { lead, precis, textRankSystem } from './systems'

/** The ranking before issue 15's tuning: `DEFAULT_WEIGHTS` with the knobs adopted since reverted. */
export const GENERIC_WEIGHTS: RankWeights = { ...DEFAULT_WEIGHTS, redundancyFraction: 0 }

/** Overrides that differ from `GENERIC_WEIGHTS`, as stable JSON (`{}` for the generic ranking). */
export function settingKey(overrides: Partial<RankWeights>): string {
  const entries = Object.entries(overrides)
    .filter(([k, v]) => GENERIC_WEIGHTS[k as keyof RankWeights] !== v)
    .sort(([a], [b]) => (a < b ? -1 : 1))
  return JSON.stringify(Object.fromEntries(entries))
}

/** A tuning approach: how a setting is chosen from training articles. */
export type TuneCandidate = {
  readonly name: string
  /** Fixed settings to choose from (the generic ranking, `{}`, is always one of them). */
  readonly settings?: readonly Partial<RankWeights>[]
  /** Knobs tuned by coordinate ascent (two passes), after the best of `settings`. */
  readonly knobs?: Readonly<Partial<Record<keyof RankWeights, readonly number[]>>>
  /** A learner: fits a setting on the training articles (for learned weights). */
  readonly learn?: (
    train: readonly PreparedArticle[],
    setting: SentenceSetting
  ) => Partial<RankWeights>
}

export type TuneOptions = { readonly folds: number; readonly seed: number }

/** Per-article R-1 F1 ×100. */
type Scores = Float64Array

export type MeanSe = { readonly mean: number; readonly se: number }

export type TuneRow = {
  readonly name: string
  /** OOF mean R-1 and its standard error over articles. */
  readonly oof: MeanSe
  /** OOF minus TextRank, paired over articles. */
  readonly vsTextRank: MeanSe
  /** OOF mean per fold. */
  readonly perFold: readonly number[]
  /** The setting chosen on all articles of the source (what would ship). */
  readonly inSamplePick: string
  /** Settings chosen on the training folds. */
  readonly picks: readonly string[]
}

export type SourceReport = {
  readonly source: string
  readonly setting: SentenceSetting
  readonly articles: number
  /** Baselines and the shipped service, scored on all articles (nothing tuned). */
  readonly fixed: readonly TuneRow[]
  readonly candidates: readonly TuneRow[]
}

/** Mean and standard error of the mean. */
export function meanSe(values: ArrayLike<number>): MeanSe {
  const n = values.length
  if (n === 0) return { mean: 0, se: 0 }
  let sum = 0
  for (let i = 0; i < n; i++) sum += values[i] as number
  const mean = sum / n
  let sq = 0
  for (let i = 0; i < n; i++) sq += ((values[i] as number) - mean) ** 2
  return { mean, se: n > 1 ? Math.sqrt(sq / (n - 1) / n) : 0 }
}

function scoreSystem(
  system: EvalSystem,
  articles: readonly PreparedArticle[],
  setting: SentenceSetting
): Scores {
  const out = new Float64Array(articles.length)
  articles.forEach((article, i) => {
    const summary = system.run(article, sentenceCount(article, setting))
    out[i] = 100 * scoreSummary(summary, article.referenceSentences, false).r1.f
  })
  return out
}

/** FNV-1a of a string: a seeded, stable fold order. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Fold of every article: a seeded hash order, dealt round-robin. */
export function assignFolds(
  articles: readonly PreparedArticle[],
  folds: number,
  seed: number
): Uint8Array {
  const fold = new Uint8Array(articles.length)
  articles
    .map((a, i) => ({ i, h: hash(`${seed}:${a.id}`) }))
    .sort((a, b) => a.h - b.h || a.i - b.i)
    .forEach(({ i }, rank) => {
      fold[i] = rank % folds
    })
  return fold
}

function maskedMean(values: Scores, mask: (i: number) => boolean): number {
  let sum = 0
  let count = 0
  for (let i = 0; i < values.length; i++) {
    if (!mask(i)) continue
    sum += values[i] as number
    count++
  }
  return count === 0 ? 0 : sum / count
}

/** Cross-validates the candidates on every source of `bySource` that has a setting. */
export function tuneCrossValidate(
  bySource: ReadonlyMap<string, readonly PreparedArticle[]>,
  settings: ReadonlyMap<string, SentenceSetting>,
  candidates: readonly TuneCandidate[],
  shipped: EvalSystem,
  options: TuneOptions
): SourceReport[] {
  const reports: SourceReport[] = []
  for (const [source, articles] of bySource) {
    const setting = settings.get(source)
    if (setting === undefined) continue
    const fold = assignFolds(articles, options.folds, options.seed)
    const textRank = scoreSystem(textRankSystem, articles, setting)
    const cache = new Map<string, Scores>()
    const scoresOf = (overrides: Partial<RankWeights>): Scores => {
      const key = settingKey(overrides)
      let scores = cache.get(key)
      if (scores === undefined) {
        scores = scoreSystem(
          precis({ ...GENERIC_WEIGHTS, ...overrides }, 'Précis', undefined, {}),
          articles,
          setting
        )
        cache.set(key, scores)
      }
      return scores
    }
    const row = (name: string, held: Scores, picks: string[], inSamplePick: string): TuneRow => {
      const diff = held.map((v, i) => v - (textRank[i] as number))
      return {
        name,
        oof: meanSe(held),
        vsTextRank: meanSe(diff),
        perFold: Array.from({ length: options.folds }, (_, f) =>
          maskedMean(held, (i) => fold[i] === f)
        ),
        inSamplePick,
        picks,
      }
    }
    const leadName = setting === 'ref' ? 'Lead-k' : `Lead-${setting}`
    const fixed = [
      row(leadName, scoreSystem(lead, articles, setting), [], '—'),
      row('TextRank', textRank, [], '—'),
      row('Précis, shipped', scoreSystem(shipped, articles, setting), [], '—'),
    ]
    const rows = candidates.map((candidate) => {
      const held = new Float64Array(articles.length)
      const picks: string[] = []
      for (let f = 0; f < options.folds; f++) {
        const train = (i: number): boolean => fold[i] !== f
        const chosen = choose(candidate, scoresOf, train, articles, setting)
        picks.push(settingKey(chosen))
        const scores = scoresOf(chosen)
        for (let i = 0; i < articles.length; i++) if (fold[i] === f) held[i] = scores[i] as number
      }
      const all = choose(candidate, scoresOf, () => true, articles, setting)
      return row(candidate.name, held, picks, settingKey(all))
    })
    reports.push({ source, setting, articles: articles.length, fixed, candidates: rows })
  }
  return reports
}

function choose(
  candidate: TuneCandidate,
  scoresOf: (overrides: Partial<RankWeights>) => Scores,
  train: (i: number) => boolean,
  articles: readonly PreparedArticle[],
  setting: SentenceSetting
): Partial<RankWeights> {
  if (candidate.learn !== undefined)
    return candidate.learn(
      articles.filter((_, i) => train(i)),
      setting
    )
  const value = (s: Partial<RankWeights>): number => maskedMean(scoresOf(s), train)
  let best: Partial<RankWeights> = {}
  let bestValue = value(best)
  for (const s of candidate.settings ?? []) {
    const v = value(s)
    // Strictly better only: on a tie the generic (or earlier) setting stays.
    if (v > bestValue + 1e-9) {
      best = s
      bestValue = v
    }
  }
  if (candidate.knobs === undefined) return best
  for (let pass = 0; pass < 2; pass++) {
    let changed = false
    for (const [knob, values] of Object.entries(candidate.knobs)) {
      for (const v of values ?? []) {
        const s = { ...best, [knob]: v }
        const sv = value(s)
        if (sv > bestValue + 1e-9) {
          best = s
          bestValue = sv
          changed = true
        }
      }
    }
    if (!changed) break
  }
  return best
}
