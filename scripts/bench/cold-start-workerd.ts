/**
 * Cold start in the Workers runtime itself: the CPU a fresh `workerd` spends on the Worker's first
 * request, read from Linux's per-thread counters (`/proc/<pid>/task/<tid>/schedstat`).
 *
 * Each run starts a new `wrangler dev` (a new workerd process, so a new isolate: startup and its
 * warm-up happen before it prints that it listens), waits until it is idle, reads the CPU time of
 * the main thread of the workerd that runs the Worker (wrangler starts a second one as a proxy),
 * sends one request, waits for the
 * answer and for the work after it (the cache write), and reads the counter again. Then three
 * `GET /health` measured the same way give the runtime's own floor for a request (the dev server's
 * entry worker, HTTP, logging), which is not the Worker's code.
 *
 * As in production (`wrangler.production.toml`): `AUTH_MODE=required`, a secret key created once
 * through `POST /v1/keys` in a first server and kept in the state directory that every later
 * server reuses, so the measured request does its key lookup. The request's text gets a fresh
 * sentence every run, so summaries are computed, never cache hits.
 *
 * What is counted is an upper bound of what Workers bills: that thread also runs the dev server's
 * entry worker and the local KV and Durable Object simulators, which the calibration Workers below
 * measure. V8's helper threads (background compilation, garbage collection) are printed apart.
 *
 * Only by name (`npm run bench -- cold-start-workerd`): it starts ≈ 46 servers (≈ 10 minutes).
 * Linux only. Ports: PRECIS_BENCH_PORT and the next one (default 8841/8842). PRECIS_BENCH_ROWS=<text>
 * runs only the rows whose label contains it.
 *
 * @module
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createSecretKey, type DevServer, sleep, startDevServer } from '../harness/dev-server'
import type { BenchContext } from './context'

/** Fresh servers per row (PRECIS_BENCH_RUNS). */
const RUNS = Number(process.env.PRECIS_BENCH_RUNS ?? 5)
const PORT = Number(process.env.PRECIS_BENCH_PORT ?? 8841)
/** Time for the server to settle before and after a measured request (timers, cache writes). */
const SETTLE_MS = 1500
const AFTER_MS = 600

const ARTICLE =
  'The regional council voted on Tuesday to reopen the night ferry between the two harbours, ' +
  'closed since a storm damaged the northern pier. Repairs will cost 4.5 million euros, shared ' +
  'with the port authority. "Fishermen and nurses on night shifts have waited three winters," ' +
  'said councillor Mira Castell, who proposed the plan. The opposition abstained, calling the ' +
  'timetable optimistic. The first crossing is planned for the spring.'

/** The article with a sentence of its own, so that its summary is computed, never a cache hit. */
const freshArticle = (nonce: string) => ({
  text: `${ARTICLE} Ticket ${nonce} was the first one sold.`,
})

type Scenario = {
  readonly label: string
  readonly method: string
  readonly path: string
  readonly body?: (nonce: string) => unknown
  /** Built without the startup warm-up (src/index.ts), for comparison. */
  readonly noWarmUp?: boolean
  /**
   * Open mode, unmetered, no key: the request touches no Durable Object and no key lookup, so
   * the count leaves out the local simulators of those (they run on the same thread).
   */
  readonly anonymous?: boolean
  /** A stand-in Worker (`CALIBRATION_WORKERS`) instead of Précis. */
  readonly calibration?: keyof typeof CALIBRATION_WORKERS
}

/**
 * Workers of a few lines, measured the same way: what the local runtime spends on any new
 * isolate's first request (its dev proxy, the first invocation, the first use of the local KV and
 * Durable Object simulators, which run on the same thread), which is not Précis's code. Précis's
 * share is its row minus the matching one: `answer` for a refusal, `kv` for an anonymous summary,
 * `metered` for a request with a key.
 */
