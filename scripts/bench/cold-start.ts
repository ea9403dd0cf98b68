/**
 * Cold start: what a new isolate pays before and during its first request, measured apart.
 *
 * The domain modules a request runs (language detection, the bundled glossary and its matcher,
 * summarizing) are bundled with esbuild as wrangler bundles the Worker, then each of several
 * fresh Node processes reports the CPU time of importing the bundle (Worker startup, which has
 * its own budget) and of its first and second calls: a first `/v1/detect`, then a first
 * `/v1/summarize` (detection, glossary matching with display, three summaries). Medians over
 * the processes. Node stands in for workerd: both run V8, without the HTTP layer here.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import type { BenchContext } from './context'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const PROCESSES = 7

/** The entry bundled: exactly the calls a detect and a summarize request make. */
const ENTRY = `
import { detectLanguage } from './src/langid/detect'
import { BUNDLED_GLOSSARIES } from './src/glossary/bundled.generated'
import { findTermSpans } from './src/glossary/match'
import { preferredDisplay } from './src/glossary/terms'
import { renderSummary, summarize } from './src/summarize/summarize'
import { warmUp } from './src/usecases/warm-up'
// as src/index.ts does at startup
if (!process.env.PRECIS_NO_WARM_UP) warmUp()
export function detect(text) { return detectLanguage(text) }
export function summarizeRequest(text) {
  const language = detectLanguage(text).language
  const glossary = BUNDLED_GLOSSARIES[0]
  const display = glossary ? preferredDisplay(text, findTermSpans(glossary, text, language)) : undefined
  const result = summarize(text, { language, lengths: ['short', 'medium', 'long'], ...(display ? { display } : {}) })
  return result.summaries.map((s) => renderSummary(text, s, display))
}
`

/**
 * Runs in the fresh process: prints CPU milliseconds of each step as JSON, twice: the whole
 * process (every thread: V8 compiles optimised code and collects garbage on helper threads) and
 * the main thread alone (Linux \`/proc/thread-self/schedstat\`; what a Worker's CPU limit counts
 * is the isolate's own thread). Elsewhere both are the process figure.
 */
const PROBE = `
import { existsSync, readFileSync } from 'node:fs'
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const SCHED = '/proc/thread-self/schedstat'
const thread = existsSync(SCHED) ? () => Number(readFileSync(SCHED, 'utf8').split(' ')[0]) / 1e6 : cpu
const text = process.argv[3]
const out = {}
const step = async (name, f) => {
  const p = cpu(), t = thread()
  await f()
  out[name] = cpu() - p
  out[name + 'Thread'] = thread() - t
}
let m
await step('importMs', async () => { m = await import(process.argv[2]) })
await step('firstDetect', () => m.detect(text))
await step('secondDetect', () => m.detect(text + ' '))
await step('firstSummarize', () => m.summarizeRequest(text))
await step('secondSummarize', () => m.summarizeRequest(text + ' '))
console.log(JSON.stringify(out))
`

const ARTICLE =
  'Leaders of China and five Central Asian states met in Xian on Thursday for a summit on trade, ' +
  'energy and transport. Kazakhstan’s president said new rail links along the Silk Road would cut ' +
  'delivery times. Analysts said Beijing wants a larger role in the region as the Kremlin’s ' +
  'influence wanes. The leaders signed agreements on pipelines and customs. "We are neighbours ' +
  'and partners," one official said. The next summit will be held in 2025.'

export async function run(_context: BenchContext): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'precis-cold-'))
  try {
    const bundle = path.join(dir, 'bundle.mjs')
    await build({
      stdin: { contents: ENTRY, resolveDir: repo, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      minify: true,
      outfile: bundle,
      logLevel: 'error',
    })
    const probe = path.join(dir, 'probe.mjs')
    writeFileSync(probe, PROBE)
    for (const warm of [true, false]) {
      const runs: Record<string, number>[] = []
      for (let i = 0; i < PROCESSES; i++) {
        const child = spawnSync(process.execPath, [probe, bundle, ARTICLE], {
          encoding: 'utf8',
          env: { ...process.env, PRECIS_NO_WARM_UP: warm ? '' : '1' },
        })
        if (child.status !== 0) throw new Error(child.stderr.slice(-2000))
        runs.push(JSON.parse(child.stdout) as Record<string, number>)
      }
      const median = (key: string): string => {
        const xs = runs.map((r) => r[key] ?? 0).sort((x, y) => x - y)
        return (xs[xs.length >> 1] ?? 0).toFixed(1).padStart(6)
      }
      const row = (label: string, key: string) =>
        console.log(`  ${label.padEnd(34)} ${median(`${key}Thread`)} ms  ${median(key)} ms`)
      console.log(
        `\ncold start, CPU ms, median of ${PROCESSES} fresh processes (domain bundle, esbuild, minified), ${warm ? 'with the startup warm-up of src/index.ts' : 'without a warm-up'}:`
      )
      console.log(`  ${''.padEnd(34)} main thread   process`)
      row('import (isolate startup)', 'importMs')
      row('first detect', 'firstDetect')
      row('second detect', 'secondDetect')
      row('first summarize (detect+glossary)', 'firstSummarize')
      row('second summarize', 'secondSummarize')
    }
    const bytes = readFileSync(bundle)
    console.log(
      `  domain bundle: ${(bytes.length / 1024).toFixed(0)} KiB, gzip ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(0)} KiB (the whole Worker: npm run build:dry)`
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
