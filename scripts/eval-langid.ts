/**
 * `npm run eval:langid [-- file.jsonl] [--limit N] [--fold 0|1] [--detectors a,b] [--calibrate]` — accuracy of
 * the language detector on a JSONL file of `{ lang, text, kind }` items.
 *
 * Default data: `../shared/eval/langid-dev.jsonl` (relative to the repo root) when it exists.
 * Scoring matches `shared/eval/langid-harness.mjs`: strict ISO 639-1 match, macro average over the
 * languages of the file, `und` counts as wrong; the lenient figure also accepts id↔ms confusions
 * (Lingua's Malay test set is mostly Indonesian-spelled web text).
 *
 * Prints, for Précis, plain franc and franc `only` 33 in the same run: accuracy per kind, per
 * language, the top confusion pairs, and (Précis) a reliability table of `confidence` vs accuracy.
 * `--ablation` adds Précis with components switched off.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { franc } from 'franc'
import { LANGUAGES, languageByFranc } from '../src/langid/codes'
import { createDetector, type DetectorConfig, detectLanguage } from '../src/langid/detect'
import { FRANC_ALL_PROFILES as FRANC_PROFILES } from '../test/fixtures/franc-all.generated'
import { foldsOf } from './langid/folds'

type Row = { lang: string; text: string; kind: string }
type Detector = {
  name: string
  detect: (text: string) => { language: string; confidence?: number }
}

const KINDS = ['single_word', 'word_pair', 'sentence', 'paragraph'] as const
const SHORT: Record<string, string> = {
  single_word: 'word',
  word_pair: 'pair',
  sentence: 'sentence',
  paragraph: 'paragraph',
}

const here = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const positional = args.filter(
  (a, i) =>
    !a.startsWith('--') &&
    !['--limit', '--detectors', '--config', '--model', '--short-model', '--fold'].includes(
      args[i - 1] ?? ''
    )
)
const defaultData = path.resolve(here, '../../shared/eval/langid-dev.jsonl')
const dataPath = positional[0] ?? (existsSync(defaultData) ? defaultData : undefined)
if (!dataPath || !existsSync(dataPath)) {
  console.error(
    `No evaluation data at ${dataPath ?? defaultData}. Pass a JSONL file of {lang, text, kind} lines, e.g.\n  npm run eval:langid -- ../shared/eval/langid-dev.jsonl`
  )
  process.exit(2)
}
const limit = Number(flag('limit') ?? 0)

// `--fold 0|1`: only that half of the file (scripts/langid/folds.ts), for 2-fold cross-validation.
const fold = flag('fold')

function readRows(file: string): Row[] {
  let rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row)
  if (fold !== undefined) {
    const folds = foldsOf(rows)
    rows = rows.filter((_, i) => folds[i] === Number(fold))
  }
  if (!limit) return rows
  const seen = new Map<string, number>()
  return rows.filter((r) => {
    const k = `${r.lang}\t${r.kind}`
    seen.set(k, (seen.get(k) ?? 0) + 1)
    return (seen.get(k) ?? 0) <= limit
  })
}

/** franc's answer as ISO 639-1 (`und` when franc has no 639-1 code for it among ours). */
const fromFranc = (code: string): string => {
  if (code === 'und') return 'und'
  return languageByFranc(code)?.code ?? code
}
const only33 = LANGUAGES.map((l) => l.franc)

// `--config '{"francWeight":2}'` evaluates Précis with other settings (for ablations).
const override = flag('config')
// `--model file.ts` evaluates another generated model (from `build:langid -- --out file.ts`).
const modelFile = flag('model')
const altModel = modelFile
  ? ((await import(path.resolve(modelFile))) as { MODEL: DetectorConfig['model'] }).MODEL
  : undefined
// `--short-model file.ts` evaluates another short-text model (texts under `shortBelow` characters).
const shortFile = flag('short-model')
const altShort = shortFile
  ? ((await import(path.resolve(shortFile))) as { MODEL: DetectorConfig['model'] }).MODEL
  : undefined
const precis =
  override || altModel || altShort
    ? createDetector({
        ...(override ? (JSON.parse(override) as Partial<DetectorConfig>) : {}),
        ...(altModel ? { model: altModel } : {}),
        ...(altShort ? { shortModel: altShort } : {}),
      })
    : (t: string) => detectLanguage(t)
