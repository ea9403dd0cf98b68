/**
 * Background jobs in workerd with the local Queue, Durable Objects and R2 of wrangler.toml.
 *
 * Two ways in: jobs submitted through the Worker (`call`) are delivered by the local queue to
 * the Worker's own consumer, as under `wrangler dev`; jobs whose delivery a test must control
 * (engine down on the first attempts, cancel between chunks, dead letters) are submitted with a
 * queue binding that only records the messages, which the test then hands to the consumer itself
 * (`createMessageBatch`), choosing each delivery's attempt number.
 */
import {
  createExecutionContext,
  createMessageBatch,
  getQueueResult,
  runDurableObjectAlarm,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import worker from '../../src/index'
import type { ChunkMessage } from '../../src/jobs/model'
import { ENGLISH_ARTICLE, LANGUAGE_SAMPLES } from '../fixtures/articles'
import { call } from './helpers'
import { callWorker, unique } from './translate-helpers'

type Problem = { code: string; status: number; detail: string; errors?: { pointer: string }[] }
type Job = {
  id: string
  operation: string
  status: string
  progress: { total: number; done: number; failed: number }
  createdAt: string
  updatedAt: string
  expiresAt: string
  webhookSecret?: string
}
type ResultLine = { id: string; status: number; body?: Record<string, unknown>; problem?: Problem }

const ADMIN = 'test-admin-token'
const TERMINAL = new Set(['succeeded', 'partially_succeeded', 'failed', 'cancelled'])

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text()
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`)
  return JSON.parse(text) as T
}

function jobRequest(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request('https://api.test/v1/jobs', {
    method: 'POST',
    headers: {
      'content-type': typeof body === 'string' ? 'application/x-ndjson' : 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** A queue binding that keeps what is sent, so the test decides when and how it is delivered. */
function recordingQueue() {
  const messages: ChunkMessage[] = []
  const binding = {
    async send(body: ChunkMessage) {
      messages.push(body)
    },
    async sendBatch(batch: Iterable<{ body: ChunkMessage }>) {
      for (const m of batch) messages.push(m.body)
    },
  }
  return { binding, messages }
}

/** Hands `messages` to the consumer as one batch of `queue`, each at delivery `attempts`. */
async function deliver(
  messages: readonly ChunkMessage[],
  options: { attempts?: number; queue?: string; overrides?: Record<string, unknown> } = {}
) {
  const batch = createMessageBatch<ChunkMessage>(
    options.queue ?? 'precis-jobs',
    messages.map((body, i) => ({
      id: `m-${unique()}-${i}`,
      timestamp: new Date(),
      attempts: options.attempts ?? 1,
      body,
    }))
  )
  const ctx = createExecutionContext()
  await worker.queue(batch as MessageBatch<unknown>, { ...env, ...options.overrides } as Env, ctx)
  return getQueueResult(batch, ctx)
}

/** Polls until the job has ended (the local queue delivers within a second or two per batch). */
async function untilEnded(id: string, get = (path: string) => call(path)): Promise<Job> {
  for (let i = 0; i < 240; i++) {
    const job = await json<Job>(await get(`/v1/jobs/${id}`), 200)
    if (TERMINAL.has(job.status)) return job
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`job ${id} did not end`)
}

/** Every result line, following `Link: rel="next"`; also returns the page sizes. */
async function allResults(id: string, get = (path: string) => call(path)) {
  const lines: ResultLine[] = []
  const pages: number[] = []
  let path: string | null = `/v1/jobs/${id}/results`
  while (path !== null) {
    const res: Response = await get(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/)
    const text = await res.text()
    const page = text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as ResultLine)
    pages.push(page.length)
    lines.push(...page)
    path = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null
  }
  return { lines, pages }
}

const article = (n: number) => `${ENGLISH_ARTICLE}\n\nJobs note ${unique()} number ${n}.`

describe('POST /v1/jobs through the local queue', () => {
  it('runs a few hundred summaries to succeeded, each body what /v1/summarize answers', async () => {
    const items = Array.from({ length: 240 }, (_, i) => ({ id: `story-${i}`, text: article(i) }))
    const res = await call('/v1/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operation: 'summarize', defaults: { lengths: ['short'] }, items }),
    })
    expect(res.headers.get('location')).toMatch(/^\/v1\/jobs\/job_[0-9a-f]{32}$/)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    const created = await json<Job>(res, 202)
    expect(created.status).toBe('queued')
    expect(created.progress).toEqual({ total: 240, done: 0, failed: 0 })
    expect(created.webhookSecret).toBeUndefined()

    const job = await untilEnded(created.id)
    expect(job.status).toBe('succeeded')
    expect(job.progress).toEqual({ total: 240, done: 240, failed: 0 })
    const { lines } = await allResults(created.id)
    expect(lines.map((l) => l.id)).toEqual(items.map((i) => i.id))
    expect(lines.every((l) => l.status === 200)).toBe(true)

    // The same item through the single route: the job's body is that answer, byte for byte.
    const single = await call('/v1/summarize', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: items[7]?.text, lengths: ['short'] }),
    })
    expect(single.headers.get('x-cache')).toBe('HIT')
    expect(lines[7]?.body).toEqual(await json(single, 200))
  })

  it('pages results by 1,000 lines in item order, linked by rel="next"', async () => {
    const samples = Object.values(LANGUAGE_SAMPLES)
    const lines = Array.from({ length: 1_030 }, (_, i) =>
      JSON.stringify({ id: `d${i}`, text: samples[i % samples.length] })
    )
    const upload = `${JSON.stringify({ operation: 'detect' })}\n${lines.join('\n')}\n`
    const created = await json<Job>(
      await call('/v1/jobs', {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body: upload,
      }),
      202
    )
    expect((await untilEnded(created.id)).status).toBe('succeeded')
    const { lines: results, pages } = await allResults(created.id)
    expect(pages).toEqual([1000, 30])
    expect(results.map((l) => l.id)).toEqual(lines.map((_, i) => `d${i}`))
    expect(results[1]?.body?.language).toBe(Object.keys(LANGUAGE_SAMPLES)[1])
  })

  it('ends partially_succeeded with each bad item’s own problem, pointing at the item', async () => {
    const items = [
      { id: 'ok-1', text: article(1) },
      { id: 'blank', text: '   ' },
      { id: 'ok-2', text: article(2) },
      { id: 'bad-length', text: article(3), lengths: ['enormous'] },
      { id: 'no-glossary', text: article(4), glossary: 'no-such-glossary' },
      { id: 'ok-3', text: article(5) },
    ]
    const created = await json<Job>(
      await call('/v1/jobs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ operation: 'summarize', defaults: { lengths: ['short'] }, items }),
      }),
      202
    )
    const job = await untilEnded(created.id)
    expect(job.status).toBe('partially_succeeded')
    expect(job.progress).toEqual({ total: 6, done: 6, failed: 3 })
    const { lines } = await allResults(created.id)
    expect(lines.map((l) => [l.id, l.status, l.problem?.code])).toEqual([
      ['ok-1', 200, undefined],
      ['blank', 422, 'invalid_request'],
      ['ok-2', 200, undefined],
      ['bad-length', 422, 'invalid_request'],
      ['no-glossary', 404, 'unknown_glossary'],
      ['ok-3', 200, undefined],
    ])
    expect(lines[1]?.problem?.errors?.[0]?.pointer).toBe('#/items/1/text')
    expect(lines[3]?.problem?.errors?.some((e) => e.pointer.startsWith('#/items/3/lengths'))).toBe(
      true
    )
    expect(lines[1]?.body).toBeUndefined()
  })

  it('ends failed when every item fails', async () => {
    const created = await json<Job>(
      await call('/v1/jobs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ operation: 'detect', items: [{ text: '' }, { text: '  ' }] }),
      }),
      202
    )
    expect((await untilEnded(created.id)).status).toBe('failed')
  })
})

describe('POST /v1/jobs refusals (before anything is stored)', () => {
  it('names the malformed NDJSON line', async () => {
    const upload = '{"operation":"detect"}\n{"text":"one"}\n{"text": nope}\n{"text":"three"}\n'
    const problem = await json<Problem & { errors: { line: number }[] }>(
      await callWorker(jobRequest(upload)),
      422
    )
    expect(problem.detail).toContain('Line 3')
    expect(problem.errors[0]?.line).toBe(3)
  })

  it('names a bad envelope field, and an item that is not an object', async () => {
    const bad = await json<Problem>(
      await callWorker(jobRequest({ operation: 'paraphrase', items: [{ text: 'x' }] })),
      422
    )
    expect(bad.errors?.map((e) => e.pointer)).toEqual(['#/operation'])
    const notObject = await json<Problem & { errors: { line: number }[] }>(
      await callWorker(jobRequest('{"operation":"detect"}\n["a list"]\n')),
      422
    )
    expect(notObject.errors[0]?.line).toBe(2)
  })

  it('refuses other media types and callback URLs that are not http(s)', async () => {
    const res = await callWorker(
      new Request('https://api.test/v1/jobs', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'hello',
      })
    )
    expect(res.status).toBe(415)
    const bad = await json<Problem>(
      await callWorker(
        jobRequest({ operation: 'detect', callbackUrl: 'ftp://x.test/', items: [{ text: 'x' }] })
      ),
      422
    )
    expect(bad.errors?.map((e) => e.pointer)).toEqual(['#/callbackUrl'])
  })
})

describe('retries, dead letters and cancel (deliveries driven by the test)', () => {
  const FLAKY = { APERTIUM_URL: 'http://apy-flaky.fake' }
  const translateItems = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `t${i}`,
      text: `The council met on Friday ${unique()}.`,
    }))

  async function submitRecorded(body: unknown, overrides: Record<string, unknown> = {}) {
    const queue = recordingQueue()
    const created = await json<Job>(
      await callWorker(jobRequest(body), { JOB_QUEUE: queue.binding, ...overrides }),
      202
    )
    return { created, messages: queue.messages }
  }

  it('retries a chunk while the engine is down, then succeeds', async () => {
    const { created, messages } = await submitRecorded({
      operation: 'translate',
      defaults: { source: 'en', target: 'es', glossary: null, provider: 'apertium' },
      items: translateItems(3),
    })
    expect(messages).toEqual([{ job: created.id, chunk: 0 }])
    // Down for the first two deliveries (the engine adapter retries once per call: 2 × 2 calls).
    await fetch('http://apy-flaky.fake/__fail?times=4', { method: 'POST' })
    for (const attempts of [1, 2]) {
      const result = await deliver(messages, { attempts, overrides: FLAKY })
      expect(result.retryMessages).toHaveLength(1)
      const job = await json<Job>(
        await callWorker(new Request(`https://api.test/v1/jobs/${created.id}`)),
        200
      )
      expect(job.status).toBe('running')
      expect(job.progress.done).toBe(0)
    }
    const third = await deliver(messages, { attempts: 3, overrides: FLAKY })
    expect(third.retryMessages).toHaveLength(0)
    expect(third.explicitAcks).toHaveLength(1)
    const job = await untilEnded(created.id, (p) => callWorker(new Request(`https://api.test${p}`)))
    expect(job.status).toBe('succeeded')
    const { lines } = await allResults(created.id, (p) =>
      callWorker(new Request(`https://api.test${p}`))
    )
    expect(lines.map((l) => l.status)).toEqual([200, 200, 200])
    const translations = (lines[0]?.body?.translations ?? []) as { text: string }[]
    expect(translations[0]?.text).toMatch(/\S/)
  })

  it('on the last delivery an item whose engine is still down ends failed with its problem', async () => {
    const { created, messages } = await submitRecorded({
      operation: 'translate',
      defaults: { source: 'en', target: 'es', glossary: null, provider: 'apertium' },
      items: translateItems(2),
    })
    const broken = { APERTIUM_URL: 'http://apy-broken.fake' }
    expect(
      (await deliver(messages, { attempts: 3, overrides: broken })).retryMessages
    ).toHaveLength(1)
    const last = await deliver(messages, { attempts: 4, overrides: broken })
    expect(last.retryMessages).toHaveLength(0)
    const get = (p: string) => callWorker(new Request(`https://api.test${p}`))
    const job = await untilEnded(created.id, get)
    expect(job.status).toBe('failed')
    const { lines } = await allResults(created.id, get)
    expect(lines.map((l) => [l.id, l.status, l.problem?.code])).toEqual([
      ['t0', 502, 'provider_unavailable'],
      ['t1', 502, 'provider_unavailable'],
    ])
  })

  it('a chunk that reaches the dead-letter queue ends with a problem per item, never looping', async () => {
    const { created, messages } = await submitRecorded({
      operation: 'detect',
      items: Array.from({ length: 30 }, (_, i) => ({ id: `x${i}`, text: LANGUAGE_SAMPLES.en })),
    })
    expect(messages.map((m) => m.chunk)).toEqual([0, 1])
    await deliver([messages[0] as ChunkMessage])
    const dead = await deliver([messages[1] as ChunkMessage], { queue: 'precis-jobs-dlq' })
    expect(dead.explicitAcks).toHaveLength(1)
    const get = (p: string) => callWorker(new Request(`https://api.test${p}`))
    const job = await untilEnded(created.id, get)
    expect(job).toMatchObject({
      status: 'partially_succeeded',
      progress: { total: 30, done: 30, failed: 5 },
    })
    const { lines } = await allResults(created.id, get)
    expect(lines.map((l) => l.id)).toEqual(Array.from({ length: 30 }, (_, i) => `x${i}`))
    expect(lines.slice(25).every((l) => l.problem?.code === 'internal_error')).toBe(true)
    // A redelivered chunk is counted once.
    await deliver([messages[0] as ChunkMessage])
    expect((await untilEnded(created.id, get)).progress.done).toBe(30)
  })

  it('cancel mid-job: chunks not started are dropped, finished results stay', async () => {
    const { created, messages } = await submitRecorded({
      operation: 'detect',
      items: Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, text: LANGUAGE_SAMPLES.fr })),
    })
    expect(messages).toHaveLength(4)
    await deliver(messages.slice(0, 1))
    const cancelled = await json<Job>(
      await callWorker(new Request(`https://api.test/v1/jobs/${created.id}`, { method: 'DELETE' })),
      200
    )
    expect(cancelled.status).toBe('cancelled')
    const rest = await deliver(messages.slice(1))
    expect(rest.explicitAcks).toHaveLength(3)
    const get = (p: string) => callWorker(new Request(`https://api.test${p}`))
    const job = await json<Job>(await get(`/v1/jobs/${created.id}`), 200)
    expect(job).toMatchObject({
      status: 'cancelled',
      progress: { total: 100, done: 25, failed: 0 },
    })
    const { lines } = await allResults(created.id, get)
    expect(lines.map((l) => l.id)).toEqual(Array.from({ length: 25 }, (_, i) => `c${i}`))
    // Cancelling again leaves it as it is.
    const again = await get(`/v1/jobs/${created.id}`)
    expect((await json<Job>(again, 200)).status).toBe('cancelled')
  })
})

