/**
 * `POST /v1/translate` and `GET /v1/languages` through the Worker, against fake engines: the fake
 * APy hosts and fake DeepL of `fakes/net.mjs`, and the fake Workers AI binding of
 * `fakes/fake-ai.mjs` (see vitest.config.ts). The real APy is exercised in
 * `translate.apertium.test.ts`.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { expectStatus } from './helpers'
import {
  callWorker,
  checkReport,
  fakeRequests,
  type ProblemBody,
  type TranslateBody,
  translate,
  unique,
} from './translate-helpers'

/** The discard port: nothing listens, the connection is refused (workerd logs each attempt). */
const DOWN = 'http://127.0.0.1:9'
/** A fake APy that answers 503 to everything: down as far as the languages list is concerned. */
const FAILING = 'http://apy-broken.fake'

describe('POST /v1/translate', () => {
  it('translates one text with the default glossary and a report that matches the text', async ({
    expect,
  }) => {
    const text = `The summit was held in Xian. Ref ${unique()}.`
    const body = (await expectStatus(
      await translate({ text, target: 'es', debug: true }),
      200
    )) as TranslateBody
    expect(body.provider).toBe('apertium')
    expect(body.glossary?.id).toBe('news-central-asia')
    const [t] = body.translations
    expect(t?.text).toMatch(/^El cumbre fue celebrada en Xi'an\. Ref /)
    expect(t?.detectedSource).toBe('en')
    expect(t?.terminology).toEqual({ expected: 1, applied: 1, missed: [] })
    expect(t?.debug?.terms).toEqual([
      { concept: 'xi-an', source: 'Xian', target: "Xi'an", strategy: 'mask', method: 'mask' },
    ])
    expect(checkReport(t as never)).toEqual([])
  })

  it('keeps batch order, detects each source, and skips the engine for texts already in the target', async ({
    expect,
  }) => {
    const id = unique()
    const before = await fakeRequests('apy.fake')
    const texts = [
      `The researcher told the Financial Times (${id}).`,
      `La cumbre se celebró en Xi’an, la antigua capital de China (${id}).`,
      `Leaders of five countries met in Xian today for the first summit (${id}).`,
    ]
    const res = await translate({ text: texts, target: 'es', debug: true })
    const body = (await expectStatus(res, 200)) as TranslateBody
    expect(res.headers.get('x-cache')).toBe('MISS')
    expect(body.translations.map((t) => t.detectedSource)).toEqual(['en', 'es', 'en'])
    expect(body.translations[0]?.text).toBe(`El investigador dijo a el Financial Times (${id}).`)
    // Already Spanish: not sent to the engine, but the glossary's preferred spelling applied.
    expect(body.translations[1]?.text).toBe(texts[1]?.replace('Xi’an', "Xi'an"))
    expect(body.translations[2]?.text).toBe(
      `Líderes de five countries se reunieron en Xi'an hoy para el primera cumbre (${id}).`
    )
    for (const t of body.translations) expect(checkReport(t)).toEqual([])
    // Both English texts went to the engine together: one request.
    expect((await fakeRequests('apy.fake')) - before).toBe(1)
  })

  it('translates without a glossary when glossary is null', async ({ expect }) => {
    const body = (await expectStatus(
      await translate({ text: `Xian ${unique()}`, source: 'en', target: 'es', glossary: null }),
      200
    )) as TranslateBody
    expect(body.glossary).toBeNull()
    expect(body.translations[0]?.terminology).toEqual({ expected: 0, applied: 0, missed: [] })
  })

  it('caches per text: a repeat is a HIT, a batch with one new text is PARTIAL, 304 with the ETag', async ({
    expect,
  }) => {
    const a = `The summit was held in Xian (${unique()}).`
    const b = `The researcher told the Financial Times (${unique()}).`
    const first = await translate({ text: [a], target: 'es' })
    await expectStatus(first, 200)
    expect(first.headers.get('x-cache')).toBe('MISS')
    const before = await fakeRequests('apy.fake')

    const again = await translate({ text: [a], target: 'es' })
    const againBody = await expectStatus(again, 200)
    expect(again.headers.get('x-cache')).toBe('HIT')
    expect(await fakeRequests('apy.fake')).toBe(before)

    const mixed = await translate({ text: [b, a], target: 'es', debug: true })
    const mixedBody = (await expectStatus(mixed, 200)) as TranslateBody
    expect(mixed.headers.get('x-cache')).toBe('PARTIAL')
    expect(mixedBody.translations.map((t) => t.debug?.cached)).toEqual([false, true])
    expect(mixedBody.translations[1]?.text).toBe((againBody as TranslateBody).translations[0]?.text)
    expect((await fakeRequests('apy.fake')) - before).toBe(1)

    const etag = again.headers.get('etag') ?? ''
    const notModified = await translate({ text: [a], target: 'es' }, {}, { 'If-None-Match': etag })
    expect(notModified.status).toBe(304)

    // `source: "auto"` shares the entry of the source it detects.
    const explicit = await translate({ text: [a], source: 'en', target: 'es' })
    expect(explicit.headers.get('x-cache')).toBe('HIT')
  })

  it('does not store anything with Cache-Control: no-store', async ({ expect }) => {
    const text = `The summit was held in Xian (${unique()}).`
    await expectStatus(
      await translate({ text, target: 'es' }, {}, { 'Cache-Control': 'no-store' }),
      200
    )
    const second = await translate({ text, target: 'es' })
    expect(second.headers.get('x-cache')).toBe('MISS')
  })

  it('rejects an unknown glossary with 404 unknown_glossary naming #/glossary', async ({
    expect,
  }) => {
    const body = (await expectStatus(
      await translate({
        text: 'Hello there, friends.',
        target: 'es',
        glossary: 'no-such-glossary',
      }),
      404
    )) as ProblemBody
    expect(body.code).toBe('unknown_glossary')
    expect(body.errors).toEqual([
      { pointer: '#/glossary', message: "no glossary 'no-such-glossary'" },
    ])
  })

  it.each([
    [
      'more than 50 texts',
      { text: Array.from({ length: 51 }, () => 'Hello.'), target: 'es' },
      '#/text',
    ],
    [
      'a text over 50,000 characters',
      { text: ['Hi.', 'a'.repeat(50_001)], target: 'es' },
      '#/text/1',
    ],
    [
      'texts over 100,000 characters in total',
      { text: ['a '.repeat(24_000), 'b '.repeat(24_000), 'c '.repeat(3_000)], target: 'es' },
      '#/text',
    ],
    ['a blank text', { text: ['Hello.', '  \n '], target: 'es' }, '#/text/1'],
    ['an empty batch', { text: [], target: 'es' }, '#/text'],
    ['a missing target', { text: 'Hello.' }, '#/target'],
    ['an unknown provider', { text: 'Hello.', target: 'es', provider: 'google' }, '#/provider'],
    ['an unknown field', { text: 'Hello.', target: 'es', glosary: 'x' }, '#/'],
  ])('rejects %s with 422 invalid_request before any work', async (_name, body, pointer) => {
    // it.each passes no test context: the global expect (tests in this file run sequentially).
    const before = await fakeRequests('apy.fake')
    const problem = (await expectStatus(await translate(body), 422)) as ProblemBody
    expect(problem.code).toBe('invalid_request')
    expect(problem.errors?.map((e) => e.pointer)).toContain(pointer)
    expect(await fakeRequests('apy.fake')).toBe(before)
  })

  it('answers 422 language_not_detected for a text whose language cannot be told', async ({
    expect,
  }) => {
    const body = (await expectStatus(
      await translate({ text: ['The summit was held in Xian.', '2024 – 12'], target: 'es' }),
      422
    )) as ProblemBody
    expect(body.code).toBe('language_not_detected')
    expect(body.errors?.map((e) => e.pointer)).toEqual(['#/text/1'])
  })
})

describe('POST /v1/translate failure modes', () => {
  it('unsupported pair: 422 unsupported_language_pair with the supported targets', async ({
    expect,
  }) => {
    const body = (await expectStatus(
      await translate({ text: `The summit (${unique()}).`, source: 'en', target: 'fr' }),
      422
    )) as ProblemBody
    expect(body.code).toBe('unsupported_language_pair')
    expect(body.provider).toBe('apertium')
    expect(body.supportedTargets).toEqual(['ca', 'es'])
    expect(body.detail).toContain('ca, es')
  })

  it('engine down: 502 provider_unavailable, nothing cached', async ({ expect }) => {
    const text = `The summit was held in Xian (${unique()}).`
    const down = await translate({ text, target: 'es' }, { APERTIUM_URL: DOWN })
    const body = (await expectStatus(down, 502)) as ProblemBody
    expect(body.code).toBe('provider_unavailable')
    expect(down.headers.get('content-type')).toContain('application/problem+json')
    // The engine is back: the text was not cached by the failed call.
    const up = await translate({ text, target: 'es' })
    expect(up.headers.get('x-cache')).toBe('MISS')
  })

  it('engine failing: one retry, then 502 provider_unavailable', async ({ expect }) => {
    const before = await fakeRequests('apy-broken.fake')
    const body = (await expectStatus(
      await translate(
        { text: `The summit (${unique()}).`, source: 'en', target: 'es' },
        { APERTIUM_URL: 'http://apy-broken.fake' }
      ),
      502
    )) as ProblemBody
    expect(body.code).toBe('provider_unavailable')
    expect((await fakeRequests('apy-broken.fake')) - before).toBe(2)
  })

  it('engine slow: 504 provider_timeout at TRANSLATION_TIMEOUT_MS', async ({ expect }) => {
    const started = Date.now()
    const body = (await expectStatus(
      await translate(
        { text: `The summit (${unique()}).`, source: 'en', target: 'es' },
        { APERTIUM_URL: 'http://apy-slow.fake', TRANSLATION_TIMEOUT_MS: '300' }
      ),
      504
    )) as ProblemBody
    expect(body.code).toBe('provider_timeout')
    expect(Date.now() - started).toBeLessThan(2500)
  })

  it('lost placeholder: the text is translated again unmasked and the term reported missed', async ({
    expect,
  }) => {
    const id = unique()
    const body = (await expectStatus(
      await translate(
        {
          text: `The summit in Xian was reported by the Financial Times (${id}).`,
          source: 'en',
          target: 'es',
          debug: true,
        },
        { APERTIUM_URL: 'http://apy-lossy.fake' }
      ),
      200
    )) as TranslateBody
    const [t] = body.translations
    expect(t?.debug).toMatchObject({ segmentsRetried: 1, placeholdersLost: 1 })
    expect(t?.text).not.toMatch(/\b(?:Zq|Qz|Zx|Xq)[a-z]{2,3}\b/)
    // Unmasked, the fake engine passes "Xian" through — found and repaired to "Xi'an" — and
    // translates the newspaper's name word by word, which cannot be repaired: reported missed.
    expect(t?.text).toBe(`El cumbre en Xi'an fue reported by el Financiero Tiempos (${id}).`)
    expect(t?.terminology).toEqual({
      expected: 2,
      applied: 1,
      missed: [{ source: 'Financial Times', target: 'Financial Times' }],
    })
    expect(t?.debug?.terms.map((term) => term.method)).toEqual(['postedit', 'missed'])
    expect(checkReport(t as never)).toEqual([])
  })

  it('a failed batch returns no partial translations and caches none of its texts', async ({
    expect,
  }) => {
    const id = unique()
    const english = `The summit was held in Xian (${id}).`
    // The French text needs fra→spa, which the fake APy does not have: the batch fails as a whole.
    const french = `Le sommet s’est tenu à Xi’an, l’ancienne capitale de la Chine (${id}).`
    const failed = await translate({ text: [english, french], target: 'es' })
    const problem = (await expectStatus(failed, 422)) as ProblemBody & { translations?: unknown }
    expect(problem.code).toBe('unsupported_language_pair')
    expect(problem.translations).toBeUndefined()
    const alone = await translate({ text: [english], target: 'es' })
    expect(alone.headers.get('x-cache')).toBe('MISS')
  })
})

describe('POST /v1/translate with Workers AI (fake binding)', () => {
  type AiCall = { model: string; inputs: Record<string, unknown> }
  const aiCalls = () => (env.AI as unknown as { calls(): Promise<AiCall[]> }).calls()

  it('sends m2m100 exactly { text, source_lang, target_lang } with placeholders for names', async ({
    expect,
  }) => {
    const id = unique()
    const text = `Temur Umarov of the Carnegie Russia Eurasia Center told the Financial Times (${id}).`
    const body = (await expectStatus(
      await translate({ text, source: 'en', target: 'es', provider: 'workers-ai' }),
      200
    )) as TranslateBody
    expect(body.provider).toBe('workers-ai')
    const call = (await aiCalls()).find((c) => String(c.inputs.text).includes(id))
    expect(call?.model).toBe('@cf/meta/m2m100-1.2b')
    expect(Object.keys(call?.inputs ?? {}).sort()).toEqual(['source_lang', 'target_lang', 'text'])
    expect(call?.inputs).toMatchObject({ source_lang: 'en', target_lang: 'es' })
    expect(call?.inputs.text).not.toMatch(/Carnegie|Financial/)
    expect(body.translations[0]?.text).toContain('Centro Carnegie Rusia-Eurasia')
    expect(body.translations[0]?.terminology).toEqual({ expected: 2, applied: 2, missed: [] })
  })

  it('capacity errors become 503 provider_rate_limited with Retry-After', async ({ expect }) => {
    const res = await translate({
      text: `FAKE_AI_CAPACITY ${unique()}`,
      source: 'en',
      target: 'es',
      provider: 'workers-ai',
    })
    const body = (await expectStatus(res, 503)) as ProblemBody
    expect(body.code).toBe('provider_rate_limited')
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('a deployment without the AI binding answers 422 provider_not_configured', async ({
    expect,
  }) => {
    const body = (await expectStatus(
      await translate(
        { text: 'Hello there.', target: 'es', provider: 'workers-ai' },
        { AI: undefined }
      ),
      422
    )) as ProblemBody
    expect(body.code).toBe('provider_not_configured')
    expect(body.availableProviders).toEqual(['apertium', 'deepl'])
    expect(body.errors?.[0]?.pointer).toBe('#/provider')
  })
})

describe('POST /v1/translate with DeepL (fake API)', () => {
  it('translates through DeepL with the glossary enforced', async ({ expect }) => {
    const body = (await expectStatus(
      await translate({
        text: `The summit was held in Xian (${unique()}).`,
        source: 'en',
        target: 'es',
        provider: 'deepl',
      }),
      200
    )) as TranslateBody
    expect(body.provider).toBe('deepl')
    expect(body.translations[0]?.text).toMatch(/^El cumbre fue celebrada en Xi'an/)
  })

  it('an exhausted quota is 503 provider_rate_limited', async ({ expect }) => {
    const body = (await expectStatus(
      await translate({
        text: `FAKE_DEEPL_QUOTA ${unique()}`,
        source: 'en',
        target: 'es',
        provider: 'deepl',
      }),
      503
    )) as ProblemBody
    expect(body.code).toBe('provider_rate_limited')
  })
})

describe('GET /v1/languages', () => {
  type LanguagesBody = {
    defaultProvider: string
    providers: Array<{
      name: string
      default: boolean
      available: boolean
      sources?: string[]
      targets?: string[]
      pairs?: Array<{ source: string; target: string }>
      error?: { code: string; status: number }
    }>
  }
  const languages = (query = '', overrides: Record<string, unknown> = {}) =>
    callWorker(new Request(`https://api.test/v1/languages${query}`), {
      APERTIUM_URL: 'http://apy.fake',
      ...overrides,
    })

  it('lists the pairs of every configured engine', async ({ expect }) => {
    const body = (await expectStatus(await languages(), 200)) as LanguagesBody
    expect(body.defaultProvider).toBe('apertium')
    expect(body.providers.map((p) => [p.name, p.available, p.default])).toEqual([
      ['apertium', true, true],
      ['workers-ai', true, false],
      ['deepl', true, false],
    ])
    const [apertium, workersAi, deepl] = body.providers
    expect(apertium?.pairs).toContainEqual({ source: 'en', target: 'es' })
    expect(workersAi?.pairs).toBeUndefined()
    expect(workersAi?.targets).toHaveLength(100)
    expect(deepl?.targets).toEqual(expect.arrayContaining(['es', 'en-US']))
  })

  it('still answers 200 when one engine is down, naming its error', async ({ expect }) => {
    const res = await languages('', { APERTIUM_URL: FAILING })
    const body = (await expectStatus(res, 200)) as LanguagesBody
    expect(res.headers.get('cache-control')).toBe('no-store')
    const apertium = body.providers.find((p) => p.name === 'apertium')
    expect(apertium).toMatchObject({
      available: false,
      error: { code: 'provider_unavailable', status: 502 },
    })
    expect(body.providers.filter((p) => p.available).map((p) => p.name)).toEqual([
      'workers-ai',
      'deepl',
    ])
  })

  it('answers 502 when no configured engine answers', async ({ expect }) => {
    const body = (await expectStatus(
      await languages('', { APERTIUM_URL: FAILING, AI: undefined, DEEPL_API_KEY: undefined }),
      502
    )) as ProblemBody
    expect(body.code).toBe('provider_unavailable')
    expect(body.providers).toHaveLength(1)
  })

  it('filters by provider and refuses one that is not configured', async ({ expect }) => {
    const one = (await expectStatus(await languages('?provider=deepl'), 200)) as LanguagesBody
    expect(one.providers.map((p) => p.name)).toEqual(['deepl'])
    const body = (await expectStatus(
      await languages('?provider=deepl', { DEEPL_API_KEY: undefined }),
      422
    )) as ProblemBody
    expect(body.code).toBe('provider_not_configured')
  })
})

describe('translation problems and the OpenAPI document', () => {
  it.each([
    'unknown-glossary',
    'language-not-detected',
    'unsupported-language-pair',
    'provider-not-configured',
    'provider-unavailable',
    'provider-bad-response',
    'provider-rate-limited',
    'provider-timeout',
  ])('documents /problems/%s', async (slug) => {
    const body = (await expectStatus(
      await callWorker(new Request(`https://api.test/problems/${slug}`)),
      200
    )) as { description: string }
    expect(body.description.length).toBeGreaterThan(20)
  })

  it('describes both routes, the debug flag and the error statuses', async ({ expect }) => {
    const doc = (await expectStatus(
      await callWorker(new Request('https://api.test/openapi.json')),
      200
    )) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> }
    }
    expect(Object.keys(doc.paths['/v1/translate']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '422', '502', '503', '504'])
    )
    expect(doc.paths['/v1/languages']?.get).toBeDefined()
    expect(doc.components.schemas.TranslateRequest?.properties).toHaveProperty('debug')
  })
})
