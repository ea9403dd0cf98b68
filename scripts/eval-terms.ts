/**
 * `npm run eval:terms` — terminology compliance of translation, with and without the glossary.
 *
 * Runs the terminology set (default `../shared/eval/terminology-dev.jsonl` and the glossary TSV
 * beside it) en→es through real Apertium, and prints for each mode the share of expected terms
 * present, forbidden terms found, items fully compliant, and the placeholder-loss rate.
 *
 *   npm run eval:terms                       through the running API (--api http://127.0.0.1:8787)
 *   npm run eval:terms -- --library          the pipeline in-process, APy at APERTIUM_URL
 *   npm run eval:terms -- --data other.jsonl [--glossary other.tsv] [--verbose]
 *
 * API mode uploads the glossary with `PUT /v1/glossaries/{id}` (needs ADMIN_TOKEN, from the
 * environment or `.dev.vars`) and translates with `POST /v1/translate`.
 *
 * The eval TSV has columns `en`, `es`, `kind`; kinds become glossary flags: `dnt` → `dnt`,
 * `currency` → `inflect`, `variant` rows → variants of the concept with the same target term,
 * `name`/`org` → no flag (the default rule protects capitalised terms).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApertiumProvider } from '../src/adapters/engines/apertium'
import type { Glossary } from '../src/glossary/types'
import { translateTexts } from '../src/translate/pipeline'
import { glossaryFrom, type Row, rowsToTsv } from '../test/support/glossary'

type Item = {
  id: string
  source: string
  target: string
  text: string
  expect: string[]
  forbid: string[]
}

/** What one mode produced for one item. */
type Output = { text: string; placeholders: number; placeholdersLost: number }

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..')
const args = process.argv.slice(2)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const dataFile = path.resolve(
  option('--data') ?? path.resolve(root, '../shared/eval/terminology-dev.jsonl')
)
const glossaryFile = path.resolve(
  option('--glossary') ?? dataFile.replace(/\.jsonl$/, '.glossary.tsv')
)
// A clone without the team's evaluation folder beside it: say what to pass, as `npm run eval` does.
for (const [file, flag] of [
  [dataFile, '--data <items.jsonl>'],
  [glossaryFile, '--glossary <glossary.tsv>'],
] as const) {
  if (!existsSync(file)) {
    console.error(`No terminology eval data: ${file} does not exist. Pass ${flag}.`)
    process.exit(2)
  }
}
const library = args.includes('--library')
const verbose = args.includes('--verbose')
const api = (option('--api') ?? 'http://127.0.0.1:8787').replace(/\/+$/, '')
const apertiumUrl = process.env.APERTIUM_URL ?? 'http://127.0.0.1:2737'

function fold(text: string): string {
  return text.replace(/[’ʼ]/g, "'")
}

function readItems(file: string): Item[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Item)
}

/** The eval TSV as glossary rows (see the module comment for the kind → flag mapping). */
function readGlossaryRows(file: string): Row[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n').filter(Boolean)
  const columns = (header ?? '').split('\t')
  const rows: Array<{ en: string[]; es: string; flags: string[] }> = []
  for (const line of lines) {
    const cells = Object.fromEntries(line.split('\t').map((cell, i) => [columns[i], cell.trim()]))
    const en = cells.en ?? ''
    const es = cells.es ?? ''
    const kind = cells.kind ?? ''
    if (kind === 'variant') {
      const concept = rows.find((r) => r.es === es)
      if (concept) {
        concept.en.push(en)
        continue
      }
    }
    rows.push({
      en: [en],
      es,
      flags: kind === 'dnt' ? ['dnt'] : kind === 'currency' ? ['inflect'] : [],
    })
  }
  return rows.map((r) => ({ en: r.en.join('|'), es: r.es, flags: r.flags.join(',') }))
}

async function viaLibrary(items: Item[], glossary: Glossary | null): Promise<Output[]> {
  const provider = createApertiumProvider({ url: apertiumUrl })
  const outputs: Output[] = []
  // One call per item, like a CMS sending one article at a time.
  for (const item of items) {
    const { translations } = await translateTexts([item.text], {
      provider,
      source: item.source,
      target: item.target,
      glossary,
    })
    const t = translations[0]
    if (!t) throw new Error(`no translation for ${item.id}`)
    outputs.push({
      text: t.text,
      placeholders: t.stats.placeholders,
      placeholdersLost: t.stats.placeholdersLost,
    })
  }
  return outputs
}

function adminToken(): string {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN
  const devVars = path.join(root, '.dev.vars')
  if (existsSync(devVars)) {
    const match = /^ADMIN_TOKEN\s*=\s*"?([^"\n]*)"?/m.exec(readFileSync(devVars, 'utf8'))
    if (match?.[1]) return match[1]
  }
  throw new Error('API mode needs ADMIN_TOKEN (environment or .dev.vars) to upload the glossary')
}

