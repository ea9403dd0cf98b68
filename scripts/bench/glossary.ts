import { performance } from 'node:perf_hooks'
import { BUNDLED_GLOSSARIES } from '../../src/glossary/bundled.generated'
import { matchKey } from '../../src/glossary/fold'
import { compileMatcher } from '../../src/glossary/match'
import type { Glossary, GlossaryEntry } from '../../src/glossary/types'
import { buildGlossary } from '../../src/glossary/validate'
import { type BenchContext, fmt, readArticles, throughput, wordCount } from './context'

const TARGET_WORDS = 5000
const TARGET_TERMS = 1000

/** About 5,000 words of English news: dev articles joined, or a generated text without data. */
function article(context: BenchContext): string {
  const parts: string[] = []
  let words = 0
  if (context.data) {
    for (const a of readArticles(context.data)) {
      if (a.lang !== 'en') continue
      parts.push(a.text)
      words += wordCount(a.text)
      if (words >= TARGET_WORDS) break
    }
  }
  // deterministic filler (a linear congruential generator), for runs without the data set
  let seed = 42
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
  }
  const vocabulary = [
    'the',
    'summit',
    'in',
    "Xi'an",
    'leaders',
    'of',
    'Kazakhstan',
    'trade',
    'said',
    'NATO',
    'Beijing',
    'agency',
  ]
  while (words < TARGET_WORDS) {
    parts.push(
      `${Array.from({ length: 20 }, () => vocabulary[next() % vocabulary.length]).join(' ')}.`
    )
    words += 20
  }
  return parts.join('\n\n')
}

/**
 * 1,000 English terms: the bundled glossary's, plus capitalized word pairs and triples taken
 * from the article (so many occur, and many more share prefixes with its words), plus names.
 */
function glossaryFor(text: string): Glossary {
  const bundled = BUNDLED_GLOSSARIES[0]
  const entries: GlossaryEntry[] = bundled
    ? bundled.entries.map((e) => ({
        terms: { en: [...(e.terms.en ?? [])] },
        forbidden: {},
        flags: e.flags,
      }))
    : []
  const used = new Set(entries.flatMap((e) => (e.terms.en ?? []).map((t) => matchKey(t))))
  const words = text.split(/[^\p{L}\p{N}']+/u).filter((w) => w.length > 2)
  const add = (term: string): void => {
    const key = matchKey(term)
    if (entries.length >= TARGET_TERMS || used.has(key)) return
    used.add(key)
    entries.push({ terms: { en: [term] }, forbidden: {}, flags: [] })
  }
  for (let i = 0; i + 2 < words.length && entries.length < TARGET_TERMS * 0.8; i += 7) {
    const [a, b, c] = [words[i], words[i + 1], words[i + 2]]
    if (a && b && /^\p{Lu}/u.test(a)) add(i % 2 === 0 ? `${a} ${b}` : `${a} ${b} ${c}`)
  }
  for (let i = 0; entries.length < TARGET_TERMS; i++)
    add(`Person${i.toString(36)} Surname${(i * 7919).toString(36)}`)
  const result = buildGlossary('bench', { languages: ['en'], entries })
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)))
  return result.glossary
}

export async function run(context: BenchContext): Promise<void> {
  const text = article(context)
  const glossary = glossaryFor(text)
  const t0 = performance.now()
  const matcher = compileMatcher(glossary, 'en')
  const compileMs = performance.now() - t0
  const sparse = compileMatcher(glossary, 'en', { denseLimit: 0 })
  const matches = matcher.find(text)
  console.log(
    `glossary: ${glossary.entries.length} terms (${matcher.patternCount} patterns), article ${wordCount(text)} words / ${text.length} chars, ${matches.length} matches; compile ${compileMs.toFixed(1)} ms (once per glossary version)`
  )
  for (const [name, m] of [
    ['dense', matcher],
    ['sparse', sparse],
  ] as const) {
    const t = throughput(() => m.find(text))
    console.log(
      `match (${name} automaton): ${(1000 / t.cpu).toFixed(3)} ms per article (cpu), ${(1000 / t.wall).toFixed(3)} ms (wall), ${fmt(t.cpu)} articles/s`
    )
  }
}
