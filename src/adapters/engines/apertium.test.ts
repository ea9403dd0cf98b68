import { describe, expect, it } from 'vitest'
import { translateText } from '../../translate/pipeline'
import { createApertiumProvider } from './apertium'

type Seen = { url: string; method: string; form: URLSearchParams | undefined }

/** A fake fetch that records requests and answers from a handler. */
function fakeFetch(handler: (seen: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = []
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = init?.body
    const entry: Seen = {
      url: String(input),
      method: init?.method ?? 'GET',
      form: body instanceof URLSearchParams ? body : undefined,
    }
    seen.push(entry)
    return handler(entry)
  }) as typeof fetch
  return { fn, seen }
}

const ok = (translatedText: string) =>
  Response.json({ responseData: { translatedText }, responseDetails: null, responseStatus: 200 })

const LIST_PAIRS = {
  responseData: [
    { sourceLanguage: 'eng', targetLanguage: 'spa' },
    { sourceLanguage: 'eng', targetLanguage: 'cat' },
    { sourceLanguage: 'eng', targetLanguage: 'cat_valencia' },
    { sourceLanguage: 'spa', targetLanguage: 'eng' },
  ],
  responseDetails: null,
  responseStatus: 200,
}

const signal = new AbortController().signal

describe('apertium provider', () => {
  it('posts plain text with markUnknown=no and ISO 639-3 codes', async () => {
    const { fn, seen } = fakeFetch(() => ok('Hola.'))
    const provider = createApertiumProvider({ url: 'http://apy.test:2737/', fetch: fn })
    expect(await provider.translate(['Hello.'], { source: 'en', target: 'es' }, signal)).toEqual([
      'Hola.',
    ])
    expect(seen[0]?.url).toBe('http://apy.test:2737/translate')
    expect(seen[0]?.method).toBe('POST')
    expect(Object.fromEntries(seen[0]?.form ?? [])).toEqual({
      langpair: 'eng|spa',
      q: 'Hello.',
      markUnknown: 'no',
      format: 'txt',
    })
  })

  it('sends several segments in one request and splits the answer at blank lines', async () => {
    const { fn, seen } = fakeFetch(({ form }) =>
      ok((form?.get('q') ?? '').replaceAll('Hello', 'Hola'))
    )
    const provider = createApertiumProvider({ fetch: fn })
    const out = await provider.translate(
      ['Hello one.', 'Hello two.', 'Hello\nthree.'],
      { source: 'en', target: 'ca-valencia' },
      signal
    )
    expect(out).toEqual(['Hola one.', 'Hola two.', 'Hola\nthree.'])
    expect(seen).toHaveLength(1)
    expect(seen[0]?.form?.get('langpair')).toBe('eng|cat_valencia')
    expect(seen[0]?.url).toBe('http://127.0.0.1:2737/translate')
  })

  it('falls back to one request per segment when the engine merged paragraphs', async () => {
    const { fn, seen } = fakeFetch(({ form }) => {
      const q = form?.get('q') ?? ''
      return ok(q.includes('\n\n') ? q.replace('\n\n', ' ') : `<${q}>`)
    })
    const provider = createApertiumProvider({ fetch: fn })
    const out = await provider.translate(['A.', 'B.'], { source: 'en', target: 'es' }, signal)
    expect(out).toEqual(['<A.>', '<B.>'])
    expect(seen).toHaveLength(3)
  })

  it('removes Apertium diagnostic marks unless the source used the character', async () => {
    const { fn } = fakeFetch(({ form }) =>
      ok(form?.get('q')?.startsWith('#') ? '#MeToo @financial' : 'para @financial #muro')
    )
    const provider = createApertiumProvider({ fetch: fn })
    expect(await provider.translate(['x'], { source: 'en', target: 'es' }, signal)).toEqual([
      'para financial muro',
    ])
    expect(await provider.translate(['#MeToo'], { source: 'en', target: 'es' }, signal)).toEqual([
      '#MeToo financial',
    ])
  })

  it('lists pairs with BCP 47 codes', async () => {
    const { fn, seen } = fakeFetch(() => Response.json(LIST_PAIRS))
    const provider = createApertiumProvider({ fetch: fn })
    const support = await provider.languages(signal)
    expect(seen[0]?.url).toBe('http://127.0.0.1:2737/listPairs')
    expect(support.pairs).toEqual([
      { source: 'en', target: 'ca' },
      { source: 'en', target: 'ca-valencia' },
      { source: 'en', target: 'es' },
      { source: 'es', target: 'en' },
    ])
  })

  it('maps "pair not installed" to unsupported_pair with the targets APy offers', async () => {
    const { fn } = fakeFetch(({ url }) =>
      url.endsWith('/listPairs')
        ? Response.json(LIST_PAIRS)
        : Response.json(
            { status: 'error', code: 400, explanation: 'That pair is not installed' },
            { status: 400 }
          )
    )
    const provider = createApertiumProvider({ fetch: fn })
    await expect(
      provider.translate(['Hi'], { source: 'en', target: 'fr' }, signal)
    ).rejects.toMatchObject({
      kind: 'unsupported_pair',
      retryable: false,
      supportedTargets: ['ca', 'ca-valencia', 'es'],
    })
  })

  it('maps a refused connection to unavailable (retryable)', async () => {
    const fn = (async () => {
      throw new TypeError('fetch failed: ECONNREFUSED')
    }) as typeof fetch
    const provider = createApertiumProvider({ fetch: fn })
    await expect(
      provider.translate(['Hi'], { source: 'en', target: 'es' }, signal)
    ).rejects.toMatchObject({ kind: 'unavailable', retryable: true, provider: 'apertium' })
  })

  it('maps 503 to unavailable and malformed answers to bad_response', async () => {
    const down = createApertiumProvider({
      fetch: fakeFetch(() => new Response('internal error', { status: 503 })).fn,
    })
    await expect(
      down.translate(['Hi'], { source: 'en', target: 'es' }, signal)
    ).rejects.toMatchObject({ kind: 'unavailable', status: 503 })
    const garbled = createApertiumProvider({
      fetch: fakeFetch(() => new Response('<html>', { status: 200 })).fn,
    })
    await expect(
      garbled.translate(['Hi'], { source: 'en', target: 'es' }, signal)
    ).rejects.toMatchObject({ kind: 'bad_response' })
    const empty = createApertiumProvider({ fetch: fakeFetch(() => Response.json({})).fn })
    await expect(
      empty.translate(['Hi'], { source: 'en', target: 'es' }, signal)
    ).rejects.toMatchObject({ kind: 'bad_response' })
  })

  it('rethrows the abort as is when the signal fired (the pipeline maps it)', async () => {
    const controller = new AbortController()
    controller.abort(new Error('deadline'))
    const fn = (async (_: RequestInfo | URL, init?: RequestInit) => {
      throw init?.signal?.reason
    }) as typeof fetch
    const provider = createApertiumProvider({ fetch: fn })
    await expect(
      provider.translate(['Hi'], { source: 'en', target: 'es' }, controller.signal)
    ).rejects.toThrow('deadline')
  })
})

describe('apertium provider through the pipeline, engine down', () => {
  it('a refused connection becomes provider_unavailable (502) after one retry', async () => {
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
    const provider = createApertiumProvider({ url: 'http://127.0.0.1:9' })
    let retries = 0
    const error = await translateText('Hello.', {
      provider,
      source: 'en',
      target: 'es',
      sleep: async () => {
        retries++
      },
    }).catch((e: unknown) => e)
    expect(retries).toBe(1)
    expect(error).toMatchObject({ kind: 'unavailable' })
  })
})