describe('Idempotency-Key and tenants', () => {
  async function createKey(tenant: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await callWorker(
      new Request('https://api.test/v1/keys', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          tenant,
          name: 'jobs',
          kind: 'secret',
          scopes: ['detect'],
          ...extra,
        }),
      })
    )
    return (await json<{ key: string }>(res, 201)).key
  }

  it('same key and payload → same job; same key, other payload → 422', async () => {
    const key = `idem-${unique()}`
    const body = { operation: 'detect', items: [{ text: LANGUAGE_SAMPLES.de }] }
    const queue = recordingQueue()
    const send = (b: unknown) =>
      callWorker(jobRequest(b, { 'idempotency-key': key }), { JOB_QUEUE: queue.binding })
    const first = await json<Job>(await send(body), 202)
    const replay = await send(body)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect((await json<Job>(replay, 202)).id).toBe(first.id)
    // One job, queued once.
    expect(queue.messages).toHaveLength(1)
    const other = await json<Problem>(
      await send({ operation: 'detect', items: [{ text: LANGUAGE_SAMPLES.es }] }),
      422
    )
    expect(other.code).toBe('invalid_request')
    expect(other.detail).toContain('Idempotency-Key')
  })

  it('another tenant’s job is 404, even with the same Idempotency-Key', async () => {
    const [a, b] = [await createKey(`ta-${unique()}`), await createKey(`tb-${unique()}`)]
    const required = { AUTH_MODE: 'required', JOB_QUEUE: recordingQueue().binding }
    const key = `shared-${unique()}`
    const body = { operation: 'detect', items: [{ text: LANGUAGE_SAMPLES.en }] }
    const submit = (token: string) =>
      callWorker(
        jobRequest(body, { authorization: `Bearer ${token}`, 'idempotency-key': key }),
        required
      )
    const jobA = await json<Job>(await submit(a), 202)
    const jobB = await json<Job>(await submit(b), 202)
    expect(jobB.id).not.toBe(jobA.id)
    for (const path of [`/v1/jobs/${jobA.id}`, `/v1/jobs/${jobA.id}/results`]) {
      const res = await callWorker(
        new Request(`https://api.test${path}`, { headers: { authorization: `Bearer ${b}` } }),
        required
      )
      expect(res.status).toBe(404)
    }
    const cancel = await callWorker(
      new Request(`https://api.test/v1/jobs/${jobA.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${b}` },
      }),
      required
    )
    expect(cancel.status).toBe(404)
    const own = await callWorker(
      new Request(`https://api.test/v1/jobs/${jobA.id}`, {
        headers: { authorization: `Bearer ${a}` },
      }),
      required
    )
    expect(own.status).toBe(200)
  })

  it('reserves every item’s characters against the quota before anything is queued', async () => {
    const t = `tq-${unique()}`
    const key = await createKey(t, { scopes: ['summarize'], monthlyCharacters: 3000 })
    const required = { AUTH_MODE: 'required' }
    const queue = recordingQueue()
    const submit = (texts: string[]) =>
      callWorker(
        jobRequest(
          { operation: 'summarize', items: texts.map((text) => ({ text })) },
          { authorization: `Bearer ${key}` }
        ),
        { ...required, JOB_QUEUE: queue.binding }
      )
    const over = await submit([article(1), article(2), article(3)])
    expect((await json<Problem>(over, 429)).code).toBe('quota_exceeded')
    expect(queue.messages).toHaveLength(0)
    const small = 'A short note about the harbour. It opened on Tuesday. People came to see it.'
    expect((await submit([small, small])).status).toBe(202)
    const usage = await json<{
      requests: Record<string, number>
      characters: Record<string, number>
    }>(
      await callWorker(
        new Request('https://api.test/v1/usage', { headers: { authorization: `Bearer ${key}` } }),
        required
      ),
      200
    )
    expect(usage.requests.summarize).toBe(2)
    expect(usage.characters.summarize).toBe(2 * small.length)
  })

  it('needs the operation’s scope', async () => {
    const key = await createKey(`ts-${unique()}`)
    const res = await callWorker(
      jobRequest(
        { operation: 'translate', defaults: { target: 'es' }, items: [{ text: 'x' }] },
        { authorization: `Bearer ${key}` }
      ),
      { AUTH_MODE: 'required', JOB_QUEUE: recordingQueue().binding }
    )
    expect((await json<Problem>(res, 403)).code).toBe('insufficient_scope')
  })
})

