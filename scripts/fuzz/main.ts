/**
 * `npm run fuzz` — throws generated and hostile requests at a `wrangler dev` of the Worker that it
 * starts itself on loopback, and fails on any 5xx or any error answer that is not
 * `application/problem+json`.
 *
 *   npm run fuzz -- [--requests 10000] [--seed N] [--time-limit 1200] [--concurrency 4]
 *                   [--timeout 30000] [--only 12,345] [--list] [--url http://127.0.0.1:8787]
 *                   [--port 8730] [--inspector-port 9330] [--apy-port 8731]
 *
 * Cases come from the OpenAPI document (`/openapi.json`) through fast-check — valid requests,
 * requests broken in exactly one field (type, bound, enum, pattern, missing or extra field), and
 * Unicode torture in every string and identifier — plus HTTP torture (odd methods, content types,
 * invalid UTF-8, deep nesting, huge arrays, oversized, chunked and truncated bodies, malformed
 * framing). Case `i` depends only on the seed and `i`, so `--seed S --only i` replays it.
 * After a case that could leave the isolate in a bad state (oversized, truncated, malformed),
 * a small `POST /v1/detect` is sent at once and must answer 200.
 *
 * Translation goes to a fake APy on `--apy-port` (scripts/harness/fake-apy.ts), so the run
 * neither depends on nor loads the real engine.
 *
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { type DevServer, startDevServer } from '../harness/dev-server'
import { type FakeApy, startFakeApy } from '../harness/fake-apy'
import { type Case, type CaseContext, caseArbitrary } from './cases'
import { operationsOf } from './openapi'
import { type Outcome, type RawRequest, send, serialize } from './raw-http'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const ADMIN_TOKEN = 'fuzz-admin-token'
const PROBLEM_SLUGS = [
  'not-found',
  'invalid-request',
  'malformed-json',
  'payload-too-large',
  'unsupported-media-type',
  'method-not-allowed',
  'no-such-problem',
]

type Options = {
  requests: number
  seed: number
  timeLimitS: number
  concurrency: number
  timeoutMs: number
  only: number[] | undefined
  url: string | undefined
  list: boolean
  port: number
  inspectorPort: number
  apyPort: number
}

function parseArgs(argv: readonly string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const num = (name: string, fallback: number) => {
    const v = get(name)
    if (v === undefined) return fallback
    const n = Number(v)
    if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${v}`)
    return n
  }
  const only = get('only')
  return {
    requests: num('requests', 10_000),
    seed: num('seed', Math.floor(Math.random() * 2 ** 31)),
    timeLimitS: num('time-limit', 1200),
    concurrency: num('concurrency', 4),
    timeoutMs: num('timeout', 30_000),
    only: only?.split(',').map(Number),
    url: get('url'),
    list: argv.includes('--list'),
    port: num('port', 8730),
    inspectorPort: num('inspector-port', 9330),
    apyPort: num('apy-port', 8731),
  }
}

/** `MAX_BODY_BYTES` of the top-level (local) configuration, as `wrangler dev` will use it. */
function devMaxBodyBytes(): number {
  const toml = readFileSync(path.join(ROOT, 'wrangler.toml'), 'utf8')
  const section = toml.slice(toml.indexOf('[vars]'))
  const match = /MAX_BODY_BYTES\s*=\s*"(\d+)"/.exec(section)
  return match ? Number(match[1]) : 524_288
}

