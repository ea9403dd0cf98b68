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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { BenchContext } from './context'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const PROCESSES = 7

/** The entry bundled: exactly the calls a detect and a summarize request make. */
const ENTRY = `
import { detectLanguage } from './src/langid/detect'
import { BUNDLED_GLOSSARIES, findTerms, replaceWithPreferred } from './src/glossary'
import { renderSummary, summarize } from './src/summarize/summarize'
export function detect(text) { return detectLanguage(text) }
export function summarizeRequest(text) {
  const language = detectLanguage(text).language
  const glossary = BUNDLED_GLOSSARIES[0]
  const matches = glossary ? findTerms(glossary, text, language) : []
  const display = matches.some((m) => m.kind !== 'preferred')
    ? (offset, length) => replaceWithPreferred(text.slice(offset, offset + length), matches, offset)
    : undefined
  const result = summarize(text, { language, lengths: ['short', 'medium', 'long'], ...(display ? { display } : {}) })
  return result.summaries.map((s) => renderSummary(text, s, display))
}
`

/** Runs in the fresh process: prints CPU milliseconds of each step as JSON. */
const PROBE = `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const text = process.argv[3]
let t = cpu()
const m = await import(process.argv[2])
const importMs = cpu() - t
t = cpu(); m.detect(text); const firstDetect = cpu() - t
t = cpu(); m.detect(text + ' '); const secondDetect = cpu() - t
t = cpu(); m.summarizeRequest(text); const firstSummarize = cpu() - t
t = cpu(); m.summarizeRequest(text + ' '); const secondSummarize = cpu() - t
console.log(JSON.stringify({ importMs, firstDetect, secondDetect, firstSummarize, secondSummarize }))
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
    const runs: Record<string, number>[] = []
    for (let i = 0; i < PROCESSES; i++) {
      const child = spawnSync(process.execPath, [probe, bundle, ARTICLE], { encoding: 'utf8' })
      if (child.status !== 0) throw new Error(child.stderr.slice(-2000))
      runs.push(JSON.parse(child.stdout) as Record<string, number>)
    }
    const median = (key: string): string => {
      const xs = runs.map((r) => r[key] ?? 0).sort((a, b) => a - b)
      return (xs[xs.length >> 1] ?? 0).toFixed(1).padStart(6)
    }
    console.log(
      `\ncold start, CPU ms, median of ${PROCESSES} fresh processes (domain bundle, esbuild, minified):`
    )
    console.log(`  import (isolate startup)         ${median('importMs')} ms`)
    console.log(
      `  first detect                     ${median('firstDetect')} ms   (second: ${median('secondDetect').trim()} ms)`
    )
    console.log(
      `  first summarize (detect+glossary) ${median('firstSummarize')} ms   (second: ${median('secondSummarize').trim()} ms)`
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
