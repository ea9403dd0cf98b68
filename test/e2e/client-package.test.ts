/**
 * Issue #12, acceptance 2: an outside project installs the packed client and calls
 * `/v1/summarize` with full types, with no Worker types installed.
 *
 * The package is packed with `npm pack` (its `prepack` builds `dist/`), installed offline into a
 * fresh project in a temporary folder (so it must have no runtime dependencies), and a strict
 * TypeScript program is compiled against it with `types: []` and `lib: ["ES2022"]` (no
 * `@cloudflare/workers-types`, no `@types/node`, no DOM library) — the `@ts-expect-error` lines
 * fail the compile if the types were loose. The program then runs against a `wrangler dev` this
 * test starts (ports PRECIS_CLIENT_TEST_PORT/+1, default 8810/8811).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DevServer, startDevServer } from '../../scripts/harness/dev-server'

const ROOT = path.resolve(import.meta.dirname, '../..')
const PACKAGE = path.join(ROOT, 'packages/client')
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc')
const PORT = Number(process.env.PRECIS_CLIENT_TEST_PORT ?? 8810)
const ARTICLE = readFileSync(path.join(ROOT, 'examples/articles/en-astana-finance.txt'), 'utf8')

/** The outside program: plain strict TypeScript against the published types only. */
const PROGRAM = `import {
  createPrecisClient,
  PrecisError,
  type Problem,
  type SummarizeResponse,
  type SummarySentence,
} from '@precis/client'

// Only what this program uses of its runtime (no @types/node here).
declare const process: { argv: string[] }
declare const console: { log(line: string): void }

const text: string = ${JSON.stringify(ARTICLE)}
const precis = createPrecisClient({ baseUrl: process.argv[2] ?? '' })

const result: SummarizeResponse = await precis.summarize({
  text,
  lengths: ['short', 'meta', { sentences: 2, name: 'teaser' }],
  offsetUnit: 'utf16',
})
const teaser = result.summaries.find((s) => s.name === 'teaser')
const sentences: SummarySentence[] = teaser?.sentences ?? []
const slicesMatch = sentences.every((s) => text.slice(s.offset, s.offset + s.length) === s.text)

// The types are the API's: each line below must be a compile error.
// @ts-expect-error 'tiny' is not a length
const wrongLength = () => precis.summarize({ text, lengths: ['tiny'] })
// @ts-expect-error offsetUnit is utf16, codepoint or utf8
const wrongUnit = () => precis.summarize({ text, offsetUnit: 'bytes' })
// @ts-expect-error a summary has no 'summary' field
const wrongField = (r: SummarizeResponse) => r.summary
// @ts-expect-error getGlossary needs its path parameter
const missingParam = () => precis.request('getGlossary')
void [wrongLength, wrongUnit, wrongField, missingParam]

// Any operation by its id: path parameters and query typed, text formats come back as text.
const tsv = await precis.request('getGlossary', {
  params: { id: 'news-central-asia' },
  query: { format: 'tsv' },
})

let problem: Problem | undefined
try {
  await precis.summarize({ text: '   ' })
} catch (error) {
  if (error instanceof PrecisError) problem = error.problem
}

console.log(
  JSON.stringify({
    language: result.language.language,
    summaries: result.summaries.map((s) => s.name),
    teaserSentences: sentences.length,
    slicesMatch,
    tsvStatus: tsv.status,
    tsvIsText: typeof tsv.data === 'string',
    problem: problem && { status: problem.status, code: problem.code, pointer: problem.errors?.[0]?.pointer },
  })
)
`

let server: DevServer | undefined
let work = ''

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'precis-client-'))
  server = await startDevServer({ port: PORT, inspectorPort: PORT + 1 })
}, 180_000)

afterAll(async () => {
  await server?.stop()
  if (work !== '') rmSync(work, { recursive: true, force: true })
}, 30_000)

/** Runs a command; a failure reports what it printed (tsc writes its errors to stdout). */
function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
    })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`)
  }
}

describe('the packed @precis/client in an outside project', () => {
  it('installs offline, compiles strictly without Worker or Node types and summarizes', () => {
    run('npm', ['pack', '--pack-destination', work, '--silent'], PACKAGE)
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))
    expect(tarball, 'npm pack wrote a tarball').toBeDefined()

    const project = path.join(work, 'outside')
    mkdirSync(path.join(project, 'src'), { recursive: true })
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'outside', private: true, type: 'module' })
    )
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022'],
          types: [],
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false,
          rootDir: 'src',
          outDir: 'dist',
        },
        include: ['src'],
      })
    )
    writeFileSync(path.join(project, 'src/main.ts'), PROGRAM)
    // --offline: nothing may be fetched, so a runtime dependency would fail the install.
    run(
      'npm',
      ['install', '--offline', '--no-audit', '--ignore-scripts', path.join(work, tarball ?? '')],
      project
    )
    const installed = JSON.parse(
      readFileSync(path.join(project, 'node_modules/@precis/client/package.json'), 'utf8')
    ) as { dependencies?: object }
    expect(installed.dependencies ?? {}).toEqual({})
    expect(readdirSync(path.join(project, 'node_modules')).sort()).toEqual([
      '.package-lock.json',
      '@precis',
    ])

    run(process.execPath, [TSC, '-p', 'tsconfig.json'], project)
    const output = run(process.execPath, ['dist/main.js', server?.url ?? ''], project)
    expect(JSON.parse(output)).toEqual({
      language: 'en',
      summaries: ['short', 'meta', 'teaser'],
      teaserSentences: 2,
      slicesMatch: true,
      tsvStatus: 200,
      tsvIsText: true,
      problem: { status: 422, code: 'invalid_request', pointer: '#/text' },
    })
  }, 120_000)
})
