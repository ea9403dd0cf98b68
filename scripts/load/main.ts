/**
 * `npm run load` — autocannon against a `wrangler dev` of the Worker that it starts on loopback,
 * one bounded scenario after another. Prints figures; asserts only that the run was clean (exit 1
 * on connection errors, timeouts or unexpected statuses).
 *
 *   npm run load -- [--duration 15] [--connections 32] [--only health,detect]
 *                   [--article file.txt] [--url http://127.0.0.1:8787]
 *                   [--port 8732] [--inspector-port 9332] [--apy-port 8733]
 *
 * Scenarios: `/health`; `/v1/summarize` answered from the KV cache (HIT, checked before the
 * run); `/v1/summarize` computed every time (`Cache-Control: no-cache` skips the cache read);
 * `/v1/detect`; `/v1/translate` through a fake APy on `--apy-port` (no-cache, so every request
 * reaches the engine). Figures from `wrangler dev` on a shared machine are for comparing runs
 * and scenarios, not a statement about production capacity.
 *
 * @module
 */
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { ENGLISH_ARTICLE } from '../../test/fixtures/articles'
import { type DevServer, startDevServer } from '../harness/dev-server'
import { type FakeApy, startFakeApy } from '../harness/fake-apy'

type Options = {
  duration: number
  connections: number
  only: string[] | undefined
  article: string | undefined
  url: string | undefined
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
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`)
    return n
  }
  return {
    duration: num('duration', 15),
    connections: num('connections', 32),
    only: get('only')?.split(','),
    article: get('article'),
    url: get('url'),
    port: num('port', 8732),
    inspectorPort: num('inspector-port', 9332),
    apyPort: num('apy-port', 8733),
  }
}

type Scenario = {
  readonly name: string
  readonly method: 'GET' | 'POST'
  readonly path: string
  readonly headers?: Record<string, string>
  readonly body?: string
  /** Checked once before the run, so a scenario cannot silently measure the wrong thing. */
  readonly expect?: (response: Response) => string | undefined
}

function scenarios(article: string): Scenario[] {
  const json = { 'content-type': 'application/json' }
  const summarize = JSON.stringify({ text: article, language: 'en' })
  return [
    { name: 'health', method: 'GET', path: '/health' },
    {
      name: 'summarize-hit',
      method: 'POST',
      path: '/v1/summarize',
      headers: json,
      body: summarize,
      expect: (r) =>
        r.headers.get('x-cache') === 'HIT' ? undefined : `X-Cache ${r.headers.get('x-cache')}`,
    },
    {
      name: 'summarize-computed',
      method: 'POST',
      path: '/v1/summarize',
      headers: { ...json, 'cache-control': 'no-cache' },
      body: summarize,
      expect: (r) =>
        r.headers.get('x-cache') === 'MISS' ? undefined : `X-Cache ${r.headers.get('x-cache')}`,
    },
    {
      name: 'detect',
      method: 'POST',
      path: '/v1/detect',
      headers: json,
      body: JSON.stringify({ text: article.slice(0, 2000) }),
    },
    {
      name: 'translate',
      method: 'POST',
      path: '/v1/translate',
      headers: { ...json, 'cache-control': 'no-cache' },
      body: JSON.stringify({
        text: 'Leaders of five Central Asian states travelled to Xi’an for a summit with Xi Jinping.',
        source: 'en',
        target: 'es',
        provider: 'apertium',
      }),
      expect: (r) =>
        r.headers.get('x-cache') === 'MISS' ? undefined : `X-Cache ${r.headers.get('x-cache')}`,
    },
  ]
}

type Row = {
  name: string
  rps: number
  p50: number
  p99: number
  requests: number
  errors: number
  timeouts: number
  non2xx: number
}

async function runScenario(url: string, s: Scenario, options: Options): Promise<Row> {
  // Warm up (fills the cache for the HIT scenario) and check the scenario measures what it says.
  for (let i = 0; i < 2; i++) {
    const r = await fetch(`${url}${s.path}`, { method: s.method, headers: s.headers, body: s.body })
    await r.arrayBuffer()
    if (!r.ok) throw new Error(`${s.name}: warm-up answered ${r.status}`)
    if (i === 1 && s.expect) {
      const problem = s.expect(r)
      if (problem) throw new Error(`${s.name}: warm-up ${problem}`)
    }
  }
  const result = await autocannon({
    url: `${url}${s.path}`,
    method: s.method,
    headers: s.headers,
    body: s.body,
    connections: options.connections,
    duration: options.duration,
    timeout: 30,
  })
  return {
    name: s.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const article = options.article ? readFileSync(options.article, 'utf8') : ENGLISH_ARTICLE
  console.log(
    `# npm run load -- --duration ${options.duration} --connections ${options.connections} (article: ${article.split(/\s+/).length} words)`
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
      server = await startDevServer({
        port: options.port,
        inspectorPort: options.inspectorPort,
        vars: { APERTIUM_URL: apy.url, TRANSLATION_PROVIDER: 'apertium' },
      })
      url = server.url
    }
    console.log(`# wrangler dev on ${url}${apy ? `, fake APy on ${apy.url}` : ''}`)
    const rows: Row[] = []
    for (const s of scenarios(article)) {
      if (options.only && !options.only.includes(s.name)) continue
      rows.push(await runScenario(url, s, options))
      const r = rows[rows.length - 1] as Row
      console.log(`  ${r.name}: ${r.rps.toFixed(0)} req/s`)
    }
    console.log(
      `\n${'scenario'.padEnd(20)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'requests'.padStart(10)}${'errors'.padStart(8)}${'timeouts'.padStart(10)}${'non-2xx'.padStart(9)}`
    )
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(20)}${r.rps.toFixed(0).padStart(8)}${String(r.p50).padStart(8)}${String(r.p99).padStart(8)}${String(r.requests).padStart(10)}${String(r.errors).padStart(8)}${String(r.timeouts).padStart(10)}${String(r.non2xx).padStart(9)}`
      )
    }
    const health = rows.find((r) => r.name === 'health')
    const hit = rows.find((r) => r.name === 'summarize-hit')
    if (health && hit) {
      console.log(
        `\nsummarize cache HIT throughput: ${((100 * hit.rps) / health.rps).toFixed(0)}% of /health's`
      )
    }
    if (apy) console.log(`fake APy received ${apy.requests()} requests`)
    const bad = rows.filter((r) => r.errors + r.timeouts + r.non2xx > 0)
    if (bad.length > 0) {
      console.log(`\nNOT CLEAN: ${bad.map((r) => r.name).join(', ')}`)
      process.exitCode = 1
    }
    await cleanup()
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    if (server) console.error(server.log().slice(-3000))
    await cleanup()
    process.exitCode = 2
  }
}

await main()