/** A 32-bit seed for case `i`, so that every case can be regenerated alone. */
function caseSeed(seed: number, i: number): number {
  let h = (seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  return (h ^ (h >>> 16)) | 0
}

type Failure = {
  readonly id: number
  readonly testCase: Case
  readonly reason: string
  readonly detail: string
}

/** Why an answer breaks the contract, or `undefined` when it keeps it. */
function judge(testCase: Case, outcome: Outcome): { reason: string; detail: string } | undefined {
  if (!outcome.ok) {
    if (testCase.mayNotAnswer) return undefined
    return { reason: 'no response', detail: outcome.error }
  }
  const { status, headers, body } = outcome.response
  const text = body.toString('utf8')
  const type = headers.get('content-type') ?? ''
  if (testCase.platformMayAnswer && !headers.has('x-request-id')) return undefined
  if (status >= 500) return { reason: `${status}`, detail: text.slice(0, 300) }
  if (status >= 400) {
    // Answers without the app's request id come from the runtime's HTTP layer (malformed
    // framing, over-long headers), before the Worker runs: not ours to shape.
    if (!headers.has('x-request-id')) return undefined
    if (!type.toLowerCase().startsWith('application/problem+json')) {
      return {
        reason: 'error body not problem+json',
        detail: `${status} ${type}: ${text.slice(0, 200)}`,
      }
    }
    if (testCase.method === 'HEAD') return undefined
    try {
      const problem = JSON.parse(text) as Record<string, unknown>
      if (
        problem.status !== status ||
        typeof problem.type !== 'string' ||
        typeof problem.title !== 'string'
      ) {
        return { reason: 'problem without type/title/status', detail: text.slice(0, 300) }
      }
    } catch {
      return { reason: 'problem body not JSON', detail: text.slice(0, 300) }
    }
    return undefined
  }
  if (
    status >= 200 &&
    status < 300 &&
    type.includes('json') &&
    testCase.method !== 'HEAD' &&
    body.length > 0
  ) {
    try {
      JSON.parse(text)
    } catch {
      return { reason: '2xx JSON that does not parse', detail: text.slice(0, 200) }
    }
  }
  return undefined
}

/**
 * Asked right after every hazard case. A POST, because wrangler's dev proxy silently retries a
 * GET that meets a restarted Worker, which would hide exactly the failure this looks for.
 */
const PROBE: RawRequest = {
  method: 'POST',
  target: '/v1/detect',
  headers: [['Content-Type', 'application/json']],
  body: new TextEncoder().encode('{"text":"The next request must succeed."}'),
  framing: { kind: 'length' },
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  console.log(
    `# npm run fuzz -- --seed ${options.seed} --requests ${options.requests} (concurrency ${options.concurrency}, time limit ${options.timeLimitS} s)`
  )
  let server: DevServer | undefined
  let apy: FakeApy | undefined
  const cleanup = async () => {
    await server?.stop()
    await apy?.close()
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      void cleanup().then(() => process.exit(130))
    })
  }
  try {
    let url = options.url
    if (url === undefined) {
      apy = await startFakeApy(options.apyPort)
      const started = Date.now()
      server = await startDevServer({
        port: options.port,
        inspectorPort: options.inspectorPort,
        vars: { ADMIN_TOKEN, APERTIUM_URL: apy.url, TRANSLATION_PROVIDER: 'apertium' },
      })
      url = server.url
      console.log(
        `# wrangler dev on ${url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s), fake APy on ${apy.url}`
      )
    }
    const port = Number(new URL(url).port)
    const failures = await run(options, port, url)
    await cleanup()
    process.exitCode = failures > 0 ? 1 : 0
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    if (server) console.error(server.log().slice(-3000))
    await cleanup()
    process.exitCode = 2
  }
}

