/**
 * `npm run eval:candidates` — precision and recall of term discovery (`src/glossary/candidates`)
 * on the team's example articles (`examples/articles/`, annotated in `annotations.json`), with
 * the bundled glossary the annotation names, overall and per language, plus the variant groups
 * expected and found. Figures are printed per split: `tuning` articles were used to shape the
 * rules, `held-out` articles were not (their figures are the ones to quote).
 *
 * A predicted term is correct when it is one of the spellings of an expected item (compared as
 * the glossary matcher compares terms); an item is found when any of its spellings is predicted.
 * `--verbose` lists misses and false positives.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BUNDLED_GLOSSARIES } from '../src/glossary/bundled.generated'
import { findCandidates } from '../src/glossary/candidates'
import { matchKey } from '../src/glossary/fold'

type Item = { kind: string; terms: string[] }
type Article = {
  file: string
  language: string
  split: 'tuning' | 'held-out'
  expected: Item[]
  variants: string[][]
}
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'articles')
const annotations = JSON.parse(readFileSync(path.join(dir, 'annotations.json'), 'utf8')) as {
  glossary: string
  articles: Article[]
}
const glossary = BUNDLED_GLOSSARIES.find((g) => g.id === annotations.glossary)
const verbose = process.argv.includes('--verbose')

type Tally = {
  tp: number
  predicted: number
  found: number
  expected: number
  groups: number
  groupsFound: number
}
const zero = (): Tally => ({
  tp: 0,
  predicted: 0,
  found: 0,
  expected: 0,
  groups: 0,
  groupsFound: 0,
})
// split → language → tally ('all' sums the languages)
const tallies = new Map<string, Map<string, Tally>>()
const tallyOf = (split: string, language: string): Tally => {
  const bySplit = tallies.get(split) ?? new Map<string, Tally>()
  tallies.set(split, bySplit)
  const t = bySplit.get(language) ?? zero()
  bySplit.set(language, t)
  return t
}
const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`)

for (const article of annotations.articles) {
  const text = readFileSync(path.join(dir, article.file), 'utf8')
  const result = findCandidates([text], {
    language: article.language,
    ...(glossary !== undefined ? { glossary } : {}),
  })
  const itemOf = new Map<string, number>()
  article.expected.forEach((item, i) => {
    for (const t of item.terms) itemOf.set(matchKey(t, true), i)
  })
  const predicted = result.candidates.map((c) => c.term)
  const foundItems = new Set<number>()
  const falsePositives: string[] = []
  let tp = 0
  for (const term of predicted) {
    const i = itemOf.get(matchKey(term, true))
    if (i === undefined) falsePositives.push(term)
    else {
      tp++
      foundItems.add(i)
    }
  }
  // an expected variant set counts as grouped when one found group holds all its spellings
  // that were predicted, and at least two of them
  let groupsFound = 0
  for (const variants of article.variants) {
    const keys = new Set(variants.map((v) => matchKey(v, true)))
    if (result.groups.some((g) => g.terms.filter((t) => keys.has(matchKey(t, true))).length >= 2))
      groupsFound++
  }
  const t: Tally = {
    tp,
    predicted: predicted.length,
    found: foundItems.size,
    expected: article.expected.length,
    groups: article.variants.length,
    groupsFound,
  }
  for (const split of [article.split, 'both']) {
    for (const language of [article.language, 'overall']) {
      const sum = tallyOf(split, language)
      for (const k of Object.keys(t) as (keyof Tally)[]) sum[k] += t[k]
    }
  }
  console.log(
    `[${article.split}] ${article.file}: precision ${pct(tp, predicted.length)} (${tp}/${predicted.length}), recall ${pct(foundItems.size, article.expected.length)} (${foundItems.size}/${article.expected.length}), variant groups ${groupsFound}/${article.variants.length}`
  )
  for (const g of result.groups) console.log(`  group: ${g.terms.join(' | ')}`)
  if (verbose) {
    const missed = article.expected.filter((_, i) => !foundItems.has(i)).map((i) => i.terms[0])
    console.log(`  missed: ${missed.join('; ') || '-'}`)
    console.log(`  false positives: ${falsePositives.join('; ') || '-'}`)
  }
}
for (const split of ['held-out', 'tuning', 'both']) {
  const bySplit = tallies.get(split)
  if (bySplit === undefined) continue
  console.log('')
  console.log(
    `${split === 'both' ? 'all articles' : `${split} articles`}\nlanguage  precision         recall            variant groups`
  )
  const rows = [...bySplit.entries()].sort(([a], [b]) =>
    a === 'overall' ? 1 : b === 'overall' ? -1 : a.localeCompare(b)
  )
  for (const [language, t] of rows) {
    console.log(
      `${language.padEnd(9)} ${`${pct(t.tp, t.predicted)} (${t.tp}/${t.predicted})`.padEnd(17)} ${`${pct(t.found, t.expected)} (${t.found}/${t.expected})`.padEnd(17)} ${t.groupsFound}/${t.groups}`
    )
  }
}
