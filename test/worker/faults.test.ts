/**
 * Fault injection: each dependency failing in each way it can, through the Worker's own entry
 * point with the failing binding swapped into its env. What the service does for each (fail open
 * or closed) is decided in docs/faults.md; these tests hold it to that.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, it } from 'vitest'
import worker from '../../src/index'
import { ENGLISH_ARTICLE } from '../fixtures/articles'
import { expectStatus } from './helpers'
import { type Overrides, unique } from './translate-helpers'

type Fault = 'throw' | 'reject' | 'hang' | 'slow'

/** A KV namespace that delegates to `real` except where `faults` says otherwise. */
function faultyKv(real: KVNamespace, faults: { get?: Fault; put?: Fault; list?: Fault }) {
  const misbehave = <T>(fault: Fault | undefined, call: () => Promise<T>): Promise<T> => {
    switch (fault) {
      case 'throw':
        throw new Error('injected: KV unavailable')
      case 'reject':
        return Promise.reject(new Error('injected: KV unavailable'))
      case 'hang':
        return new Promise<T>(() => undefined)
      case 'slow':
        return new Promise<T>((resolve, reject) =>
          setTimeout(() => call().then(resolve, reject), 3000)
        )
      default:
        return call()
    }
  }
  const calls = { get: 0, put: 0 }
  const kv = {
    get: (...args: Parameters<KVNamespace['get']>) => {
      calls.get++
      return misbehave(faults.get, () =>
        (real.get as (...a: unknown[]) => Promise<unknown>)(...args)
      )
    },
    getWithMetadata: (...args: Parameters<KVNamespace['getWithMetadata']>) =>
      misbehave(faults.get, () =>
        (real.getWithMetadata as (...a: unknown[]) => Promise<unknown>)(...args)
      ),
    put: (...args: Parameters<KVNamespace['put']>) => {
      calls.put++
      return misbehave(faults.put, () => real.put(...args))
    },
    delete: (key: string) => misbehave(faults.put, () => real.delete(key)),
    list: (...args: Parameters<KVNamespace['list']>) =>
      misbehave(faults.list ?? faults.get, () => real.list(...args)),
  }
  return { kv: kv as unknown as KVNamespace, calls }
}

/** Calls the Worker with `overrides` in its env; `settled` waits for its background work too. */
async function callWith(
  request: Request,
  overrides: Overrides
): Promise<{ res: Response; ms: number; settled: Promise<void> }> {
  const ctx = createExecutionContext()
  const started = Date.now()
  const res = await worker.fetch(request, { ...env, ...overrides } as Env, ctx)
  const ms = Date.now() - started
  return { res, ms, settled: waitOnExecutionContext(ctx) }
}

function summarizeRequest(text: string, extra: Record<string, unknown> = {}) {
  return new Request('https://api.test/v1/summarize', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, ...extra }),
  })
}

function translateRequest(text: string, extra: Record<string, unknown> = {}) {
  return new Request('https://api.test/v1/translate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, source: 'en', target: 'es', ...extra }),
  })
}

const article = () => `${ENGLISH_ARTICLE}\n\nFault case ${unique()}.`

describe('result cache (CACHE KV): fails open', () => {
  for (const fault of ['throw', 'reject'] as const) {
    it(`read that ${fault}s: answered from a fresh computation (MISS)`, async ({ expect }) => {
      const { kv } = faultyKv(env.CACHE, { get: fault })
      const { res, settled } = await callWith(summarizeRequest(article()), { CACHE: kv })
      await expectStatus(res, 200)
      expect(res.headers.get('x-cache')).toBe('MISS')
      await settled
    })
  }

  it('read that hangs: a miss after the read deadline, not a hung request', async ({ expect }) => {
    const { kv } = faultyKv(env.CACHE, { get: 'hang' })
    const { res, ms, settled } = await callWith(summarizeRequest(article()), { CACHE: kv })
    await expectStatus(res, 200)
    expect(res.headers.get('x-cache')).toBe('MISS')
    expect(ms).toBeLessThan(2900)
    await settled
  })

  for (const fault of ['throw', 'reject'] as const) {
    it(`write that ${fault}s: still 200, and the next request computes again`, async ({
      expect,
    }) => {
      const text = article()
      const { kv, calls } = faultyKv(env.CACHE, { put: fault })
      const first = await callWith(summarizeRequest(text), { CACHE: kv })
      await expectStatus(first.res, 200)
      await first.settled
      expect(calls.put).toBe(1)
      const second = await callWith(summarizeRequest(text), { CACHE: kv })
      await expectStatus(second.res, 200)
      expect(second.res.headers.get('x-cache')).toBe('MISS')
      await second.settled
    })
  }

  it('slow write: the answer does not wait for it', async ({ expect }) => {
    const { kv } = faultyKv(env.CACHE, { put: 'slow' })
    const { res, ms, settled } = await callWith(summarizeRequest(article()), { CACHE: kv })
    await expectStatus(res, 200)
    expect(ms).toBeLessThan(2900)
    await settled
  })

  it('translation with a failing cache: translated, MISS', async ({ expect }) => {
    const { kv } = faultyKv(env.CACHE, { get: 'reject', put: 'reject' })
    const { res, settled } = await callWith(translateRequest(`The summit (${unique()}).`), {
      CACHE: kv,
      APERTIUM_URL: 'http://apy.fake',
    })
    await expectStatus(res, 200)
    expect(res.headers.get('x-cache')).toBe('MISS')
    await settled
  })
})