async function run(options: Options, port: number, url: string): Promise<number> {
  const get = async (p: string) => {
    const r = await fetch(`${url}${p}`)
    if (!r.ok) throw new Error(`GET ${p}: ${r.status}`)
    return r.text()
  }
  const operations = operationsOf(JSON.parse(await get('/openapi.json')))
  const seedGlossary = '/v1/glossaries/news-central-asia'
  const context: CaseContext = {
    operations,
    maxBodyBytes: devMaxBodyBytes(),
    adminToken: ADMIN_TOKEN,
    glossarySeeds: {
      json: await get(seedGlossary),
      tsv: await get(`${seedGlossary}?format=tsv`),
      csv: await get(`${seedGlossary}?format=csv`),
      tbx: await get(`${seedGlossary}?format=tbx`),
    },
    problemSlugs: PROBLEM_SLUGS,
  }
  console.log(
    `# ${operations.length} operations from /openapi.json; body limit ${context.maxBodyBytes} bytes`
  )
  const arbitrary = caseArbitrary(context)
  const generate = (i: number): Case =>
    fc.sample(arbitrary, { seed: caseSeed(options.seed, i), numRuns: 1 })[0] as Case

  const ids = options.only ?? Array.from({ length: options.requests }, (_, i) => i)
  if (options.list) {
    for (const id of ids) {
      const c = generate(id)
      console.log(`#${id} [${c.kind}] ${c.label.slice(0, 140)} (${c.body.length} bytes)`)
    }
    return 0
  }
  const deadline = Date.now() + options.timeLimitS * 1000
  const statusCounts = new Map<string, number>()
  const kindCounts = new Map<string, Map<string, number>>()
  const failures: Failure[] = []
  const slowest: { id: number; ms: number; label: string; status: string }[] = []
  let next = 0
  let done = 0
  let stoppedByTime = false
  const started = Date.now()

  const count = (kind: string, status: string) => {
    statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1)
    const perKind = kindCounts.get(kind) ?? new Map<string, number>()
    perKind.set(status, (perKind.get(status) ?? 0) + 1)
    kindCounts.set(kind, perKind)
  }

  const worker = async () => {
    for (;;) {
      if (Date.now() > deadline) {
        stoppedByTime = true
        return
      }
      const index = next++
      if (index >= ids.length) return
      const id = ids[index] as number
      const testCase = generate(id)
      const outcome = await send(port, testCase, options.timeoutMs)
      const status = outcome.ok
        ? `${outcome.response.status}${outcome.response.headers.has('x-request-id') ? '' : ' (runtime)'}`
        : 'no response'
      count(testCase.kind, status)
      slowest.push({
        id,
        ms: outcome.ok ? outcome.response.ms : outcome.ms,
        label: testCase.label,
        status,
      })
      slowest.sort((a, b) => b.ms - a.ms)
      slowest.length = Math.min(slowest.length, 5)
      const verdict = judge(testCase, outcome)
      if (verdict) failures.push({ id, testCase, ...verdict })
      if (testCase.hazard) {
        const probe = await send(port, PROBE, 10_000)
        if (!probe.ok || probe.response.status !== 200) {
          failures.push({
            id,
            testCase,
            reason: 'next request failed',
            detail: probe.ok
              ? `POST /v1/detect after it: ${probe.response.status} ${probe.response.body.toString('utf8').slice(0, 200)}`
              : `POST /v1/detect after it: ${probe.error}`,
          })
        }
      }
      done++
      if (done % 1000 === 0) {
        const s = (Date.now() - started) / 1000
        console.log(
          `  ${done} requests, ${s.toFixed(0)} s, ${(done / s).toFixed(0)}/s, ${failures.length} failures`
        )
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  const seconds = (Date.now() - started) / 1000

  console.log(
    `\n## ${done} requests in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(0)}/s)${stoppedByTime ? ` — stopped by the time limit before ${ids.length}` : ''}`
  )
  console.log('\nstatus histogram ("runtime": answered by the HTTP layer before the Worker ran)')
  for (const [status, n] of [...statusCounts].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${status.padEnd(16)} ${String(n).padStart(6)}`)
  }
  console.log('\nby kind')
  for (const [kind, perKind] of [...kindCounts].sort(([a], [b]) => a.localeCompare(b))) {
    const total = [...perKind.values()].reduce((a, b) => a + b, 0)
    const detail = [...perKind]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')
    console.log(`  ${kind.padEnd(20)} ${String(total).padStart(6)}  ${detail}`)
  }
  console.log('\nslowest')
  for (const s of slowest)
    console.log(`  #${s.id} ${s.ms.toFixed(0)} ms ${s.status} ${s.label.slice(0, 100)}`)

  if (failures.length > 0) {
    const dir = path.join(tmpdir(), `precis-fuzz-${options.seed}`)
    mkdirSync(dir, { recursive: true })
    const byReason = new Map<string, number>()
    for (const f of failures) byReason.set(f.reason, (byReason.get(f.reason) ?? 0) + 1)
    console.log(
      `\n## ${failures.length} failures: ${[...byReason].map(([r, n]) => `${r} ×${n}`).join(', ')}`
    )
    console.log(
      `(requests saved in ${dir}; replay one with npm run fuzz -- --seed ${options.seed} --only <id>)`
    )
    for (const f of failures.slice(0, 40)) {
      console.log(`\n#${f.id} [${f.testCase.kind}] ${f.testCase.label.slice(0, 160)}`)
      console.log(`  ${f.reason}: ${f.detail.replace(/\s+/g, ' ').slice(0, 300)}`)
      console.log(`  ${reproduce(f, dir, 'http://127.0.0.1:8787')}`)
    }
    if (failures.length > 40) console.log(`\n… and ${failures.length - 40} more`)
  } else {
    console.log(
      `\n## 0 failures (no 5xx, every error body problem+json, the next request fine after every hazard)`
    )
  }
  console.log(`seed ${options.seed}; server ${url}`)
  return failures.length
}

/** A shell command that sends the failing request again (to `npm run dev`, port 8787). */
function reproduce(failure: Failure, dir: string, base: string): string {
  const c = failure.testCase
  const file = path.join(dir, `case-${failure.id}`)
  writeFileSync(`${file}.http`, serialize(c, '127.0.0.1:8787'))
  const printable = (s: string) => /^[\x20-\x7e]*$/.test(s)
  const curlable =
    (c.framing.kind === 'length' || c.framing.kind === 'none' || c.framing.kind === 'chunked') &&
    /^[A-Za-z-]+$/.test(c.method) &&
    printable(c.target) &&
    c.target.startsWith('/') &&
    c.headers.every(([n, v]) => printable(n) && printable(v))
  if (!curlable) {
    // Raw bytes (curl cannot send them): written to the socket as they are, then half-closed.
    const js = `const s=require('net').connect(8787,'127.0.0.1',()=>s.end(require('fs').readFileSync('${file}.http')));s.pipe(process.stdout)`
    return `node -e "${js}"   # raw request, not expressible with curl`
  }
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
  const parts = ['curl -sS -i', '-X', c.method, q(`${base}${c.target}`)]
  for (const [n, v] of c.headers) parts.push('-H', q(`${n}: ${v}`))
  if (!c.headers.some(([n]) => n.toLowerCase() === 'content-type') && c.body.length > 0)
    parts.push('-H', q('Content-Type:'))
  if (c.framing.kind === 'chunked') parts.push('-H', q('Transfer-Encoding: chunked'))
  if (c.body.length > 0) {
    const text = Buffer.from(c.body).toString('latin1')
    if (c.body.length <= 300 && printable(text)) parts.push('--data-binary', q(text))
    else {
      writeFileSync(`${file}.body`, c.body)
      parts.push('--data-binary', `@${file}.body`)
    }
  }
  return parts.join(' ')
}

await main()
