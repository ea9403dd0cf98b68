import { describe, it } from 'vitest'
import { ENGLISH_ARTICLE, LANGUAGE_SAMPLES } from '../fixtures/articles'
import { call, expectStatus, postJson } from './helpers'
import { callWorker, unique } from './translate-helpers'

type Problem = {
  type: string
  title: string
  status: number
  detail: string
  code: string
  errors?: { pointer: string; message: string }[]
}
type Result = { id: string; status: number; body?: Record<string, unknown>; problem?: Problem }
type Batch = { results: Result[] }

/** Texts no other test sends, so the KV cache starts empty for them. */
let counter = 0
function uniqueArticle(): string {
  counter++
  return `${ENGLISH_ARTICLE}\n\nBatch note ${counter} (${Date.now()}): the council met again on Friday.`
}

describe('POST /v1/summarize with items', () => {
  it('answers each item on its own, in order, with problems for the bad ones only', async ({
    expect,
  }) => {
    const [a, b, c] = [uniqueArticle(), uniqueArticle(), uniqueArticle()]
    const res = await postJson('/v1/summarize', {
      lengths: ['short'],
      items: [
        { id: 'first', text: a },
        { text: b, lengths: ['no-such-length'] },
        { id: 'empty', text: '   ' },
        { text: c, lengths: ['medium'] },
        { id: 'gloss', text: a, glossary: 'no-such-glossary' },
      ],
    })
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/)
    const { results } = (await expectStatus(res, 200)) as Batch
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['first', 200],
      ['1', 422],
      ['empty', 422],
      ['3', 200],
      ['gloss', 404],
    ])
    const [first, badLength, empty, third, gloss] = results as [
      Result,
      Result,
      Result,
      Result,
      Result,
    ]
    // Request defaults apply; an item's override wins.
    const names = (r: Result) =>
      ((r.body?.summaries ?? []) as { name: string }[]).map((s) => s.name)
    expect(names(first)).toEqual(['short'])
    expect(names(third)).toEqual(['medium'])
    expect(first.problem).toBeUndefined()
    for (const bad of [badLength, empty, gloss]) {
      expect(bad.body).toBeUndefined()
      expect(bad.problem?.status).toBe(bad.status)
      expect(bad.problem?.type).toMatch(/\/problems\/[a-z-]+$/)
      expect(bad.problem?.title).toBeTruthy()
      expect(bad.problem?.detail).toBeTruthy()
    }
    expect(badLength.problem?.code).toBe('invalid_request')
    expect(badLength.problem?.errors?.map((e) => e.pointer)).toContain('#/items/1/lengths/0')
    expect(empty.problem?.errors?.map((e) => e.pointer)).toEqual(['#/items/2/text'])
    expect(gloss.problem?.code).toBe('unknown_glossary')
    expect(gloss.problem?.errors?.[0]?.pointer).toBe('#/items/4/glossary')
  })

  it('shares the single request’s cache: a later single request is a HIT', async ({ expect }) => {
    const text = uniqueArticle()
    const batch = await postJson('/v1/summarize', { items: [{ text }] })
    expect(batch.headers.get('x-cache')).toBe('MISS')
    const { results } = (await expectStatus(batch, 200)) as Batch
    const single = await postJson('/v1/summarize', { text })
    expect(single.headers.get('x-cache')).toBe('HIT')
    expect(await expectStatus(single, 200)).toEqual(results[0]?.body)
    const again = await postJson('/v1/summarize', { items: [{ text }] })
    expect(again.headers.get('x-cache')).toBe('HIT')
  })

  it('refuses 51 items with 422 naming #/items', async ({ expect }) => {
    const items = Array.from({ length: 51 }, (_, i) => ({ text: `Short text number ${i}.` }))
    const body = (await expectStatus(await postJson('/v1/summarize', { items }), 422)) as Problem
    expect(body.errors?.map((e) => e.pointer)).toEqual(['#/items'])
  })

  it('refuses both text and items, and neither, naming the field', async ({ expect }) => {
    const both = (await expectStatus(
      await postJson('/v1/summarize', { text: ENGLISH_ARTICLE, items: [{ text: 'x' }] }),
      422
    )) as Problem
    expect(both.errors?.map((e) => e.pointer)).toEqual(['#/items'])
    const neither = (await expectStatus(
      await postJson('/v1/summarize', { lengths: ['short'] }),
      422
    )) as Problem
    expect(neither.errors?.map((e) => e.pointer)).toEqual(['#/text'])
  })
})

