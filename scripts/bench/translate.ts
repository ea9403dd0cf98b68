/**
 * Cost of glossary enforcement around the engine, per 1,000 words: planning, masking,
 * segmentation, placeholder checks, repair, restore and the report. The engine is an identity
 * function (placeholders come back intact) and the matcher's result is computed once up front —
 * matching is the glossary section's figure — so what remains is exactly the translation
 * pipeline's own work. A second figure includes the real matcher (`findTerms`, compiled once per
 * glossary version and cached, as in the Worker), i.e. everything but the engine.
 */

import { findTerms as findGlossaryTerms } from '../../src/glossary/match'
import { translateTexts } from '../../src/translate/pipeline'
import type { TranslationProvider } from '../../src/translate/types'
import { ENGLISH_ARTICLE } from '../../test/fixtures/articles'
import { SUMMIT_GLOSSARY, SUMMIT_STORY } from '../../test/fixtures/central-asia'
import { glossaryFrom } from '../../test/support/glossary'
import { type BenchContext, fmt, wordCount } from './context'

/** Returns every segment unchanged, at no cost worth measuring. */
const identity: TranslationProvider = {
  name: 'identity',
  maxSegmentChars: 4000,
  translate: async (segments) => segments,
  languages: async () => ({ sources: [], targets: [] }),
}

/** Calls per second of process CPU time for an async function (after a warm-up). */
async function asyncThroughput(fn: () => Promise<unknown>, seconds = 2): Promise<number> {
  const warm = performance.now()
  while (performance.now() - warm < 300) await fn()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  let runs = 0
  while (performance.now() - t0 < seconds * 1000) {
    await fn()
    runs++
  }
  const used = process.cpuUsage(cpu0)
  return runs / ((used.user + used.system) / 1e6)
}

export async function run(_context: BenchContext): Promise<void> {
  // ~1,000 words: the summit story (dense with terms) alternating with ordinary news prose.
  let text = ''
  while (wordCount(text) < 1000) text += `${SUMMIT_STORY}\n\n${ENGLISH_ARTICLE}\n\n`
  const words = wordCount(text)
  const glossary = glossaryFrom(SUMMIT_GLOSSARY)
  const matches = findGlossaryTerms(glossary, text.normalize('NFC'), 'en')
  const findTerms = () => matches
  const base = { provider: identity, source: 'en', target: 'es' }

  const withGlossary = await asyncThroughput(() =>
    translateTexts([text], { ...base, glossary, findTerms })
  )
  // The same with the real matcher on every call (compiled once and cached, as in the Worker).
  const withMatcher = await asyncThroughput(() => translateTexts([text], { ...base, glossary }))
  const without = await asyncThroughput(() => translateTexts([text], { ...base, glossary: null }))
  const per1000 = (callsPerSecond: number) => ((1000 / callsPerSecond) * 1000) / words

  const sample = await translateTexts([text], { ...base, glossary, findTerms })
  const stats = sample.translations[0]?.stats
  console.log(
    `text: ${words} words, ${matches.length} glossary occurrences, ${stats?.placeholders} placeholders, ${stats?.segments} segments`
  )
  console.log(
    `pipeline with glossary (engine and matcher excluded): ${fmt(per1000(withGlossary) * 1000)} µs per 1,000 words (${fmt(withGlossary)} texts/s, cpu)`
  )
  console.log(
    `pipeline with glossary, matcher included:             ${fmt(per1000(withMatcher) * 1000)} µs per 1,000 words`
  )
  console.log(
    `pipeline without glossary (segmentation only):        ${fmt(per1000(without) * 1000)} µs per 1,000 words`
  )
  console.log(
    `enforcement overhead: ${per1000(withGlossary).toFixed(3)} ms per 1,000 words; ${per1000(withMatcher).toFixed(3)} ms with the matcher (target < 0.5 ms)`
  )
}
