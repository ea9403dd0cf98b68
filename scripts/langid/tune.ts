/**
 * `npx tsx scripts/langid/tune.ts [--pud file] [--grid name]` — 2-fold cross-validation of the
 * detector's few tunables on the dev set: for each half, the grid point with the best score
 * (strict macro pair + sentence + paragraph) on that half is chosen and reported on the other
 * half, so the figures printed for a fold were never tuned on it. Also prints, for the chosen
 * points, the PUD check set (never tuned on).
 *
 * Grids (`--grid`): `idms` (Indonesian/Malay marker weight, Indonesian share, model share) and
 * `danb` (Danish/Bokmål marker weight, model share).
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDetector, type DetectorConfig } from '../../src/langid/detect'
import { PAIRS, type PairMarkers } from '../../src/langid/pairs'
import { foldsOf, type Item } from './folds'

const here = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const read = (file: string): Item[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Item)

const dev = read(flag('dev') ?? path.resolve(here, '../../../shared/eval/langid-dev.jsonl'))
const pudFile = flag('pud') ?? path.resolve(here, '../../../shared/eval/langid-pud.jsonl')
const pud = existsSync(pudFile) ? read(pudFile) : []
const folds = foldsOf(dev)
const halves = [0, 1].map((f) => dev.filter((_, i) => folds[i] === f))

const KINDS = ['word_pair', 'sentence', 'paragraph'] as const
type Scores = Record<(typeof KINDS)[number], number>

/** Strict macro accuracy per kind (over the languages of `items`). */
function score(detect: (t: string) => { language: string }, items: readonly Item[]): Scores {
  const cells = new Map<string, { n: number; ok: number }>()
  for (const it of items) {
    if (!(KINDS as readonly string[]).includes(it.kind)) continue
    const key = `${it.kind}\t${it.lang}`
    const c = cells.get(key) ?? { n: 0, ok: 0 }
    c.n++
    if (detect(it.text).language === it.lang) c.ok++
    cells.set(key, c)
  }
  const out = {} as Scores
  for (const k of KINDS) {
    const accs = [...cells].filter(([key]) => key.startsWith(`${k}\t`)).map(([, c]) => c.ok / c.n)
    out[k] = accs.length ? (100 * accs.reduce((a, b) => a + b, 0)) / accs.length : Number.NaN
  }
  return out
}
const total = (s: Scores) =>
  KINDS.map((k) => s[k])
    .filter(Number.isFinite)
    .reduce((a, b) => a + b, 0)
const show = (s: Scores) => KINDS.map((k) => s[k].toFixed(2)).join(' / ')

type Point = { name: string; config: Partial<DetectorConfig> }

function pairsWith(code: string, change: Partial<PairMarkers>): PairMarkers[] {
  return PAIRS.map((p) => (p.a === code ? { ...p, ...change } : p))
}

const GRIDS: Record<string, () => Point[]> = {
  idms: () =>
    [0, 0.1, 0.25, 0.5, 1].flatMap((modelShare) =>
      [4, 10, 20].flatMap((weight) =>
        [0.2, 0.4, 0.7, 1].map((aWeight) => ({
          name: `share ${modelShare} weight ${weight} id ${aWeight}`,
          config: { pairs: pairsWith('id', { modelShare, weight, aWeight }) },
        }))
      )
    ),
  danb: () =>
    [0.25, 0.5, 1].flatMap((modelShare) =>
      [0, 2, 5, 10, 20].map((weight) => ({
        name: `share ${modelShare} weight ${weight}`,
        config: { pairs: pairsWith('da', { modelShare, weight }) },
      }))
    ),
}

const grid = GRIDS[flag('grid') ?? 'idms']?.()
if (!grid) throw new Error(`grids: ${Object.keys(GRIDS).join(', ')}`)
const only = (items: readonly Item[], langs?: string) =>
  langs ? items.filter((it) => langs.split(',').includes(it.lang)) : items

const table = grid.map((p) => {
  const detect = createDetector(p.config)
  return { point: p, halves: halves.map((h) => score(detect, h)) }
})
for (const [f, half] of halves.entries()) {
  const best = [...table].sort(
    (x, y) => total(y.halves[f] as Scores) - total(x.halves[f] as Scores)
  )[0]
  if (!best) continue
  const other = 1 - f
  console.log(
    `tuned on half ${f} (${half.length} items): ${best.point.name} — half ${f} ${show(best.halves[f] as Scores)}; held-out half ${other}: ${show(best.halves[other] as Scores)}`
  )
  if (pud.length) console.log(`  PUD: ${show(score(createDetector(best.point.config), only(pud)))}`)
}
const base = createDetector()
console.log(`shipped config: ${halves.map((h) => show(score(base, h))).join(' | ')}`)
if (args.includes('--all'))
  for (const t of table) console.log(`${t.point.name}: ${t.halves.map((h) => show(h)).join(' | ')}`)