describe('translation engine: fails closed (a problem, nothing cached)', () => {
  for (const host of ['apy-garbage.fake', 'apy-wrongshape.fake']) {
    it(`${host}: 502 provider_bad_response, and the text is not cached`, async ({ expect }) => {
      const text = `The summit in Xian (${unique()}).`
      const bad = await callWith(translateRequest(text), { APERTIUM_URL: `http://${host}` })
      const body = (await expectStatus(bad.res, 502)) as { code: string }
      expect(body.code).toBe('provider_bad_response')
      expect(bad.res.headers.get('content-type')).toContain('application/problem+json')
      await bad.settled
      const good = await callWith(translateRequest(text), { APERTIUM_URL: 'http://apy.fake' })
      await expectStatus(good.res, 200)
      expect(good.res.headers.get('x-cache')).toBe('MISS')
      await good.settled
    })
  }

  it('summary with translate, engine down: 502 problem, the summary is not cached', async ({
    expect,
  }) => {
    const text = article()
    const down = await callWith(summarizeRequest(text, { translate: ['es'], language: 'en' }), {
      APERTIUM_URL: 'http://127.0.0.1:1',
    })
    const body = (await expectStatus(down.res, 502)) as { code: string }
    expect(body.code).toBe('provider_unavailable')
    await down.settled
    const up = await callWith(summarizeRequest(text, { translate: ['es'], language: 'en' }), {
      APERTIUM_URL: 'http://apy.fake',
    })
    await expectStatus(up.res, 200)
    expect(up.res.headers.get('x-cache')).toBe('MISS')
    await up.settled
  })

  it('summary with translate, engine slow: 504 problem at TRANSLATION_TIMEOUT_MS', async ({
    expect,
  }) => {
    const slow = await callWith(
      summarizeRequest(article(), { translate: ['es'], language: 'en' }),
      {
        APERTIUM_URL: 'http://apy-slow.fake',
        TRANSLATION_TIMEOUT_MS: '300',
      }
    )
    const body = (await expectStatus(slow.res, 504)) as { code: string }
    expect(body.code).toBe('provider_timeout')
    expect(slow.ms).toBeLessThan(2500)
    await slow.settled
  })
})

describe('glossary store (GLOSSARIES KV)', () => {
  it('failing: bundled glossaries still apply (they are compiled in, not read from KV)', async ({
    expect,
  }) => {
    const { kv } = faultyKv(env.GLOSSARIES, { get: 'reject', put: 'reject', list: 'reject' })
    const { res, settled } = await callWith(
      summarizeRequest(`Leaders met in Xian on Thursday (${unique()}). ${ENGLISH_ARTICLE}`, {
        glossary: 'news-central-asia',
      }),
      { GLOSSARIES: kv }
    )
    const body = (await expectStatus(res, 200)) as { glossary: { id: string } | null }
    expect(body.glossary?.id).toBe('news-central-asia')
    await settled
  })
})

