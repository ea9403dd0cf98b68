/**
 * Keys, scopes, tenants, rate limits, quotas, usage and CORS, through the Worker with the real
 * local bindings (KV, Durable Objects). Each call passes env overrides, so the same tests run
 * the deployed mode (`AUTH_MODE=required`) and open mode side by side.
 */
import { describe, expect, it } from 'vitest'
import { ENGLISH_ARTICLE } from '../fixtures/articles'
import { callWorker, fakeRequests, unique } from './translate-helpers'

const ADMIN = 'test-admin-token'
const REQUIRED = { AUTH_MODE: 'required', APERTIUM_URL: 'http://apy.fake' }
const OPEN = { AUTH_MODE: 'open', APERTIUM_URL: 'http://apy.fake' }

type Json = Record<string, unknown>

function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; mode?: Json } = {}
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`
  let body: BodyInit | undefined
  if (typeof options.body === 'string') body = options.body
  else if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json'
    body = JSON.stringify(options.body)
  }
  return callWorker(
    new Request(`https://api.test${path}`, { method, headers, ...(body ? { body } : {}) }),
    options.mode ?? REQUIRED
  )
}

async function json(res: Response, status: number): Promise<Json> {
  const text = await res.text()
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`)
  return text === '' ? {} : (JSON.parse(text) as Json)
}

/** A fresh tenant per test, so tests never share keys, glossaries or counters. */
const tenant = () => `t-${unique()}`

async function createKey(body: Json): Promise<{ id: string; key: string; record: Json }> {
  const record = await json(await call('POST', '/v1/keys', { token: ADMIN, body }), 201)
  return { id: record.id as string, key: record.key as string, record }
}

const TSV = (term: string) => `en\tes\n${term}\t${term}-es\n`

function putGlossary(
  token: string,
  id: string,
  term: string,
  headers: Record<string, string> = {}
) {
  return call('PUT', `/v1/glossaries/${id}`, {
    token,
    body: TSV(term),
    headers: { 'content-type': 'text/tab-separated-values', ...headers },
  })
}

describe('AUTH_MODE=required', () => {
  it('answers 401 with a Bearer challenge without a key, and never reads one from the query', async () => {
    for (const path of [
      '/v1/detect',
      `/v1/detect?key=${ADMIN}`,
      `/v1/detect?access_token=${ADMIN}`,
    ]) {
      const res = await call('POST', path, { body: { text: 'Hello world, how are you today?' } })
      const body = await json(res, 401)
      expect(body.code).toBe('unauthorized')
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
    // Unknown and malformed keys too.
    for (const token of [`sk_0123456789abcdef_${'A'.repeat(43)}`, 'not-a-key']) {
      const res = await call('POST', '/v1/detect', { token, body: { text: 'Hello world' } })
      expect(res.status).toBe(401)
    }
  })

  it('refuses a detect-only key on /v1/translate with 403 insufficient_scope naming it', async () => {
    const { key } = await createKey({
      tenant: tenant(),
      name: 'd',
      kind: 'secret',
      scopes: ['detect'],
    })
    const ok = await call('POST', '/v1/detect', { token: key, body: { text: ENGLISH_ARTICLE } })
    expect((await json(ok, 200)).language).toBe('en')
    const res = await call('POST', '/v1/translate', {
      token: key,
      body: { text: 'Hello there.', source: 'en', target: 'es', glossary: null },
    })
    const body = await json(res, 403)
    expect(body).toMatchObject({ code: 'insufficient_scope', scope: 'translate' })
    expect(body.detail).toContain('translate')
    // summarize with `translate` needs both scopes.
    const s = await createKey({
      tenant: tenant(),
      name: 's',
      kind: 'secret',
      scopes: ['summarize'],
    })
    const both = await call('POST', '/v1/summarize', {
      token: s.key,
      body: { text: ENGLISH_ARTICLE, glossary: null, translate: { target: 'es' } },
    })
    expect(await json(both, 403)).toMatchObject({ scope: 'translate' })
  })

  it('answers the sixth request of a 5-per-minute key with 429, Retry-After and RateLimit-Policy', async () => {
    const { key } = await createKey({
      tenant: tenant(),
      name: 'r',
      kind: 'secret',
      scopes: ['detect'],
      rateLimit: { requests: 5, period: 60 },
    })
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 6; i++) {
      last = await call('POST', '/v1/detect', {
        token: key,
        body: { text: `Hello world number ${i}` },
      })
      statuses.push(last.status)
      if (i < 5) await last.text()
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    if (!last) throw new Error('no response')
    const retryAfter = Number(last.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(last.headers.get('ratelimit-policy')).toBe('"key";q=5;w=60')
    expect((await json(last, 429)).code).toBe('rate_limited')
  })

  it('stops a revoked key at once', async () => {
    const { id, key } = await createKey({
      tenant: tenant(),
      name: 'v',
      kind: 'secret',
      scopes: ['detect'],
    })
    expect(
      (await call('POST', '/v1/detect', { token: key, body: { text: 'Hello world' } })).status
    ).toBe(200)
    expect((await call('DELETE', `/v1/keys/${id}`, { token: ADMIN })).status).toBe(204)
    const res = await call('POST', '/v1/detect', { token: key, body: { text: 'Hello world' } })
    expect((await json(res, 401)).detail).toMatch(/revoked/)
    expect((await call('DELETE', '/v1/keys/0000000000000000', { token: ADMIN })).status).toBe(404)
  })
})

describe('key management', () => {
  it('shows the key once; listings carry neither the key nor its hash', async () => {
    const t = tenant()
    const created = await createKey({
      tenant: t,
      name: 'cms',
      kind: 'secret',
      scopes: ['summarize'],
    })
    expect(created.key).toMatch(/^sk_[0-9a-z]{16}_/)
    const list = await json(await call('GET', `/v1/keys?tenant=${t}`, { token: ADMIN }), 200)
    const keys = list.keys as Json[]
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({
      id: created.id,
      tenant: t,
      scopes: ['summarize'],
      revokedAt: null,
    })
    const text = JSON.stringify(list)
    expect(text).not.toContain(created.key)
    expect(text).not.toContain(created.key.slice(-43))
    expect(Object.keys(keys[0] ?? {})).not.toContain('hash')
  })

  it('is for the operator only, and validates bodies naming the field', async () => {
    const { key } = await createKey({
      tenant: tenant(),
      name: 'k',
      kind: 'secret',
      scopes: ['detect'],
    })
    const byKey = await call('POST', '/v1/keys', {
      token: key,
      body: { tenant: 'x', name: 'k', kind: 'secret', scopes: ['detect'] },
    })
    expect((await json(byKey, 403)).code).toBe('insufficient_scope')
    expect((await call('GET', '/v1/keys', {})).status).toBe(401)
    const bad = await call('POST', '/v1/keys', {
      token: ADMIN,
      body: { tenant: 'acme', name: 'p', kind: 'publishable', scopes: ['translate'] },
    })
    const problem = await json(bad, 422)
    const pointers = (problem.errors as { pointer: string }[]).map((e) => e.pointer)
    expect(pointers).toEqual(expect.arrayContaining(['#/scopes', '#/origins']))
  })
})

describe('tenants', () => {
  it('keeps tenant A’s glossary invisible and untouchable for tenant B', async () => {
    const all = ['glossaries:read', 'glossaries:write', 'summarize', 'translate']
    const a = await createKey({ tenant: tenant(), name: 'a', kind: 'secret', scopes: all })
    const b = await createKey({ tenant: tenant(), name: 'b', kind: 'secret', scopes: all })
    const id = `style-${unique()}`
    const created = await json(await putGlossary(a.key, id, 'Xinjiang'), 201)
    const version = created.version as string

    // B cannot see, check, use or delete it: every answer is the 404 of a missing glossary.
    expect((await call('GET', `/v1/glossaries/${id}`, { token: b.key })).status).toBe(404)
    expect(
      (
        await call('POST', `/v1/glossaries/${id}/check`, {
          token: b.key,
          body: { text: 'Xinjiang', language: 'en' },
        })
      ).status
    ).toBe(404)
    expect((await call('DELETE', `/v1/glossaries/${id}`, { token: b.key })).status).toBe(404)
    const sum = await call('POST', '/v1/summarize', {
      token: b.key,
      body: { text: ENGLISH_ARTICLE, glossary: id },
    })
    expect((await json(sum, 404)).code).toBe('unknown_glossary')
    const tr = await call('POST', '/v1/translate', {
      token: b.key,
      body: { text: 'Hello.', source: 'en', target: 'es', glossary: id },
    })
    expect((await json(tr, 404)).code).toBe('unknown_glossary')
    const listB = await json(await call('GET', '/v1/glossaries', { token: b.key }), 200)
    expect((listB.glossaries as Json[]).map((g) => g.id)).not.toContain(id)
    // B's If-Match for A's version is a 412; B's PUT creates B's own glossary of that name.
    expect((await putGlossary(b.key, id, 'Urumqi', { 'if-match': `"${version}"` })).status).toBe(
      412
    )
    expect((await putGlossary(b.key, id, 'Urumqi')).status).toBe(201)

    // A's glossary is unchanged, listed for A, usable by A.
    const mine = await json(await call('GET', `/v1/glossaries/${id}`, { token: a.key }), 200)
    expect(mine.version).toBe(version)
    const listA = await json(await call('GET', '/v1/glossaries', { token: a.key }), 200)
    expect((listA.glossaries as Json[]).map((g) => `${g.id}:${g.source}`)).toEqual(
      expect.arrayContaining([`${id}:api`, 'news-central-asia:bundled'])
    )
  })

  it('lets every tenant read bundled glossaries and none write them', async () => {
    const k = await createKey({
      tenant: tenant(),
      name: 'w',
      kind: 'secret',
      scopes: ['glossaries:read', 'glossaries:write'],
    })
    expect((await call('GET', '/v1/glossaries/news-central-asia', { token: k.key })).status).toBe(
      200
    )
    expect((await putGlossary(k.key, 'news-central-asia', 'x')).status).toBe(409)
    expect(
      (await call('DELETE', '/v1/glossaries/news-central-asia', { token: k.key })).status
    ).toBe(409)
  })

  it('never serves one tenant’s cached summary for another tenant’s same-named glossary', async () => {
    const scopes = ['glossaries:write', 'summarize']
    const a = await createKey({ tenant: tenant(), name: 'a', kind: 'secret', scopes })
    const b = await createKey({ tenant: tenant(), name: 'b', kind: 'secret', scopes })
    const id = `house-${unique()}`
    const text = `${ENGLISH_ARTICLE}\n\nThe harbour city council met on ${unique()}.`
    const put = (token: string, preferred: string) =>
      call('PUT', `/v1/glossaries/${id}`, {
        token,
        body: `en\tes\n${preferred}|harbour city\t${preferred}\n`,
        headers: { 'content-type': 'text/tab-separated-values' },
      })
    expect((await put(a.key, 'port town')).status).toBe(201)
    expect((await put(b.key, 'seaport')).status).toBe(201)
    const summary = (token: string) =>
      call('POST', '/v1/summarize', { token, body: { text, glossary: id, lengths: ['short'] } })
    const ra = await summary(a.key)
    const bodyA = await json(ra, 200)
    const rb = await summary(b.key)
    const bodyB = await json(rb, 200)
    expect(rb.headers.get('x-cache')).toBe('MISS')
    expect((bodyA.glossary as Json).version).not.toBe((bodyB.glossary as Json).version)
  })
})

describe('glossary writes through the writer object, over HTTP', () => {
  it('20 simultaneous PUTs with one If-Match: one 2xx, nineteen 412', async () => {
    const k = await createKey({
      tenant: tenant(),
      name: 'w',
      kind: 'secret',
      scopes: ['glossaries:write'],
    })
    const id = `race-${unique()}`
    const base = await json(await putGlossary(k.key, id, 'base'), 201)
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        putGlossary(k.key, id, `edit${i}`, { 'if-match': `"${base.version}"` })
      )
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 412)).toHaveLength(19)
  })

  it('20 simultaneous creates with If-None-Match: * → exactly one 201', async () => {
    const k = await createKey({
      tenant: tenant(),
      name: 'w',
      kind: 'secret',
      scopes: ['glossaries:write'],
    })
    const id = `create-${unique()}`
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        putGlossary(k.key, id, `c${i}`, { 'if-none-match': '*' })
      )
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 412)).toHaveLength(19)
  })

  it('a PUT and a DELETE with the same If-Match: one of them 412', async () => {
    const k = await createKey({
      tenant: tenant(),
      name: 'w',
      kind: 'secret',
      scopes: ['glossaries:write'],
    })
    for (let round = 0; round < 3; round++) {
      const id = `pd-${unique()}`
      const base = await json(await putGlossary(k.key, id, 'base'), 201)
      const ifMatch = { 'if-match': `"${base.version}"` }
      const [put, del] = await Promise.all([
        putGlossary(k.key, id, 'edit', ifMatch),
        call('DELETE', `/v1/glossaries/${id}`, { token: k.key, headers: ifMatch }),
      ])
      expect([put.status, del.status].filter((s) => s === 412)).toHaveLength(1)
    }
  })
})

describe('usage and quotas', () => {
  it('counts a known sequence of calls exactly', async () => {
    const t = tenant()
    const { key } = await createKey({
      tenant: t,
      name: 'u',
      kind: 'secret',
      scopes: ['detect', 'summarize'],
    })
    const texts = ['Hello world, this is English.', 'Bonjour tout le monde, ceci est du français.']
    for (const text of texts) {
      expect((await call('POST', '/v1/detect', { token: key, body: { text } })).status).toBe(200)
    }
    const article = `${ENGLISH_ARTICLE} ${unique()}`
    expect(
      (await call('POST', '/v1/summarize', { token: key, body: { text: article, glossary: null } }))
        .status
    ).toBe(200)
    // A refused request (invalid body) is not counted.
    expect((await call('POST', '/v1/summarize', { token: key, body: { text: 3 } })).status).toBe(
      422
    )
    const usage = await json(await call('GET', '/v1/usage', { token: key }), 200)
    expect(usage.requests).toEqual({ detect: 2, summarize: 1, translate: 0 })
    expect(usage.characters).toEqual({ summarize: [...article].length, translate: 0 })
    expect(usage.limits).toEqual({ monthlyCharacters: null })
    const period = usage.period as { start: string; end: string }
    expect(Date.parse(period.start) <= Date.now() && Date.now() < Date.parse(period.end)).toBe(true)
    // The operator sees the tenant's totals.
    const total = await json(await call('GET', `/v1/usage?tenant=${t}`, { token: ADMIN }), 200)
    expect(total.requests).toEqual({ detect: 2, summarize: 1, translate: 0 })
    expect((await call('GET', `/v1/usage?tenant=${t}`, { token: key })).status).toBe(403)
  })

  it('refuses over-quota work with 429 quota_exceeded before the engine is called', async () => {
    const { key } = await createKey({
      tenant: tenant(),
      name: 'q',
      kind: 'secret',
      scopes: ['translate'],
      monthlyCharacters: 40,
    })
    const ok = await call('POST', '/v1/translate', {
      token: key,
      body: { text: `Hello ${unique()}.`, source: 'en', target: 'es', glossary: null },
    })
    expect(ok.status).toBe(200)
    const before = await fakeRequests('apy.fake')
    const res = await call('POST', '/v1/translate', {
      token: key,
      body: {
        text: `A much longer text that goes over the quota ${unique()}.`,
        source: 'en',
        target: 'es',
        glossary: null,
      },
    })
    const body = await json(res, 429)
    expect(body.code).toBe('quota_exceeded')
    expect(Date.parse(body.resetAt as string)).toBeGreaterThan(Date.now())
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await fakeRequests('apy.fake')).toBe(before)
  })
})

describe('CORS and publishable keys', () => {
  const ORIGIN = 'https://cms.example.test'

  it('serves a publishable key from its origin, refuses it elsewhere, and preflights', async () => {
    const origin = `https://cms-${unique()}.example.test`
    const { key } = await createKey({
      tenant: tenant(),
      name: 'plugin',
      kind: 'publishable',
      scopes: ['detect', 'summarize'],
      origins: [origin],
    })
    const allowed = await call('POST', '/v1/detect', {
      token: key,
      body: { text: 'Hello world, how are you?' },
      headers: { origin },
    })
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin)
    expect(allowed.headers.get('access-control-expose-headers')).toContain('RateLimit-Policy')

    const elsewhere = await call('POST', '/v1/detect', {
      token: key,
      body: { text: 'Hello world' },
      headers: { origin: 'https://evil.example.test' },
    })
    expect((await json(elsewhere, 403)).code).toBe('origin_not_allowed')
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull()

    const preflight = (o: string) =>
      call('OPTIONS', '/v1/summarize', {
        headers: {
          origin: o,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      })
    const good = await preflight(origin)
    expect(good.status).toBe(204)
    expect(good.headers.get('access-control-allow-origin')).toBe(origin)
    expect(good.headers.get('access-control-allow-methods')).toContain('POST')
    expect(good.headers.get('access-control-allow-headers')).toBe(
      'authorization,content-type,if-none-match,if-match,cache-control'
    )
    expect(good.headers.get('access-control-max-age')).toBe('600')
    const bad = await preflight('https://evil.example.test')
    expect(bad.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('allows CORS_ORIGINS for anonymous callers in open mode only', async () => {
    const mode = { ...OPEN, CORS_ORIGINS: ORIGIN }
    const res = await call('POST', '/v1/detect', {
      body: { text: 'Hello world, how are you?' },
      headers: { origin: ORIGIN },
      mode,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    const other = await call('POST', '/v1/detect', {
      body: { text: 'Hello world, how are you?' },
      headers: { origin: 'https://other.example.test' },
      mode,
    })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('open mode', () => {
  it('serves anonymous callers as before, but still checks a key that is sent', async () => {
    const res = await call('POST', '/v1/detect', { body: { text: ENGLISH_ARTICLE }, mode: OPEN })
    expect((await json(res, 200)).language).toBe('en')
    const bad = await call('POST', '/v1/detect', {
      token: `sk_0123456789abcdef_${'B'.repeat(43)}`,
      body: { text: ENGLISH_ARTICLE },
      mode: OPEN,
    })
    expect(bad.status).toBe(401)
    // Anonymous callers cannot write glossaries.
    const anon = await call('PUT', `/v1/glossaries/anon-${unique()}`, {
      body: TSV('x'),
      headers: { 'content-type': 'text/tab-separated-values' },
      mode: OPEN,
    })
    expect(anon.status).toBe(401)
    expect(anon.headers.get('www-authenticate')).toMatch(/^Bearer/)
  })

  it('limits anonymous callers per address when ANON_RATE_LIMIT is set', async () => {
    const mode = { ...OPEN, ANON_RATE_LIMIT: '2' }
    const address = `198.51.100.${Math.floor(Math.random() * 250)}-${unique()}`
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) {
      const res = await call('POST', '/v1/detect', {
        body: { text: 'Hello world, how are you?' },
        headers: { 'cf-connecting-ip': address },
        mode,
      })
      statuses.push(res.status)
      await res.text()
    }
    expect(statuses).toEqual([200, 200, 429])
  })
})