describe('callbackUrl', () => {
  async function deliveries(path: string) {
    const res = await fetch(`http://hooks.fake/__deliveries?path=${encodeURIComponent(path)}`)
    return (await res.json()) as { headers: Record<string, string>; body: string }[]
  }

  it('POSTs the job document signed per Standard Webhooks, retrying until the receiver accepts', async () => {
    const path = `/fail-2/${unique()}`
    const queue = recordingQueue()
    const created = await json<Job>(
      await callWorker(
        jobRequest({
          operation: 'detect',
          callbackUrl: `http://hooks.fake${path}`,
          items: [{ id: 'only', text: LANGUAGE_SAMPLES.ru }],
        }),
        { JOB_QUEUE: queue.binding }
      ),
      202
    )
    expect(created.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/)
    // Not shown again.
    const shown = await json<Job>(
      await callWorker(new Request(`https://api.test/v1/jobs/${created.id}`)),
      200
    )
    expect(shown.webhookSecret).toBeUndefined()

    await deliver(queue.messages)
    const stub = env.JOBS.get(env.JOBS.idFromName(created.id))
    // The receiver answers 500 twice; the object's alarm retries. The first alarm is due at once
    // (it may already have rung by itself); later ones are rung here instead of waiting minutes.
    for (let i = 0; i < 20 && (await deliveries(path)).length < 3; i++) {
      await runDurableObjectAlarm(stub)
    }
    const got = await deliveries(path)
    expect(got).toHaveLength(3)
    const last = got[2] as { headers: Record<string, string>; body: string }
    // The published verifier (npm standardwebhooks) accepts it with the secret from the 202.
    const verified = new Webhook(created.webhookSecret as string).verify(last.body, last.headers)
    expect(verified).toMatchObject({ id: created.id, status: 'succeeded', progress: { done: 1 } })
    expect(last.headers['webhook-id']).toBe(got[0]?.headers['webhook-id'])
    // A tampered body or another secret does not verify.
    expect(() =>
      new Webhook(created.webhookSecret as string).verify(
        last.body.replace('succeeded', 'failed'),
        last.headers
      )
    ).toThrow()
    expect(() =>
      new Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').verify(last.body, last.headers)
    ).toThrow()
    // Delivered: nothing more is sent.
    await runDurableObjectAlarm(stub)
    expect(await deliveries(path)).toHaveLength(3)
  })
})