const CALIBRATION_WORKERS = {
  answer: `export default {
  async fetch(request) {
    const text = await request.text()
    return Response.json({ received: text.length }, { status: 422 })
  },
}
`,
  kv: `export default {
  async fetch(request, env, ctx) {
    const text = await request.text()
    const key = 'entry:' + text.length
    const previous = await env.CACHE.get(key, 'text')
    ctx.waitUntil(env.CACHE.put(key, text, { expirationTtl: 3600 }))
    return Response.json({ received: text.length, cached: previous !== null })
  },
}
`,
  // What a metered request with a key does: the key's record read from KV, the caller's meter
  // (a Durable Object on SQLite) asked, the result cache read and written.
  metered: `import { DurableObject } from 'cloudflare:workers'
export class Meter extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env)
    ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS hits (minute INTEGER PRIMARY KEY, n INTEGER)')
  }
  admit(minute) {
    this.ctx.storage.sql.exec('INSERT INTO hits VALUES (?, 1) ON CONFLICT(minute) DO UPDATE SET n = n + 1', minute)
    return this.ctx.storage.sql.exec('SELECT n FROM hits WHERE minute = ?', minute).one().n
  }
}
export default {
  async fetch(request, env, ctx) {
    const record = await env.CACHE.get('key:' + (request.headers.get('authorization') ?? ''), 'text')
    const meter = env.METER.get(env.METER.idFromName('tenant'))
    const count = await meter.admit(Math.floor(Date.now() / 60000))
    const text = await request.text()
    const key = 'entry:' + text.length
    const previous = await env.CACHE.get(key, 'text')
    ctx.waitUntil(env.CACHE.put(key, text, { expirationTtl: 3600 }))
    return Response.json({ received: text.length, cached: previous !== null, count, known: record !== null })
  },
}
`,
} as const

/** Writes the calibration Worker `name` and its configuration; returns the configuration's path. */
function writeCalibrationWorker(dir: string, name: keyof typeof CALIBRATION_WORKERS): string {
  const folder = path.join(dir, name)
  mkdirSync(folder, { recursive: true })
  writeFileSync(path.join(folder, 'index.js'), CALIBRATION_WORKERS[name])
  const config = path.join(folder, 'wrangler.toml')
  writeFileSync(
    config,
    [
      `name = "calibration-${name}"`,
      'main = "index.js"',
      // Précis's date (wrangler.toml); wrangler 4.86 refuses later ones.
      'compatibility_date = "2026-04-01"',
      '[[kv_namespaces]]',
      'binding = "CACHE"',
      'id = "00000000000000000000000000000000"',
      ...(name === 'metered'
        ? [
            '[[durable_objects.bindings]]',
            'name = "METER"',
            'class_name = "Meter"',
            '[[migrations]]',
            'tag = "v1"',
            'new_sqlite_classes = ["Meter"]',
          ]
        : []),
      '',
    ].join('\n')
  )
  return config
}

const SCENARIOS: readonly Scenario[] = [
  {
    label: 'POST /v1/summarize (computed)',
    method: 'POST',
    path: '/v1/summarize',
    body: freshArticle,
  },
  {
    label: 'POST /v1/detect',
    method: 'POST',
    path: '/v1/detect',
    body: (nonce) => ({ text: `${ARTICLE} Ticket ${nonce}.` }),
  },
  {
    label: 'POST /v1/summarize, 422 (bad field)',
    method: 'POST',
    path: '/v1/summarize',
    body: () => ({ text: ARTICLE, lengths: ['tiny'] }),
  },
  {
    label: 'anonymous: POST /v1/summarize',
    method: 'POST',
    path: '/v1/summarize',
    body: freshArticle,
    anonymous: true,
  },
  {
    label: 'anonymous: POST /v1/summarize, 422',
    method: 'POST',
    path: '/v1/summarize',
    body: () => ({ text: ARTICLE, lengths: ['tiny'] }),
    anonymous: true,
  },
  {
    label: 'minimal Worker: answers 422',
    method: 'POST',
    path: '/',
    body: () => ({ text: ARTICLE }),
    calibration: 'answer',
  },
  {
    label: 'minimal Worker: one KV read + write',
    method: 'POST',
    path: '/',
    body: (nonce) => ({ text: `${ARTICLE} ${nonce}` }),
    calibration: 'kv',
  },
  {
    label: 'minimal Worker: KV read, object, KV r+w',
    method: 'POST',
    path: '/',
    body: (nonce) => ({ text: `${ARTICLE} ${nonce}` }),
    calibration: 'metered',
  },
  {
    label: 'POST /v1/summarize, no warm-up',
    method: 'POST',
    path: '/v1/summarize',
    body: freshArticle,
    noWarmUp: true,
  },
]

/** Milliseconds of CPU of each thread of `pid`, by thread id. */
function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>()
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const ns = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
      out.set(tid, ns / 1e6)
    } catch {
      // The thread ended.
    }
  }
  return out
}

