/**
 * Worst cases: inputs an attacker or a careless admin can send, timed through the same domain
 * calls a request makes (glossary matching, preferred-term display, summarize, render; or the
 * terminology check), each row's cost per character shown as a ratio to ordinary news text.
 * Linear time means every ratio stays small however large the input (issue #14 asks ≤ 5×).
 */
import { loadavg } from 'node:os'
import { BUNDLED_GLOSSARIES } from '../../src/glossary/bundled.generated'
import { findTermSpans } from '../../src/glossary/match'
import { checkTerminology, preferredDisplay } from '../../src/glossary/terms'
import type { Glossary } from '../../src/glossary/types'
import { buildGlossary } from '../../src/glossary/validate'
import type { LengthRequest } from '../../src/summarize/lengths'
import { renderSummary, summarize } from '../../src/summarize/summarize'
import { packTermSpans } from '../../src/usecases/packed-terms'
import { type BenchContext, readArticles } from './context'

const DEFAULT_LENGTHS: readonly LengthRequest[] = ['short', 'medium', 'long']

/**
 * What `/v1/summarize` computes for one request (minus HTTP, detection and caching): the glossary
 * occurrences, the sentence display, the summaries and their rendering, the packed `terms`.
 */
function summarizeRequest(
  text: string,
  language: string,
  glossary: Glossary | null,
  lengths: readonly LengthRequest[] = DEFAULT_LENGTHS
): number {
  const spans = glossary ? findTermSpans(glossary, text, language) : undefined
  const display = spans ? preferredDisplay(text, spans) : undefined
  const result = summarize(text, { language, lengths, ...(display ? { display } : {}) })
  let shown = 0
  for (const s of result.summaries) shown += renderSummary(text, s, display).length
  return shown + (spans ? packTermSpans(spans).at.length : 0)
}

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function lcg(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state
  }
}

/** `word` in `count` distinct casings (count ≤ 2^letters). */
function casings(word: string, count: number): string[] {
  const out: string[] = []
  for (let mask = 0; out.length < count; mask++) {
    out.push([...word].map((c, i) => ((mask >> i) & 1 ? c.toUpperCase() : c)).join(''))
  }
  return out
}

function glossaryOf(id: string, languages: string[], entries: object[]): Glossary {
  const result = buildGlossary(id, { languages, entries })
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)))
  return result.glossary
}

/** 1,600 case-sensitive entries, all one folded key (the shape that was text × patterns). */
function caseVariantGlossary(): Glossary {
  return glossaryOf(
    'case-variants',
    ['en'],
    casings('silkroadfund', 1600).map((t) => ({ terms: { en: [t] }, flags: ['case'] }))
  )
}

/** The largest chain of nested terms a glossary may hold: each term ends with the next. */
function nestedGlossary(depth: number): Glossary {
  return glossaryOf(
    'nested',
    ['zh'],
    Array.from({ length: depth }, (_, i) => ({ terms: { zh: ['丝'.repeat(i + 1)] } }))
  )
}

/** Chinese news-like prose written for this bench (no article data needed). */
const CHINESE =
  '中国与中亚五国领导人在西安举行首届峰会，讨论贸易、能源和交通合作。' +
  '会议期间，各方签署了多项协议，承诺加强丝绸之路沿线的基础设施建设。' +
  '分析人士说，这次峰会表明北京希望扩大在该地区的影响力，而莫斯科的作用正在减弱。' +
  '哈萨克斯坦总统表示，新的铁路和公路将缩短货物运输时间。\n\n'

const TEN_LENGTHS: readonly LengthRequest[] = [
  { sentences: 1 },
  { sentences: 2 },
  { sentences: 5 },
  { words: 20 },
  { words: 50 },
  { words: 120 },
  { characters: 80 },
  { characters: 200 },
  { characters: 500 },
  { sentences: 10, words: 300 },
]

type Row = { name: string; text: string; run: (text: string) => unknown }