describe('glossary store (GLOSSARIES KV): fails closed for managed glossaries', () => {
  const managed = 'fault-managed'
  const upload = {
    entries: [{ id: 'silk', terms: { en: ['Silk Road', 'Silk Route'] } }],
  }
  const put = (overrides: Overrides) =>
    callWith(
      new Request(`https://api.test/v1/glossaries/${managed}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: 'Bearer test-admin-token' },
        body: JSON.stringify(upload),
      }),
      overrides
    )

  for (const fault of ['reject', 'throw', 'hang'] as const) {
    it(`KV that ${fault}s: 503 storage_unavailable with Retry-After, on read, write and list`, async ({
      expect,
    }) => {
      const { kv } = faultyKv(env.GLOSSARIES, { get: fault, put: fault, list: fault })
      const calls = [
        await callWith(new Request(`https://api.test/v1/glossaries/${managed}`), {
          GLOSSARIES: kv,
        }),
        await callWith(new Request('https://api.test/v1/glossaries'), { GLOSSARIES: kv }),
        await put({ GLOSSARIES: kv }),
        await callWith(summarizeRequest(`The Silk Route (${unique()}).`, { glossary: managed }), {
          GLOSSARIES: kv,
        }),
      ]
      for (const { res, settled } of calls) {
        const body = (await expectStatus(res, 503)) as { code: string }
        expect(body.code).toBe('storage_unavailable')
        expect(res.headers.get('retry-after')).toBe('5')
        expect(res.headers.get('content-type')).toContain('application/problem+json')
        await settled
      }
    }, 60_000)
  }

  it('back up: the same requests succeed', async ({ expect }) => {
    const written = await put({})
    expect([200, 201]).toContain(written.res.status)
    await written.settled
    const { res, settled } = await callWith(
      summarizeRequest(`The Silk Route (${unique()}).`, { glossary: managed }),
      {}
    )
    await expectStatus(res, 200)
    await settled
  })
})

/** A Durable Object namespace whose objects misbehave in every method (or whose `get` throws). */
function faultyObjects(real: DurableObjectNamespace, fault: Fault | 'get') {
  const misbehave = (): Promise<never> => {
    switch (fault) {
      case 'throw':
        throw new Error('injected: Durable Object unavailable')
      case 'hang':
        return new Promise<never>(() => undefined)
      default:
        return Promise.reject(new Error('injected: Durable Object overloaded'))
    }
  }
  const calls: string[] = []
  const stub = new Proxy(
    {},
    {
      get: (_, method) => () => {
        calls.push(String(method))
        return misbehave()
      },
    }
  )
  const namespace = {
    idFromName: (name: string) => real.idFromName(name),
    get: () => {
      if (fault === 'get') throw new Error('injected: no such location')
      return stub
    },
  }
  return { namespace: namespace as unknown as DurableObjectNamespace, calls }
}

const OBJECT_FAULTS = ['throw', 'reject', 'hang', 'get'] as const

function withKey(key: string, request: Request): Request {
  const headers = new Headers(request.headers)
  headers.set('authorization', `Bearer ${key}`)
  return new Request(request, { headers })
}

/** A fresh secret key with a limit of one request a minute, in a tenant of its own. */
async function limitedKey(): Promise<string> {
  const { res, settled } = await callWith(
    new Request('https://api.test/v1/keys', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-admin-token' },
      body: JSON.stringify({
        tenant: `fault-${unique()}`.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
        name: 'fault test',
        kind: 'secret',
        scopes: ['summarize', 'detect'],
        rateLimit: { requests: 1, period: 60 },
        monthlyCharacters: 1_000_000,
      }),
    }),
    {}
  )
  const body = (await expectStatus(res, 201)) as { key: string }
  await settled
  return body.key
}

