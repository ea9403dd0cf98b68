/**
 * Background jobs end to end against `wrangler dev` (local Queue, Durable Objects and R2):
 * 10,000 articles submitted as one NDJSON job, polled to completion and read back page by page
 * (every result present and in order), then the same number of articles sent as single
 * `POST /v1/summarize` requests over 32 connections. Prints figures; asserts nothing.
 *
 * Articles are the dev set's (or the repository's examples/articles when the set is absent),
 * repeated to 10,000, each copy made distinct by a line naming its number and this run, so no
 * result comes from the cache (the job's copies and the single requests' copies differ too).
 *
 * `npm run bench -- jobs [--items N] [--port P]` (default 10,000 items, ports 8832/8833).
 */
import { readdirSync, readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startDevServer } from '../harness/dev-server'
import { type BenchContext, fmt, readArticles } from './context'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const CONNECTIONS = 32

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name)
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN
  return Number.isInteger(value) && value > 0 ? value : fallback
}

type Source = { title?: string; text: string }

function sources(context: BenchContext): { from: string; articles: Source[] } {
  if (context.data) {
    return { from: context.data, articles: readArticles(context.data) }
  }
  const dir = path.join(repo, 'examples/articles')
  const articles = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ text: readFileSync(path.join(dir, f), 'utf8') }))
  return { from: 'examples/articles/*.txt', articles }
}

/** Article `i` of the run: a source article plus a line that makes it unique. */
function article(articles: readonly Source[], i: number, run: string, tag: string): Source {
  const base = articles[i % articles.length] as Source
  return {
    ...(base.title ? { title: base.title } : {}),
    text: `${base.text}\n\nArchive copy ${tag}-${i} of bench run ${run}.`,
  }
}

