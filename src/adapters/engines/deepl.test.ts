import { describe, expect, it } from 'vitest'
import { createDeepLProvider, deeplBaseUrl, deeplTarget } from './deepl'

const signal = new AbortController().signal

type Seen = { url: string; headers: Record<string, string>; body: unknown }

function fakeFetch(handler: (seen: Seen) => Response) {
  const seen: Seen[] = []
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const entry: Seen = {
      url: String(input),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    }
    seen.push(entry)
    return handler(entry)
  }) as typeof fetch
  return { fn, seen }
}

const echo = ({ body }: Seen) =>
  Response.json({
    translations: ((body as { text: string[] }).text ?? []).map((t) => ({
      detected_source_language: 'EN',
      text: `ES ${t}`,
    })),
  })

describe('deepl provider', () => {
  it('picks the free host for :fx keys and the pro host otherwise', () => {
    expect(deeplBaseUrl('abc:fx')).toBe('https://api-free.deepl.com')
    expect(deeplBaseUrl('abc')).toBe('https://api.deepl.com')
  })

  it('maps targets that need a variant', () => {
    expect(deeplTarget('en')).toBe('EN-US')
    expect(deeplTarget('en-GB')).toBe('EN-GB')
    expect(deeplTarget('pt')).toBe('PT-PT')
    expect(deeplTarget('pt-BR')).toBe('PT-BR')
    expect(deeplTarget('es')).toBe('ES')
  })

  it('posts JSON with the DeepL-Auth-Key header and reads translations in order', async () => {
    const { fn, seen } = fakeFetch(echo)
    const provider = createDeepLProvider({ apiKey: 'secret:fx', fetch: fn })
    const out = await provider.translate(['One.', 'Two.'], { source: 'en', target: 'es' }, signal)
    expect(out).toEqual(['ES One.', 'ES Two.'])
    expect(seen[0]?.url).toBe('https://api-free.deepl.com/v2/translate')
    expect(seen[0]?.headers.authorization).toBe('DeepL-Auth-Key secret:fx')
    expect(seen[0]?.headers['content-type']).toBe('application/json')
    expect(seen[0]?.body).toMatchObject({
      text: ['One.', 'Two.'],
      source_lang: 'EN',
      target_lang: 'ES',
    })
  })

  it('splits more than 50 segments over several requests', async () => {
    const { fn, seen } = fakeFetch(echo)
    const provider = createDeepLProvider({ apiKey: 'k', fetch: fn })
    const segments = Array.from({ length: 120 }, (_, i) => `s${i}`)
    const out = await provider.translate(segments, { source: 'en', target: 'de' }, signal)
    expect(out).toHaveLength(120)
    expect(out[119]).toBe('ES s119')
    expect(seen.map((s) => (s.body as { text: string[] }).text.length)).toEqual([50, 50, 20])
  })

  it.each([
    [429, 'rate_limited', true],
    [456, 'rate_limited', false],
    [403, 'unavailable', false],
    [503, 'unavailable', true],
    [404, 'bad_response', false],
  ])('maps HTTP %i to %s (retryable %s)', async (status, kind, retryable) => {
    const { fn } = fakeFetch(() => Response.json({ message: 'nope' }, { status }))
    const provider = createDeepLProvider({ apiKey: 'sekrit-1234', fetch: fn })
    const error = await provider
      .translate(['a'], { source: 'en', target: 'es' }, signal)
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ kind, retryable, status })
    expect(String((error as Error).message)).not.toContain('sekrit')
  })

  it('reads Retry-After on 429', async () => {
    const { fn } = fakeFetch(
      () => new Response('{}', { status: 429, headers: { 'retry-after': '2' } })
    )
    const provider = createDeepLProvider({ apiKey: 'k', fetch: fn })
    await expect(
      provider.translate(['a'], { source: 'en', target: 'es' }, signal)
    ).rejects.toMatchObject({ retryAfterMs: 2000 })
  })

  it('maps an unsupported target to unsupported_pair with the listed targets', async () => {
    const { fn } = fakeFetch(({ url }) => {
      if (url.includes('/v2/languages?type=source'))
        return Response.json([{ language: 'EN' }, { language: 'ES' }])
      if (url.includes('/v2/languages?type=target'))
        return Response.json([{ language: 'EN-US' }, { language: 'ES' }, { language: 'DE' }])
      return Response.json({ message: "Value for 'target_lang' not supported." }, { status: 400 })
    })
    const provider = createDeepLProvider({ apiKey: 'k', fetch: fn })
    await expect(
      provider.translate(['a'], { source: 'en', target: 'xx' }, signal)
    ).rejects.toMatchObject({
      kind: 'unsupported_pair',
      supportedTargets: ['de', 'es'],
    })
  })

  it('maps a refused connection to unavailable', async () => {
    const fn = (async () => {
      throw new TypeError('fetch failed')
    }) as typeof fetch
    const provider = createDeepLProvider({ apiKey: 'k', fetch: fn })
    await expect(
      provider.translate(['a'], { source: 'en', target: 'es' }, signal)
    ).rejects.toMatchObject({
      kind: 'unavailable',
    })
  })
})