describe('access meter (ACCESS_METER Durable Object): admission fails open, usage closed', () => {
  it('up: the limit holds (1 a minute: the second request is 429)', async ({ expect }) => {
    const key = await limitedKey()
    const first = await callWith(withKey(key, summarizeRequest(`One (${unique()}).`)), {})
    await expectStatus(first.res, 200)
    await first.settled
    const second = await callWith(withKey(key, summarizeRequest(`Two (${unique()}).`)), {})
    expect(((await expectStatus(second.res, 429)) as { code: string }).code).toBe('rate_limited')
    await second.settled
  })

  for (const fault of OBJECT_FAULTS) {
    it(`meter that ${fault === 'get' ? 'cannot be reached' : `${fault}s`}: the limited key is served (unmetered, logged)`, async ({
      expect,
    }) => {
      const key = await limitedKey()
      const { namespace, calls } = faultyObjects(env.ACCESS_METER, fault)
      const logged: string[] = []
      const log = console.log
      console.log = (line: unknown) => {
        logged.push(String(line))
      }
      try {
        for (const n of [1, 2, 3]) {
          const { res, settled } = await callWith(
            withKey(key, summarizeRequest(`Request ${n} (${unique()}). ${ENGLISH_ARTICLE}`)),
            { ACCESS_METER: namespace }
          )
          await expectStatus(res, 200)
          await settled
        }
      } finally {
        console.log = log
      }
      if (fault !== 'get') expect(calls).toContain('admit')
      const unmetered = logged.filter((line) => line.includes('"admission_unmetered"'))
      expect(unmetered).toHaveLength(3)
      expect(unmetered.join('\n')).not.toContain(key)
    }, 60_000)
  }

  it('meter down: anonymous callers under ANON_RATE_LIMIT are served too', async ({ expect }) => {
    const { namespace } = faultyObjects(env.ACCESS_METER, 'reject')
    const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`
    for (const n of [1, 2]) {
      const request = summarizeRequest(`Anonymous ${n} (${unique()}).`)
      request.headers.set('cf-connecting-ip', address)
      const { res, settled } = await callWith(request, {
        ACCESS_METER: namespace,
        ANON_RATE_LIMIT: '1',
      })
      expect(res.status).toBe(200)
      await settled
    }
  })

  for (const fault of ['reject', 'hang'] as const) {
    it(`meter that ${fault}s: GET /v1/usage is 503 storage_unavailable with Retry-After`, async ({
      expect,
    }) => {
      const key = await limitedKey()
      const { namespace } = faultyObjects(env.ACCESS_METER, fault)
      const { res, settled } = await callWith(
        withKey(key, new Request('https://api.test/v1/usage')),
        { ACCESS_METER: namespace }
      )
      const body = (await expectStatus(res, 503)) as { code: string }
      expect(body.code).toBe('storage_unavailable')
      expect(res.headers.get('retry-after')).toBe('5')
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      await settled
    }, 30_000)
  }
})

describe('glossary writer (GLOSSARY_WRITER Durable Object): writes fail closed', () => {
  const id = 'fault-writer'
  const admin = { authorization: 'Bearer test-admin-token' }
  const upload = (term: string) =>
    JSON.stringify({ entries: [{ id: 'silk', terms: { en: ['Silk Road', term] } }] })
  const put = (term: string, overrides: Overrides, headers: Record<string, string> = {}) =>
    callWith(
      new Request(`https://api.test/v1/glossaries/${id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...admin, ...headers },
        body: upload(term),
      }),
      overrides
    )
  const read = async () => {
    const { res, settled } = await callWith(new Request(`https://api.test/v1/glossaries/${id}`), {})
    const body = (await expectStatus(res, 200)) as { version: string; entries: unknown[] }
    await settled
    return body
  }

  for (const fault of OBJECT_FAULTS) {
    it(`writer that ${fault === 'get' ? 'cannot be reached' : `${fault}s`}: PUT and DELETE are 503 and change nothing; reads still work`, async ({
      expect,
    }) => {
      const created = await put('Silk Route', {})
      expect([200, 201]).toContain(created.res.status)
      await created.settled
      const before = await read()

      const { namespace } = faultyObjects(env.GLOSSARY_WRITER, fault)
      const writes = [
        await put(`Silk Way ${unique()}`, { GLOSSARY_WRITER: namespace }),
        await callWith(
          new Request(`https://api.test/v1/glossaries/${id}`, { method: 'DELETE', headers: admin }),
          { GLOSSARY_WRITER: namespace }
        ),
      ]
      for (const { res, settled } of writes) {
        const body = (await expectStatus(res, 503)) as { code: string; detail: string }
        expect(body.code).toBe('storage_unavailable')
        expect(body.detail).not.toContain('injected')
        expect(res.headers.get('retry-after')).toBe('5')
        expect(res.headers.get('content-type')).toContain('application/problem+json')
        await settled
      }
      expect(await read()).toEqual(before)

      // Reads go to KV, not through the writer: a summary with the glossary is unaffected.
      const summary = await callWith(
        summarizeRequest(`The Silk Route (${unique()}).`, { glossary: id }),
        {
          GLOSSARY_WRITER: namespace,
        }
      )
      const body = (await expectStatus(summary.res, 200)) as { glossary: { id: string } | null }
      expect(body.glossary?.id).toBe(id)
      await summary.settled

      // Back up: a write conditional on the version read before the fault succeeds.
      const after = await put(`Silk Way ${unique()}`, {}, { 'if-match': `"${before.version}"` })
      expect(after.res.status).toBe(200)
      await after.settled
    }, 60_000)
  }
})
