/**
 * `npm run bench` — in-process throughput figures. Prints numbers; asserts nothing.
 *
 * Every section lives in `scripts/bench/<name>.ts` and exports `run(context)`. Run one section with
 * `npm run bench -- <name>`; article data comes from the dev evaluation set when it is present
 * (`--data <file.jsonl>` to point elsewhere). Without a section name, each section runs in a
 * fresh process: one section's heap and JIT state would otherwise slow the next (measured: the
 * sections after `summarize` ran at half speed in a shared process).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BenchContext } from './bench/context'

const here = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const dataFlag = args.indexOf('--data')
const defaultData = path.resolve(here, '../../shared/eval/summarization-dev.jsonl')
const data = dataFlag >= 0 ? args[dataFlag + 1] : existsSync(defaultData) ? defaultData : undefined
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--data')

const sections: Record<string, () => Promise<{ run: (c: BenchContext) => Promise<void> }>> = {
  summarize: () => import('./bench/summarize'),
  detect: () => import('./bench/detect'),
  translate: () => import('./bench/translate'),
  glossary: () => import('./bench/glossary'),
  degenerate: () => import('./bench/degenerate'),
  content: () => import('./bench/content'),
  'cold-start': () => import('./bench/cold-start'),
  // Only by name: these start their own `wrangler dev` servers and run for minutes.
  'cold-start-workerd': () => import('./bench/cold-start-workerd'),
  jobs: () => import('./bench/jobs'),
}
const BY_NAME_ONLY = new Set(['cold-start-workerd', 'jobs'])

const context: BenchContext = { data }
if (only.length === 0) {
  console.log(`# Précis bench — node ${process.version}, one thread, ${new Date().toISOString()}`)
  console.log(`# data: ${data ?? '(none: only built-in texts)'}`)
  for (const name of Object.keys(sections).filter((n) => !BY_NAME_ONLY.has(n))) {
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        name,
        ...(data ? ['--data', data] : []),
      ],
      { stdio: 'inherit' }
    )
    if (child.status !== 0) process.exitCode = 1
  }
} else {
  for (const [name, load] of Object.entries(sections)) {
    if (!only.includes(name)) continue
    console.log(`\n## ${name}`)
    await (await load()).run(context)
  }
}
