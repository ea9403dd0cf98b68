/**
 * Variants for `npm run eval -- --ablation`: each changes the shipped weights (DEFAULT_WEIGHTS)
 * in one respect, so the table shows what every component is worth.
 */
import type { RankWeights } from '../../src/summarize/rank'
import type { EvalSystem } from './run'
import { lead, textRankSystem } from './systems'

export type Ablation = {
  readonly name: string
  /** Overrides of DEFAULT_WEIGHTS. */
  readonly weights?: Partial<RankWeights>
  /** A system that is not Précis (baselines). */
  readonly system?: EvalSystem
}

export const ABLATIONS: readonly Ablation[] = [
  { name: 'Lead-k', system: lead },
  { name: 'TextRank', system: textRankSystem },
  { name: 'Précis (shipped)', weights: {} },
]
