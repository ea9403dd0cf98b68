import { describe, it } from 'vitest'
import { call, postJson } from './helpers'

type ProblemBody = {
  type: string
  title: string
  status: number
  detail: string
  code: string
  instance: string
  requestId: string
  errors?: { pointer: string; message: string }[]
}

async function expectProblem(res: Response, status: number, code: string): Promise<ProblemBody> {
  const text = await res.text()
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${text.slice(0, 500)}`)
  if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) {
    throw new Error(`not problem+json: ${res.headers.get('content-type')}`)
  }
  const body = JSON.parse(text) as ProblemBody
  if (body.code !== code || body.status !== status) throw new Error(`unexpected problem ${text}`)
  if (
    !body.type.endsWith(`/problems/${code.replaceAll('_', '-')}`) ||
    !body.title ||
    !body.detail
  ) {
    throw new Error(`incomplete problem ${text}`)
  }
  if (body.requestId !== res.headers.get('x-request-id'))
    throw new Error('requestId does not match X-Request-Id')
  return body
}

describe('error responses', () => {
  it('answers malformed JSON with 400 malformed_json', async ({ expect }) => {
    const res = await call('/v1/summarize', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": "unterminated',
    })
    const body = await expectProblem(res, 400, 'malformed_json')
    expect(body.instance).toBe('/v1/summarize')
  })

  it('answers a schema violation with 422 naming each field', async ({ expect }) => {
    const res = await postJson('/v1/summarize', { text: 42, lengths: [{ words: 0 }], extra: true })
    const body = await expectProblem(res, 422, 'invalid_request')
    const pointers = body.errors?.map((e) => e.pointer) ?? []
    expect(pointers).toContain('#/text')
    expect(pointers.some((p) => p.startsWith('#/lengths/0'))).toBe(true)
  })

  it('rejects a missing text field with a pointer to it', async ({ expect }) => {
    const body = await expectProblem(await postJson('/v1/detect', {}), 422, 'invalid_request')
    expect(body.errors?.[0]?.pointer).toBe('#/text')
  })

  it.for([
    ['empty', ''],
    ['spaces and line breaks', ' \n\t '],
    ['zero-width only', '\u200B\u200B'],
  ])('rejects blank text (%s) with 422', async ([, text], { expect }) => {
    const body = await expectProblem(
      await postJson('/v1/summarize', { text }),
      422,
      'invalid_request'
    )
    expect(body.errors?.[0]?.pointer).toBe('#/text')
  })

  it('rejects a custom length without any budget', async ({ expect }) => {
    const body = await expectProblem(
      await postJson('/v1/summarize', { text: 'One sentence here.', lengths: [{ name: 'x' }] }),
      422,
      'invalid_request'
    )
    expect(body.errors?.[0]?.pointer).toBe('#/lengths/0')
  })

  it('rejects two lengths with the same name', async ({ expect }) => {
    const body = await expectProblem(
      await postJson('/v1/summarize', {
        text: 'One. Two.',
        lengths: ['short', { name: 'short', sentences: 2 }],
      }),
      422,
      'invalid_request'
    )
    expect(body.errors?.[0]?.pointer).toBe('#/lengths/1')
  })

  it('answers a body over the limit with 413 before parsing it', async () => {
    const huge = `{"text": "${'a'.repeat(600 * 1024)}"`
    await expectProblem(
      await call('/v1/summarize', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: huge,
      }),
      413,
      'payload_too_large'
    )
  })

  it('answers a non-JSON body with 415', async () => {
    await expectProblem(
      await call('/v1/detect', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'hello there',
      }),
      415,
      'unsupported_media_type'
    )
  })

  it('answers an unknown route with 404', async () => {
    await expectProblem(await call('/v1/nothing-here'), 404, 'not_found')
  })

  it('answers a wrong method with 405 and Allow', async ({ expect }) => {
    const res = await call('/v1/summarize', { method: 'GET' })
    await expectProblem(res, 405, 'method_not_allowed')
    expect(res.headers.get('allow')).toBe('POST')
  })

  it('never answers 5xx for hostile but valid Unicode', async ({ expect }) => {
    const texts = [
      'Lone \uD800 surrogate and \uDC00 another. Second sentence here.',
      'Bidi \u202Econtrols\u202C and \u2066isolates\u2069 in text. More words follow.',
      'Zero\u200Bwidth\u200Djoiners\u2060everywhere. And\uFEFF a BOM.',
      'Emoji 👩‍👩‍👧‍👦 and flags 🇫🇷 in news 🗞️. Another line! 🎉',
      '\u0000\u0001 control characters. Then words.',
    ]
    for (const text of texts) {
      for (const path of ['/v1/summarize', '/v1/detect']) {
        const res = await postJson(path, { text })
        expect(res.status, `${path} ${JSON.stringify(text)}: ${await res.clone().text()}`).toBe(200)
      }
    }
  })

  it('puts X-Request-Id on every response, echoing a sane client id', async ({ expect }) => {
    const ok = await call('/health', { headers: { 'x-request-id': 'client-abc-123' } })
    expect(ok.headers.get('x-request-id')).toBe('client-abc-123')
    const missing = await call('/nope')
    expect(missing.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})
