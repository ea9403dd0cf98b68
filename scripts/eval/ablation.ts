/**
 * Variants for `npm run eval -- --ablation`: each changes the shipped ranking (DEFAULT_WEIGHTS,
 * bundled stopwords) in one respect, so the table shows what every component is worth.
 */
import { createRequire } from 'node:module'
import type { RankWeights } from '../../src/summarize/rank'
import type { EvalSystem } from './run'
import { lead, textRankSystem } from './systems'

export type Ablation = {
  readonly name: string
  /** Overrides of DEFAULT_WEIGHTS. */
  readonly weights?: Partial<RankWeights>
  /** Replacement stopword lists. */
  readonly stopwords?: (language: string) => ReadonlySet<string>
  /** A system that is not Précis (baselines). */
  readonly system?: EvalSystem
}

const require = createRequire(import.meta.url)
/** The full stopwords-iso collection (eval only: the Worker imports two of its languages). */
const iso = require('stopwords-iso') as Record<string, string[]>
const isoSets = new Map<string, ReadonlySet<string>>()
const stopwordsIso = (language: string): ReadonlySet<string> => {
  const base = language.split('-')[0] ?? ''
  let set = isoSets.get(base)
  if (!set) {
    set = new Set(iso[base] ?? [])
    isoSets.set(base, set)
  }
  return set
}
const none: ReadonlySet<string> = new Set()

export const ABLATIONS: readonly Ablation[] = [
  { name: 'Lead-k', system: lead },
  { name: 'TextRank (scripts/eval/textrank.ts)', system: textRankSystem },
  { name: 'Précis (shipped)', weights: {} },
  { name: 'no lead prior', weights: { position: 0 } },
  { name: 'lead prior not reduced for long summaries', weights: { leadFraction: 0 } },
  { name: 'hyperbolic lead prior 1/(1+r/2)', weights: { positionWindow: 0, positionScale: 2 } },
  { name: 'no centrality', weights: { centrality: 0 } },
  { name: 'centrality: IDF term weights', weights: { idfExponent: 1 } },
  { name: 'centrality: directed (later sentences only)', weights: { backwardWeight: 0 } },
  { name: 'with title similarity (weight 1, rides with the lead prior)', weights: { title: 1 } },
  { name: 'no redundancy control (MMR)', weights: { redundancy: 0 } },
  {
    name: 'with direct-speech/question lead penalty (×0.2)',
    weights: { quotedFactor: 0.2, questionFactor: 0.2 },
  },
  { name: 'no short-lede penalty', weights: { leadMinWords: 0 } },
  { name: 'no long-sentence penalty', weights: { longRatio: 0 } },
  { name: 'stopwords: stopwords-iso lists', stopwords: stopwordsIso },
  { name: 'stopwords: none', stopwords: () => none },
]