describe('POST /v1/detect with items', () => {
  it('detects each item in order, echoing ids (default: the index)', async ({ expect }) => {
    const res = await postJson('/v1/detect', {
      items: [
        { text: LANGUAGE_SAMPLES.fr },
        { id: 'es', text: LANGUAGE_SAMPLES.es },
        { text: '' },
        { text: LANGUAGE_SAMPLES.de, format: 'yaml' },
        { text: LANGUAGE_SAMPLES.en, hints: ['en', 'fr'] },
      ],
    })
    const { results } = (await expectStatus(res, 200)) as Batch
    expect(results.map((r) => [r.id, r.status, r.body?.language])).toEqual([
      ['0', 200, 'fr'],
      ['es', 200, 'es'],
      ['2', 422, undefined],
      ['3', 422, undefined],
      ['4', 200, 'en'],
    ])
    expect(results[2]?.problem?.errors?.map((e) => e.pointer)).toEqual(['#/items/2/text'])
    expect(results[3]?.problem?.errors?.map((e) => e.pointer)).toEqual(['#/items/3/format'])
  })

  it('refuses both text and items, and 51 items', async ({ expect }) => {
    const both = (await expectStatus(
      await postJson('/v1/detect', { text: 'hello there', items: [{ text: 'x' }] }),
      422
    )) as Problem
    expect(both.errors?.map((e) => e.pointer)).toEqual(['#/items'])
    const items = Array.from({ length: 51 }, () => ({ text: 'bonjour' }))
    const many = (await expectStatus(await postJson('/v1/detect', { items }), 422)) as Problem
    expect(many.errors?.map((e) => e.pointer)).toEqual(['#/items'])
  })

  it('documents both shapes in the OpenAPI document', async ({ expect }) => {
    const doc = (await expectStatus(await call('/openapi.json'), 200)) as {
      paths: Record<string, { post: Record<string, unknown> }>
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> }
    }
    const schemas = doc.components.schemas
    for (const [path, request, batch] of [
      ['/v1/summarize', 'SummarizeRequest', 'SummarizeBatchResponse'],
      ['/v1/detect', 'DetectRequest', 'DetectBatchResponse'],
    ] as const) {
      expect(Object.keys(schemas[request]?.properties ?? {})).toEqual(
        expect.arrayContaining(['text', 'items'])
      )
      expect(Object.keys(schemas[batch]?.properties ?? {})).toEqual(['results'])
      expect(JSON.stringify(doc.paths[path]?.post)).toContain(`#/components/schemas/${batch}`)
    }
  })
})

describe('batch metering and scopes', () => {
  const keyed = (token: string, body: unknown) =>
    callWorker(
      new Request('https://api.test/v1/summarize', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
      { AUTH_MODE: 'required', APERTIUM_URL: 'http://apy.fake' }
    )
  const createKey = async (scopes: string[]) => {
    const res = await callWorker(
      new Request('https://api.test/v1/keys', {
        method: 'POST',
        headers: { authorization: 'Bearer test-admin-token', 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: `t-${unique()}`, name: 'b', kind: 'secret', scopes }),
      }),
      { AUTH_MODE: 'required' }
    )
    return ((await expectStatus(res, 201)) as { key: string }).key
  }

  it('counts every item’s text and title (inherited or its own) as one request', async ({
    expect,
  }) => {
    const key = await createKey(['summarize'])
    const [a, b] = [uniqueArticle(), uniqueArticle()]
    const res = await keyed(key, {
      title: 'Shared headline',
      glossary: null,
      items: [{ text: a }, { text: b, title: 'Own' }],
    })
    await expectStatus(res, 200)
    const usage = (await expectStatus(
      await callWorker(
        new Request('https://api.test/v1/usage', { headers: { authorization: `Bearer ${key}` } }),
        { AUTH_MODE: 'required' }
      ),
      200
    )) as { requests: Record<string, number>; characters: Record<string, number> }
    expect(usage.requests.summarize).toBe(1)
    const length = (s: string) => [...s].length
    expect(usage.characters.summarize).toBe(
      length(a) + length('Shared headline') + length(b) + length('Own')
    )
  })

  it('needs the translate scope when any item asks for translations', async ({ expect }) => {
    const key = await createKey(['summarize'])
    const res = await keyed(key, { items: [{ text: 'One.' }, { text: 'Two.', translate: ['es'] }] })
    const problem = (await expectStatus(res, 403)) as Problem & { scope?: string }
    expect(problem.scope).toBe('translate')
  })
})

describe('POST /v1/summarize with items: offsetUnit, sortBy and format per item', () => {
  type Sentence = { text: string; offset: number; length: number; score: number; index: number }
  type Body = { summaries: Array<{ sentences: Sentence[] }> }
  // A combining accent, CJK and an emoji before every sentence but the first.
  const text = `Cafe\u0301 owners in 北京 cheered 😀 on Monday as the new metro line opened (${unique()}). The line links the airport with the city centre in under twenty minutes. Officials said ridership would double by next year as more stations open.`
  const html = `<nav>Home</nav><p>${text.replace('北京', '<b>北京</b>')}</p>`

  it('converts each item’s offsets to its own unit, against its own source', async ({ expect }) => {
    const { results } = (await expectStatus(
      await postJson('/v1/summarize', {
        language: 'en',
        lengths: ['long'],
        glossary: null,
        items: [
          { id: 'utf16', text },
          { id: 'cp', text, offsetUnit: 'codepoint' },
          { id: 'u8', text, offsetUnit: 'utf8', sortBy: 'rank' },
          { id: 'html-cp', text: html, format: 'html', offsetUnit: 'codepoint' },
        ],
      }),
      200
    )) as Batch
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200])
    const sentences = (i: number) =>
      (results[i]?.body as Body | undefined)?.summaries[0]?.sentences ?? []
    const points = [...text]
    const bytes = new TextEncoder().encode(text)
    const base = sentences(0)
    expect(base.length).toBeGreaterThan(1)
    for (const s of base) expect(text.slice(s.offset, s.offset + s.length)).toBe(s.text)
    sentences(1).forEach((s) => {
      expect(points.slice(s.offset, s.offset + s.length).join('')).toBe(s.text)
    })
    const ranked = sentences(2)
    expect(ranked.map((s) => s.score)).toEqual(
      [...ranked.map((s) => s.score)].sort((a, b) => b - a)
    )
    for (const s of ranked) {
      expect(new TextDecoder().decode(bytes.slice(s.offset, s.offset + s.length))).toBe(s.text)
    }
    // HTML: the code point span of each sentence, tags stripped, reads as the sentence.
    const htmlPoints = [...html]
    for (const s of sentences(3)) {
      const slice = htmlPoints.slice(s.offset, s.offset + s.length).join('')
      expect(slice.replace(/<[^>]+>/g, '')).toBe(s.text)
    }
    expect(sentences(3).map((s) => s.text)).toEqual(base.map((s) => s.text))
  })
})