function rows(news: string): Row[] {
  const bundled = BUNDLED_GLOSSARIES[0] ?? null
  const caseGlossary = caseVariantGlossary()
  const next = lcg(7)
  const variants = casings('silkroadfund', 1600)
  let caseText = ''
  while (caseText.length < 200_000) caseText += `${variants[next() % variants.length]} and `
  const nested = nestedGlossary(32)
  return [
    {
      name: 'news, bundled glossary',
      text: news,
      run: (t) => summarizeRequest(t, 'en', bundled),
    },
    { name: 'news, no glossary', text: news, run: (t) => summarizeRequest(t, 'en', null) },
    {
      name: '"丝路。" × 58,000, bundled glossary',
      text: '丝路。'.repeat(58_000),
      run: (t) => summarizeRequest(t, 'zh', bundled),
    },
    {
      name: '"Xian. " × 87,000, bundled glossary',
      text: 'Xian. '.repeat(87_000),
      run: (t) => summarizeRequest(t, 'en', bundled),
    },
    {
      name: '1,600 case variants: summarize 200 K',
      text: caseText,
      run: (t) => summarizeRequest(t, 'en', caseGlossary),
    },
    {
      name: '1,600 case variants: check 200 K',
      text: caseText,
      run: (t) => checkTerminology(caseGlossary, t, 'en'),
    },
    {
      name: '32 nested terms: summarize "丝" × 200 K',
      text: '丝'.repeat(200_000),
      run: (t) => summarizeRequest(t, 'zh', nested),
    },
    {
      name: '"丝路。" × 58,000, { characters: 5000 }',
      text: '丝路。'.repeat(58_000),
      run: (t) => summarizeRequest(t, 'zh', bundled, [{ characters: 5000 }]),
    },
    {
      name: '"丝路。" × 66,666, 10 × { characters: 1e5 }',
      text: '丝路。'.repeat(66_666),
      run: (t) =>
        summarizeRequest(
          t,
          'zh',
          bundled,
          Array.from({ length: 10 }, (_, i) => ({ characters: 100_000 - i }))
        ),
    },
    {
      name: '"1. " × 66,666',
      text: '1. '.repeat(66_666),
      run: (t) => summarizeRequest(t, 'en', bundled),
    },
    {
      name: '"A. " × 66,666',
      text: 'A. '.repeat(66_666),
      run: (t) => summarizeRequest(t, 'en', bundled),
    },
    {
      name: '""Abc def," he said. " × 10,000',
      text: '"Abc def," he said. '.repeat(10_000),
      run: (t) => summarizeRequest(t, 'en', bundled),
    },
    {
      name: '"中文。" × 80,000',
      text: '中文。'.repeat(80_000),
      run: (t) => summarizeRequest(t, 'zh', bundled),
    },
    {
      name: '"中文" × 100,000 (no punctuation)',
      text: '中文'.repeat(100_000),
      run: (t) => summarizeRequest(t, 'zh', bundled),
    },
    {
      name: 'Chinese news 200 K, ten custom lengths',
      text: CHINESE.repeat(Math.ceil(200_000 / CHINESE.length)).slice(0, 200_000),
      run: (t) => summarizeRequest(t, 'zh', bundled, TEN_LENGTHS),
    },
  ]
}

/**
 * Median milliseconds of `runs` calls, after two warm-up calls (`BENCH_RUNS=1`: one cold call).
 *
 * Time on the calling thread (`performance.now`), not process CPU time: V8's helper threads
 * (concurrent marking, background compilation) add to `process.cpuUsage` whatever earlier calls
 * left behind, which moved the median of the same row by 2× between runs. A Worker is billed the
 * CPU time of its request's thread. On an idle machine the two agree; on a loaded one, wall time
 * grows.
 */
function medianMs(fn: () => unknown, runs = Number(process.env.BENCH_RUNS ?? 9)): number {
  if (runs > 1) for (let i = 0; i < 2; i++) fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)[runs >> 1] ?? 0
}

/** English news prose of about 500 KB: the dev articles joined, or generated without data. */
function newsText(context: BenchContext): string {
  if (context.data) {
    const joined = readArticles(context.data)
      .filter((a) => a.lang === 'en')
      .map((a) => a.text)
      .join('\n\n')
    if (joined.length >= 100_000) return joined.slice(0, 500_000)
  }
  const next = lcg(42)
  const words = ['the', 'leaders', 'met', 'in', 'Xian', 'on', 'Tuesday', 'trade', 'said', 'NATO']
  let text = ''
  while (text.length < 500_000) {
    text += `${Array.from({ length: 18 }, () => words[next() % words.length]).join(' ')}. `
  }
  return text
}

export async function run(context: BenchContext): Promise<void> {
  const table = rows(newsText(context))
  const base = table[0] as Row
  const perChar = (ms: number, text: string) => ms / text.length
  const baseMs = medianMs(() => base.run(base.text))
  console.log(
    `\ndegenerate inputs through the request's domain calls, ms on the calling thread (median of ${process.env.BENCH_RUNS ?? 9}, load average ${loadavg()[0]?.toFixed(2)}); ratio = cost per character ÷ that of news with the bundled glossary (target ≤ 5×):`
  )
  for (const row of table) {
    const ms = row === base ? baseMs : medianMs(() => row.run(row.text))
    const ratio = perChar(ms, row.text) / perChar(baseMs, base.text)
    console.log(
      `  ${row.name.padEnd(42)} ${(row.text.length / 1000).toFixed(0).padStart(4)} K chars ${ms.toFixed(0).padStart(6)} ms ${ratio.toFixed(2).padStart(7)}×`
    )
  }
}