const detectors: Detector[] = [
  { name: 'Précis', detect: (t) => precis(t) },
  { name: 'franc (plain)', detect: (t) => ({ language: fromFranc(franc(t)) }) },
  { name: 'franc only 33', detect: (t) => ({ language: fromFranc(franc(t, { only: only33 })) }) },
]
// `--ablation` adds Précis variants: each component switched off, and franc's scorer in its place.
if (args.includes('--ablation')) {
  detectors.push(
    { name: 'Précis − pair markers', detect: createDetector({ markerWeight: 0 }) },
    { name: 'Précis − frequent-word lists', detect: createDetector({ wordWeight: 0 }) },
    {
      name: 'Précis + franc distance (w=1)',
      detect: createDetector({ franc: FRANC_PROFILES, francWeight: 1 }),
    },
    {
      name: 'script rules + franc profiles',
      detect: createDetector({
        franc: FRANC_PROFILES,
        ngram: false,
        markerWeight: 0,
        wordWeight: 0,
      }),
    }
  )
}
const picked = flag('detectors')?.split(',')
const active = picked
  ? detectors.filter((d) => picked.some((p) => d.name.toLowerCase().startsWith(p.toLowerCase())))
  : detectors

const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length
const pct = (x: number | undefined): string => (x === undefined ? '   – ' : (x * 100).toFixed(1))
const lenientOk = (gold: string, got: string): boolean =>
  got === gold || ((gold === 'id' || gold === 'ms') && (got === 'id' || got === 'ms'))

type Cell = { n: number; ok: number; lenient: number; und: number }
type Report = {
  name: string
  seconds: number
  langs: string[]
  kinds: string[]
  cells: Map<string, Cell>
  confusion: Map<string, number>
  calibration: Array<{ n: number; ok: number; sum: number }>
}

function evaluate(det: Detector, rows: readonly Row[]): Report {
  const cells = new Map<string, Cell>()
  const confusion = new Map<string, number>()
  const calibration = Array.from({ length: 10 }, () => ({ n: 0, ok: 0, sum: 0 }))
  const t0 = performance.now()
  for (const r of rows) {
    const d = det.detect(r.text)
    const key = `${r.lang}\t${r.kind}`
    const c = cells.get(key) ?? { n: 0, ok: 0, lenient: 0, und: 0 }
    c.n++
    if (d.language === r.lang) c.ok++
    if (lenientOk(r.lang, d.language)) c.lenient++
    if (d.language === 'und') c.und++
    cells.set(key, c)
    if (d.language !== r.lang && (r.kind === 'sentence' || r.kind === 'paragraph')) {
      const p = `${r.lang}→${d.language}`
      confusion.set(p, (confusion.get(p) ?? 0) + 1)
    }
    if (d.confidence !== undefined && d.language !== 'und') {
      const b = calibration[Math.min(9, Math.floor(d.confidence * 10))]
      if (b) {
        b.n++
        b.sum += d.confidence
        if (d.language === r.lang) b.ok++
      }
    }
  }
  const langs = [...new Set(rows.map((r) => r.lang))].sort()
  const kinds = KINDS.filter((k) => rows.some((r) => r.kind === k))
  return {
    name: det.name,
    seconds: (performance.now() - t0) / 1000,
    langs,
    kinds,
    cells,
    confusion,
    calibration,
  }
}

const acc = (r: Report, lang: string, kind: string, field: 'ok' | 'lenient' | 'und' = 'ok') => {
  const c = r.cells.get(`${lang}\t${kind}`)
  return c ? c[field] / c.n : undefined
}
const macro = (r: Report, kind: string, field: 'ok' | 'lenient' | 'und' = 'ok') =>
  mean(r.langs.map((l) => acc(r, l, kind, field) ?? 0))

const rows = readRows(dataPath)