/** Reads the consumer settings of the job queue from wrangler.toml. */
function consumerSettings(): { batchSize: string; retries: string } {
  const toml = readFileSync(path.join(repo, 'wrangler.toml'), 'utf8')
  const block =
    /\[\[queues\.consumers\]\]\s*\nqueue = "precis-jobs"\n([\s\S]*?)(?:\n\[|$)/.exec(toml)?.[1] ??
    ''
  return {
    batchSize: /^max_batch_size = (\d+)/m.exec(block)?.[1] ?? '?',
    retries: /^max_retries = (\d+)/m.exec(block)?.[1] ?? '?',
  }
}

/**
 * Queue deliveries from the wrangler log (`QUEUE precis-jobs 10/10 (1234ms)`): how many batches,
 * their sizes, and how many ran at once on average (busy time over wall time).
 */
function deliveries(log: string, wallMs: number) {
  const batches = [...log.matchAll(/QUEUE precis-jobs (\d+)\/(\d+) \((\d+)ms\)/g)].map((m) => ({
    size: Number(m[2]),
    ms: Number(m[3]),
  }))
  const busy = batches.reduce((sum, b) => sum + b.ms, 0)
  const sizes = batches.map((b) => b.size)
  return {
    batches: batches.length,
    meanSize: sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : 0,
    maxSize: sizes.length ? Math.max(...sizes) : 0,
    meanMs: batches.length ? busy / batches.length : 0,
    concurrency: busy / wallMs,
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS })

function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          })
        )
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function run(context: BenchContext): Promise<void> {
  const items = flag('--items', 10_000)
  const port = flag('--port', 8832)
  const { from, articles } = sources(context)
  const settings = consumerSettings()
  const runId = Date.now().toString(36)
  console.log(`articles: ${items} generated from ${articles.length} in ${from}`)

  const server = await startDevServer({ port, inspectorPort: port + 1 })
  try {
    // ---- one job -------------------------------------------------------------------------
    const lines = [JSON.stringify({ operation: 'summarize', defaults: { lengths: ['short'] } })]
    for (let i = 0; i < items; i++) {
      lines.push(JSON.stringify({ id: `a${i}`, ...article(articles, i, runId, 'job') }))
    }
    const upload = Buffer.from(`${lines.join('\n')}\n`)
    const t0 = performance.now()
    // With an Idempotency-Key the submission can be sent again safely: `wrangler dev` answers
    // 503 "Your worker restarted mid-request" when its runtime reloads under a request.
    const key = `bench-${runId}`
    let submitted = { status: 0, headers: {} as http.IncomingHttpHeaders, body: '' }
    for (let attempt = 1; attempt <= 5; attempt++) {
      submitted = await request(`${server.url}/v1/jobs`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-ndjson',
          'content-length': String(upload.length),
          'idempotency-key': key,
        },
        body: upload,
      })
      if (submitted.status !== 503) break
      console.log(`submit attempt ${attempt}: 503 (${submitted.body.slice(0, 60)}…), sending again`)
      await sleep(2000)
    }
    const tAccepted = performance.now()
    if (submitted.status !== 202)
      throw new Error(`submit: ${submitted.status} ${submitted.body.slice(0, 500)}`)
    const job = JSON.parse(submitted.body) as { id: string }
    let status = ''
    let progress = { total: 0, done: 0, failed: 0 }
    for (;;) {
      const res = await request(`${server.url}/v1/jobs/${job.id}`)
      ;({ status, progress } = JSON.parse(res.body) as {
        status: string
        progress: typeof progress
      })
      if (!['queued', 'running'].includes(status)) break
      await sleep(500)
    }
    const tEnded = performance.now()
    let next: string | null = `/v1/jobs/${job.id}/results`
    let pages = 0
    let inOrder = true
    let count = 0
    let ok = 0
    const problems = new Map<string, number>()
    while (next !== null) {
      const res = await request(`${server.url}${next}`)
      pages++
      for (const line of res.body.split('\n')) {
        if (line === '') continue
        const result = JSON.parse(line) as {
          id: string
          status: number
          problem?: { code: string }
        }
        if (result.id !== `a${count}`) inOrder = false
        count++
        if (result.status === 200) ok++
        else
          problems.set(
            result.problem?.code ?? '?',
            (problems.get(result.problem?.code ?? '?') ?? 0) + 1
          )
      }
      const link = res.headers.link
      next =
        (typeof link === 'string' ? /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] : undefined) ?? null
    }
    const tRead = performance.now()
    const q = deliveries(server.log(), tEnded - tAccepted)

    console.log('\n### one job (POST /v1/jobs, NDJSON)')
    console.log(
      `upload: ${fmt(upload.length / 1024 / 1024)} MB, accepted in ${fmt((tAccepted - t0) / 1000)} s`
    )
    console.log(`status: ${status}; progress ${JSON.stringify(progress)}`)
    console.log(
      `results: ${count}/${items} lines in ${pages} pages, ${inOrder ? 'all in item order' : 'NOT IN ORDER'}; ${ok} ok, ${count - ok} failed${problems.size ? ` (${[...problems].map(([c, n]) => `${c} ×${n}`).join(', ')})` : ''}`
    )
    console.log(
      `end to end (submit → last results page read): ${fmt((tRead - t0) / 1000)} s = ${fmt((items * 1000) / (tRead - t0))} articles/s`
    )
    console.log(
      `processing (accepted → job ended): ${fmt((tEnded - tAccepted) / 1000)} s = ${fmt((items * 1000) / (tEnded - tAccepted))} articles/s`
    )
    console.log(
      `consumer: max_batch_size ${settings.batchSize} messages × 25 items, max_retries ${settings.retries}; ${q.batches} batches delivered, mean ${fmt(q.meanSize)} messages (max ${q.maxSize}), mean ${fmt(q.meanMs)} ms each, concurrency ${q.concurrency.toFixed(2)} (busy time / wall time)`
    )

    // ---- the same number as single requests ----------------------------------------------
    let sent = 0
    let singleOk = 0
    let restarts = 0
    const singleFailures = new Map<number, number>()
    const s0 = performance.now()
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        for (;;) {
          const i = sent++
          if (i >= items) return
          const body = JSON.stringify({
            ...article(articles, i, runId, 'single'),
            lengths: ['short'],
          })
          const res = await request(`${server.url}/v1/summarize`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          })
          if (res.status === 200) singleOk++
          else if (res.status === 503 && /restarted mid-request/.test(res.body)) restarts++
          else singleFailures.set(res.status, (singleFailures.get(res.status) ?? 0) + 1)
        }
      })
    )
    const s1 = performance.now()
    console.log(`\n### the same ${items} as single POST /v1/summarize, ${CONNECTIONS} connections`)
    if (restarts > 0)
      console.log(`(${restarts} of the failures: wrangler dev "restarted mid-request")`)
    console.log(
      `${singleOk} ok, ${items - singleOk} failed${singleFailures.size ? ` (${[...singleFailures].map(([s, n]) => `HTTP ${s} ×${n}`).join(', ')})` : ''}; ${fmt((s1 - s0) / 1000)} s = ${fmt((items * 1000) / (s1 - s0))} articles/s`
    )
  } finally {
    agent.destroy()
    await server.stop()
  }
}
