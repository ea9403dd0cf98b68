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

/**
 * Long and degenerate inputs (the HTTP body limit is 512 KiB): time per call, to show that cost
 * stays linear where V8's Intl.Segmenter alone would not.
 */
function worstCases(
  articles: readonly Article[]
): Array<{ name: string; text: string; language: string }> {
  const news = articles
    .map((a) => a.text)
    .join('\n\n')
    .slice(0, 500_000)
  return [
    { name: '500 KB of news articles', text: news, language: 'en' },
    { name: '"A. " × 66,666', text: 'A. '.repeat(66_666), language: 'en' },
    { name: '"1. " × 66,666', text: '1. '.repeat(66_666), language: 'en' },
    {
      name: '""Abc def," he said. " × 10,000',
      text: '"Abc def," he said. '.repeat(10_000),
      language: 'en',
    },
    { name: '"中文。" × 80,000', text: '中文。'.repeat(80_000), language: 'zh' },
    { name: '"中文" × 100,000 (no punctuation)', text: '中文'.repeat(100_000), language: 'zh' },
  ]
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
  console.log(
    '\nlong and degenerate inputs, Précis short+medium+long, ms per call (CPU, best of 3):'
  )
  for (const { name, text, language } of worstCases(articles)) {
    let best = Number.POSITIVE_INFINITY
    for (let i = 0; i < 3; i++) {
      const before = process.cpuUsage()
      summarize(text, { language, lengths: ['short', 'medium', 'long'] })
      const used = process.cpuUsage(before)
      best = Math.min(best, (used.user + used.system) / 1000)
    }
    console.log(
      `  ${name.padEnd(40)} ${(text.length / 1000).toFixed(0).padStart(4)} K chars ${best.toFixed(0).padStart(6)} ms`
    )
  }
}
