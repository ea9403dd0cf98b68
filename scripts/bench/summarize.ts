/**
 * Summarizer throughput: Précis beside its npm peers ts-textrank and lexrank (devDependencies),
 * on the same articles, in the same process, one thread. Figures only, no assertions.
 *
 * The peers are asked for one 3-sentence summary; Précis is timed on the same task and on its
 * default request (three nested lengths: short, medium, long). Rounds alternate between systems
 * and the median round is reported, so a noisy neighbour on a shared machine slows every system
 * alike.
 */
import { createRequire } from 'node:module'
import { summarize } from '../../src/summarize/summarize'
import {
  type Article,
  articleNear,
  type BenchContext,
  fmt,
  readArticles,
  throughput,
  wordCount,
} from './context'

const require = createRequire(import.meta.url)

type System = { readonly name: string; readonly run: (text: string) => unknown }

/** ts-textrank@1.0.3 as its README configures it: Sørensen–Dice similarity, damping 0.85. */
function tsTextRank(): System | undefined {
  let tt: typeof import('ts-textrank')
  try {
    tt = require('ts-textrank') as typeof import('ts-textrank')
  } catch {
    return undefined
  }
  const config = new tt.AbsoluteSummarizerConfig(
    3,
    new tt.SorensenDiceSimilarity(),
    new tt.DefaultTextParser(),
    0.85,
    tt.Summarizer.SORT_OCCURENCE
  )
  const summarizer = new tt.Summarizer(config, new tt.NullLogger())
  return { name: 'ts-textrank', run: (text) => summarizer.summarize(text, 'en') }
}

type LexRank = {
  summarize(
    text: string,
    lines: number,
    callback: (error: unknown, top: unknown[], joined: string) => void
  ): void
}

/** lexrank@1.0.5 (synchronous despite its callback). */
function lexRank(): System | undefined {
  let lx: LexRank
  try {
    lx = require('lexrank') as LexRank
  } catch {
    return undefined
  }
  return {
    name: 'lexrank',
    run: (text) => {
      let out: unknown
      lx.summarize(text, 3, (_error, top) => {
        out = top
      })
      return out
    },
  }
}

const ROUNDS = 5
const SECONDS_PER_ROUND = 1

export async function run(context: BenchContext): Promise<void> {
  if (!context.data) {
    console.log('no article data: pass --data <summarization jsonl>')
    return
  }
  const articles = readArticles(context.data)
  const peers = [tsTextRank(), lexRank()].filter((s): s is System => s !== undefined)
  if (peers.length < 2) console.log('(ts-textrank or lexrank not installed: run npm install)')
  for (const target of [700, 3000]) {
    const article = articleNear(articles, target) as Article
    const systems: System[] = [
      {
        name: 'Précis, 3 sentences',
        run: (text) => summarize(text, { language: 'en', lengths: [{ sentences: 3 }] }),
      },
      {
        name: 'Précis, short+medium+long',
        run: (text) => summarize(text, { language: 'en', lengths: ['short', 'medium', 'long'] }),
      },
      ...peers,
    ]
    const rates = new Map<string, number[]>()
    for (let round = 0; round < ROUNDS; round++) {
      for (const system of systems) {
        const t = throughput(() => system.run(article.text), SECONDS_PER_ROUND)
        rates.set(system.name, [...(rates.get(system.name) ?? []), t.cpu])
      }
    }
    const median = (xs: readonly number[]): number =>
      [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0
    console.log(
      `\nsummarize ~${target} words (${article.id}, ${wordCount(article.text)} words), articles/s of CPU time, median of ${ROUNDS} rounds:`
    )
    const precis = systems
      .filter((system) => system.name.startsWith('Précis'))
      .map((system) => ({ name: system.name, rate: median(rates.get(system.name) ?? []) }))
    for (const system of systems) {
      const rate = median(rates.get(system.name) ?? [])
      const ratios = system.name.startsWith('Précis')
        ? ''
        : `  (${precis.map((p) => `${p.name}: ${(p.rate / rate).toFixed(1)}×`).join('; ')})`
      console.log(`  ${system.name.padEnd(26)} ${fmt(rate).padStart(8)}/s${ratios}`)
    }
  }
}