async function uploadGlossary(id: string, rows: readonly Row[]): Promise<void> {
  const response = await fetch(`${api}/v1/glossaries/${id}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${adminToken()}`,
      'content-type': 'text/tab-separated-values; charset=utf-8',
    },
    body: rowsToTsv(rows),
  })
  if (!response.ok) {
    throw new Error(`glossary upload: ${response.status} ${await response.text()}`)
  }
}

type ApiTranslation = {
  text: string
  debug?: { placeholders?: number; placeholdersLost?: number }
}

async function viaApi(items: Item[], glossaryId: string | null): Promise<Output[]> {
  const outputs: Output[] = []
  for (const item of items) {
    const response = await fetch(`${api}/v1/translate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' },
      body: JSON.stringify({
        text: item.text,
        source: item.source,
        target: item.target,
        glossary: glossaryId,
        provider: 'apertium',
        debug: true,
      }),
    })
    if (!response.ok) throw new Error(`${item.id}: ${response.status} ${await response.text()}`)
    const body = (await response.json()) as { translations: ApiTranslation[] }
    const t = body.translations[0]
    if (!t) throw new Error(`${item.id}: no translation`)
    outputs.push({
      text: t.text,
      placeholders: t.debug?.placeholders ?? 0,
      placeholdersLost: t.debug?.placeholdersLost ?? 0,
    })
  }
  return outputs
}

type Score = {
  expectedPresent: number
  expectedTotal: number
  forbiddenFound: number
  compliantItems: number
  placeholders: number
  placeholdersLost: number
}

function score(items: Item[], outputs: Output[], label: string): Score {
  const s: Score = {
    expectedPresent: 0,
    expectedTotal: 0,
    forbiddenFound: 0,
    compliantItems: 0,
    placeholders: 0,
    placeholdersLost: 0,
  }
  items.forEach((item, i) => {
    const output = outputs[i] as Output
    const text = fold(output.text)
    const present = item.expect.filter((e) => text.includes(fold(e)))
    const forbidden = item.forbid.filter((f) => text.includes(fold(f)))
    s.expectedPresent += present.length
    s.expectedTotal += item.expect.length
    s.forbiddenFound += forbidden.length
    s.placeholders += output.placeholders
    s.placeholdersLost += output.placeholdersLost
    const ok = present.length === item.expect.length && forbidden.length === 0
    if (ok) s.compliantItems++
    if (verbose || (!ok && label === 'glossary')) {
      const missing = item.expect.filter((e) => !present.includes(e))
      console.log(
        `  ${ok ? 'ok  ' : 'FAIL'} [${label}] ${item.id}: ${output.text.replace(/\n/g, '⏎')}${
          missing.length > 0 ? `  (missing ${missing.join(', ')})` : ''
        }${forbidden.length > 0 ? `  (forbidden ${forbidden.join(', ')})` : ''}`
      )
    }
  })
  return s
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`
}

const items = readItems(dataFile)
const rows = readGlossaryRows(glossaryFile)
console.log(`# Terminology eval — ${items.length} items from ${path.relative(root, dataFile)}`)
console.log(
  `# glossary: ${rows.length} concepts from ${path.relative(root, glossaryFile)}; engine: Apertium (${
    library ? `${apertiumUrl}, in-process pipeline` : `through ${api}`
  })`
)

let without: Output[]
let withGlossary: Output[]
if (library) {
  const glossary = glossaryFrom(rows, 'terminology-dev')
  without = await viaLibrary(items, null)
  withGlossary = await viaLibrary(items, glossary)
} else {
  const id = 'eval-terminology-dev'
  await uploadGlossary(id, rows)
  without = await viaApi(items, null)
  withGlossary = await viaApi(items, id)
}

const base = score(items, without, 'baseline')
const enforced = score(items, withGlossary, 'glossary')
const cell = (part: number, whole: number, width: number) =>
  `${part}/${whole} ${pct(part, whole)}`.padStart(width)
const line = (label: string, s: Score) =>
  [
    label.padEnd(16),
    cell(s.expectedPresent, s.expectedTotal, 16),
    String(s.forbiddenFound).padStart(9),
    cell(s.compliantItems, items.length, 15),
    s.placeholders === 0 ? '—'.padStart(17) : cell(s.placeholdersLost, s.placeholders, 17),
  ].join(' | ')
console.log('')
console.log('mode             | expected present | forbidden | compliant items | placeholders lost')
console.log('-----------------|------------------|-----------|-----------------|------------------')
console.log(line('no glossary', base))
console.log(line('with glossary', enforced))
const targetMet =
  enforced.expectedPresent === enforced.expectedTotal && enforced.forbiddenFound === 0
console.log(
  `\ntarget (100 % expected, 0 forbidden with the glossary): ${targetMet ? 'MET' : 'NOT MET'}`
)
process.exitCode = targetMet ? 0 : 1