type Measured = {
  readonly status: number
  readonly main: number
  readonly helpers: number
  /** CPU of the main thread before the request: startup (process, runtime, the Worker's module). */
  readonly startup: number
}

async function measure(
  server: DevServer,
  pid: number,
  key: string | undefined,
  method: string,
  route: string,
  body: unknown
): Promise<Measured> {
  await sleep(SETTLE_MS)
  const before = threadCpu(pid)
  const startup = before.get(String(pid)) ?? 0
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: {
      ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  await response.arrayBuffer()
  await sleep(AFTER_MS)
  const after = threadCpu(pid)
  let helpers = 0
  for (const [tid, ms] of after) if (tid !== String(pid)) helpers += ms - (before.get(tid) ?? 0)
  return {
    status: response.status,
    main: (after.get(String(pid)) ?? 0) - (before.get(String(pid)) ?? 0),
    helpers,
    startup,
  }
}

const ADMIN_TOKEN = randomBytes(24).toString('hex')
const VARS = { AUTH_MODE: 'required', ADMIN_TOKEN, ANON_RATE_LIMIT: '60' }
const ANONYMOUS_VARS = { AUTH_MODE: 'open', ADMIN_TOKEN, ANON_RATE_LIMIT: '0' }

async function createKey(state: string): Promise<string> {
  const server = await startDevServer({
    port: PORT,
    inspectorPort: PORT + 1,
    persistTo: state,
    vars: VARS,
  })
  try {
    return await createSecretKey(server, ADMIN_TOKEN, {
      tenant: 'bench',
      name: 'cold start',
      scopes: ['summarize', 'detect'],
    })
  } finally {
    await server.stop()
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0
const fmt = (ms: number) => ms.toFixed(1).padStart(6)

export async function run(_context: BenchContext): Promise<void> {
  if (process.platform !== 'linux') {
    console.log('cold-start-workerd: Linux only (reads /proc)')
    return
  }
  const state = mkdtempSync(path.join(tmpdir(), 'precis-cold-state-'))
  try {
    const key = await createKey(state)
    console.log(
      `workerd main-thread CPU ms (upper bound of the Worker's own), ${RUNS} fresh servers per row; AUTH_MODE=required with a key, except "anonymous" rows (open mode, unmetered):`
    )
    console.log(
      `  ${'first request of a new isolate'.padEnd(38)} ${'median'.padStart(6)} ${'max'.padStart(6)}   status   V8 helper threads   runtime floor (GET /health after it)   startup (main thread until idle)`
    )
    const only = process.env.PRECIS_BENCH_ROWS
    for (const scenario of SCENARIOS) {
      if (only !== undefined && !scenario.label.includes(only)) continue
      const firsts: Measured[] = []
      const floors: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const server = await startDevServer({
          port: PORT,
          inspectorPort: PORT + 1,
          persistTo: state,
          ...(scenario.calibration
            ? { config: writeCalibrationWorker(state, scenario.calibration) }
            : { vars: scenario.anonymous ? ANONYMOUS_VARS : VARS }),
          readyWhen: 'log',
          ...(scenario.noWarmUp ? { defines: { PRECIS_SKIP_WARM_UP: 'true' } } : {}),
        })
        try {
          const pid = server.workerdPid()
          if (pid === undefined) throw new Error('no workerd process found for the server')
          const nonce = randomBytes(6).toString('hex')
          const caller = scenario.anonymous ? undefined : key
          const body = scenario.body?.(nonce)
          firsts.push(await measure(server, pid, caller, scenario.method, scenario.path, body))
          for (let i = 0; i < 3; i++) {
            floors.push((await measure(server, pid, caller, 'GET', '/health', undefined)).main)
          }
        } finally {
          await server.stop()
        }
      }
      const statuses = [...new Set(firsts.map((f) => f.status))].join('/')
      console.log(
        `  ${scenario.label.padEnd(38)} ${fmt(median(firsts.map((f) => f.main)))} ${fmt(Math.max(...firsts.map((f) => f.main)))}   ${statuses.padEnd(8)} ${fmt(median(firsts.map((f) => f.helpers)))}              ${fmt(median(floors))}                                ${fmt(median(firsts.map((f) => f.startup)))}`
      )
    }
  } finally {
    rmSync(state, { recursive: true, force: true })
  }
}