// `--calibrate`: fits confidence = σ(a · margin + b) to whether Précis's ranked answers are right
// (logistic regression, Newton's method), prints a and b for DetectorConfig.calibration, and exits.
if (args.includes('--calibrate')) {
  let margin = Number.NaN
  const detect = createDetector({ onMargin: (m) => (margin = m) })
  const points: Array<[number, number]> = []
  for (const r of rows) {
    margin = Number.NaN
    const d = detect(r.text)
    if (Number.isFinite(margin)) points.push([Math.log1p(margin), d.language === r.lang ? 1 : 0])
  }
  // Isotonic regression (pool adjacent violators) over quantile bins of ln(1 + margin).
  points.sort((x, y) => x[0] - y[0])
  const bins = 24
  let blocks: Array<{ t: number; ok: number; n: number }> = []
  for (let i = 0; i < bins; i++) {
    const part = points.slice(
      Math.floor((i * points.length) / bins),
      Math.floor(((i + 1) * points.length) / bins)
    )
    if (part.length === 0) continue
    blocks.push({
      t: part.reduce((s, p) => s + p[0], 0) / part.length,
      ok: part.reduce((s, p) => s + p[1], 0),
      n: part.length,
    })
  }
  for (let merged = true; merged; ) {
    merged = false
    const next: typeof blocks = []
    for (const b of blocks) {
      const last = next.at(-1)
      if (last && last.ok / last.n >= b.ok / b.n) {
        last.t = (last.t * last.n + b.t * b.n) / (last.n + b.n)
        last.ok += b.ok
        last.n += b.n
        merged = true
      } else next.push({ ...b })
    }
    blocks = next
  }
  const knots = blocks.map((b) => `[${b.t.toFixed(3)}, ${(b.ok / b.n).toFixed(4)}]`)
  console.log(`// calibration from ${points.length} ranked answers in ${path.basename(dataPath)}`)
  console.log(`const CALIBRATION: DetectorConfig['calibration'] = [\n  ${knots.join(',\n  ')},\n]`)
  process.exit(0)
}
console.log(
  `# langid eval — ${path.relative(process.cwd(), dataPath)}: ${rows.length} items, ${new Set(rows.map((r) => r.lang)).size} languages`
)
const reports = active.map((d) => evaluate(d, rows))
const first = reports[0]
if (!first) process.exit(0)

// Per-kind summary, one line per detector.
console.log('\n## Macro accuracy per kind (%)\n')
const head = [
  'detector',
  ...first.kinds.map((k) => SHORT[k] ?? k),
  'lenient id/ms',
  'und %',
  'items/s',
]
console.log(`| ${head.join(' | ')} |`)
console.log(`|${head.map(() => '---').join('|')}|`)
for (const r of reports) {
  const lenient = r.kinds.map((k) => `${SHORT[k]} ${pct(macro(r, k, 'lenient'))}`).join(', ')
  const und = r.kinds.map((k) => pct(macro(r, k, 'und'))).join('/')
  console.log(
    `| ${r.name} | ${r.kinds.map((k) => pct(macro(r, k))).join(' | ')} | ${lenient} | ${und} | ${Math.round(rows.length / r.seconds)} |`
  )
}

// Per-language table: Précis for every kind, then the comparison detectors on sentences.
console.log(`\n## Per language (%): ${first.name} per kind; others on sentences\n`)
const others = reports.slice(1)
const langHead = [
  'lang',
  ...first.kinds.map((k) => SHORT[k] ?? k),
  ...others.map((o) => `${o.name} sent`),
]
console.log(`| ${langHead.join(' | ')} |`)
console.log(`|${langHead.map(() => '---').join('|')}|`)
for (const l of first.langs) {
  const cols = [
    l,
    ...first.kinds.map((k) => pct(acc(first, l, k))),
    ...others.map((o) => pct(acc(o, l, 'sentence'))),
  ]
  console.log(`| ${cols.join(' | ')} |`)
}

for (const r of reports) {
  const top = [...r.confusion.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)
  console.log(
    `\n${r.name} — top confusions (sentence + paragraph): ${top.map(([p, n]) => `${p} ${n}`).join(', ')}`
  )
}

// Reliability: is `confidence` honest? Pooled over all non-und answers.
console.log(`\n## ${first.name} confidence calibration (all kinds, non-und answers)\n`)
console.log('| confidence | n | mean confidence | accuracy |')
console.log('|---|---|---|---|')
first.calibration.forEach((b, i) => {
  if (b.n === 0) return
  console.log(
    `| ${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)} | ${b.n} | ${pct(b.sum / b.n)} | ${pct(b.ok / b.n)} |`
  )
})
console.log(`\n(${reports.map((r) => `${r.name} ${r.seconds.toFixed(1)} s`).join(', ')})`)
