import { describe, it } from 'vitest'
import { call, expectStatus, postJson } from './helpers'

const ADMIN = { authorization: 'Bearer test-admin-token' }
const utf8 = (bytes: ArrayBuffer) => new TextDecoder().decode(bytes)

type Summary = { id: string; languages: string[]; entries: number; version: string; source: string }
type GlossaryJson = Summary & {
  entries: { id?: string; terms: Record<string, string[]>; flags: string[] }[]
}
type Problem = {
  status: number
  code: string
  detail: string
  errors?: { pointer: string; message: string; line?: number }[]
}

const TSV = [
  'id\ten\tes\tflags\tnote',
  "xi-an\tXi'an|Xian\tXi'an|!Xi'un\tfixed\tCity in China",
  'ft\tFinancial Times\tFinancial Times|!Tiempo Financiero\tdnt\t',
  'yuan\tyuan\tyuan|~yuanes\tinflect\t',
  '',
].join('\n')

function put(
  id: string,
  body: string,
  contentType: string,
  headers: Record<string, string> = ADMIN
): Promise<Response> {
  return call(`/v1/glossaries/${id}`, {
    method: 'PUT',
    headers: { 'content-type': contentType, ...headers },
    body,
  })
}

async function problem(res: Response, status: number, code: string): Promise<Problem> {
  const body = (await expectStatus(res, status)) as Problem
  if (body.code !== code) throw new Error(`expected ${code}, got ${JSON.stringify(body)}`)
  if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? ''))
    throw new Error('not problem+json')
  return body
}

describe('GET /v1/glossaries', () => {
  it('lists the bundled glossary', async ({ expect }) => {
    const body = (await expectStatus(await call('/v1/glossaries'), 200)) as {
      glossaries: Summary[]
    }
    expect(body.glossaries).toContainEqual(
      expect.objectContaining({
        id: 'news-central-asia',
        source: 'bundled',
        languages: ['en', 'es', 'ru', 'zh', 'fr', 'de'],
      })
    )
  })

  it('serves a glossary with its version as ETag, and 304 on If-None-Match', async ({ expect }) => {
    const res = await call('/v1/glossaries/news-central-asia')
    const body = (await expectStatus(res, 200)) as GlossaryJson
    expect(res.headers.get('etag')).toBe(`"${body.version}"`)
    expect(body.entries[0]?.terms.en).toEqual(["Xi'an", 'Xian'])
    const again = await call('/v1/glossaries/news-central-asia', {
      headers: { 'if-none-match': `"${body.version}"` },
    })
    expect(again.status).toBe(304)
  })

  it.for([
    ['tsv', /^text\/tab-separated-values/, 'id\ten\tes\tru\tzh\tfr\tde\tflags\tnote'],
    ['csv', /^text\/csv/, 'id,en,es,ru,zh,fr,de,flags,note'],
    ['tbx', /^application\/x-tbx/, '<?xml version="1.0" encoding="UTF-8"?>'],
  ] as const)('exports ?format=%s', async ([format, type, start], { expect }) => {
    const res = await call(`/v1/glossaries/news-central-asia?format=${format}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(type)
    expect(res.headers.get('etag')).toMatch(new RegExp(`-${format}"$`))
    // Decoded by hand: workerd warns on .text() of a media type it does not know as text.
    expect(utf8(await res.arrayBuffer()).startsWith(start)).toBe(true)
  })

  it('answers an unknown glossary with a 404 problem', async () => {
    await problem(await call('/v1/glossaries/no-such-glossary'), 404, 'not_found')
  })
})

describe('PUT and DELETE /v1/glossaries/{id}', () => {
  it('needs the admin token (401), compared without leaking it', async ({ expect }) => {
    const missing = await problem(
      await put('secured', TSV, 'text/tab-separated-values', {}),
      401,
      'unauthorized'
    )
    expect(missing.detail).not.toContain('test-admin-token')
    await problem(
      await put('secured', TSV, 'text/tab-separated-values', { authorization: 'Bearer wrong' }),
      401,
      'unauthorized'
    )
    await problem(
      await put('secured', TSV, 'text/tab-separated-values', { authorization: 'test-admin-token' }),
      401,
      'unauthorized'
    )
    await problem(await call('/v1/glossaries/secured', { method: 'DELETE' }), 401, 'unauthorized')
    await problem(await call('/v1/glossaries/secured'), 404, 'not_found')
  })

  it('keeps bundled glossaries read-only (409)', async () => {
    await problem(await put('news-central-asia', TSV, 'text/tab-separated-values'), 409, 'conflict')
    await problem(
      await call('/v1/glossaries/news-central-asia', { method: 'DELETE', headers: ADMIN }),
      409,
      'conflict'
    )
  })

  it('creates (201), replaces (200), honours If-Match (412) and deletes (204, then 404)', async ({
    expect,
  }) => {
    const created = await put('desk-a', TSV, 'text/tab-separated-values')
    const first = (await expectStatus(created, 201)) as Summary
    expect(first).toMatchObject({
      id: 'desk-a',
      entries: 3,
      languages: ['en', 'es'],
      source: 'api',
    })
    expect(created.headers.get('etag')).toBe(`"${first.version}"`)
    expect(created.headers.get('location')).toBe('/v1/glossaries/desk-a')

    const edited = TSV.replace('City in China', 'Ancient capital')
    const replaced = (await expectStatus(
      await put('desk-a', edited, 'text/tab-separated-values', {
        ...ADMIN,
        'if-match': `"${first.version}"`,
      }),
      200
    )) as Summary
    expect(replaced.version).not.toBe(first.version)

    const stale = await problem(
      await put('desk-a', TSV, 'text/tab-separated-values', {
        ...ADMIN,
        'if-match': `"${first.version}"`,
      }),
      412,
      'precondition_failed'
    )
    expect(stale.detail).toContain(replaced.version)
    await problem(
      await call('/v1/glossaries/desk-a', {
        method: 'DELETE',
        headers: { ...ADMIN, 'if-match': `"${first.version}"` },
      }),
      412,
      'precondition_failed'
    )

    const listed = (await expectStatus(await call('/v1/glossaries'), 200)) as {
      glossaries: Summary[]
    }
    expect(listed.glossaries).toContainEqual(
      expect.objectContaining({ id: 'desk-a', source: 'api', version: replaced.version })
    )

    const deleted = await call('/v1/glossaries/desk-a', { method: 'DELETE', headers: ADMIN })
    expect(deleted.status).toBe(204)
    await problem(await call('/v1/glossaries/desk-a'), 404, 'not_found')
    await problem(
      await call('/v1/glossaries/desk-a', { method: 'DELETE', headers: ADMIN }),
      404,
      'not_found'
    )
  })

  it('round-trips TSV → JSON → TSV and CSV without loss', async ({ expect }) => {
    const created = (await expectStatus(
      await put('round-trip', TSV, 'text/tab-separated-values'),
      201
    )) as Summary
    const json = (await expectStatus(await call('/v1/glossaries/round-trip'), 200)) as GlossaryJson
    expect(json.version).toBe(created.version)
    expect(await (await call('/v1/glossaries/round-trip?format=tsv')).text()).toBe(TSV)
    for (const [format, type] of [
      ['json', 'application/json'],
      ['csv', 'text/csv'],
      ['tsv', 'text/tab-separated-values'],
    ] as const) {
      const exported =
        format === 'json'
          ? JSON.stringify(json)
          : utf8(await (await call(`/v1/glossaries/round-trip?format=${format}`)).arrayBuffer())
      const back = (await expectStatus(await put(`copy-${format}`, exported, type), 201)) as Summary
      expect(back.version, format).toBe(created.version)
    }
  })

  it('exports TBX-Basic, which keeps terms and notes but not flags or forms', async ({
    expect,
  }) => {
    await expectStatus(await put('basic', TSV, 'text/tab-separated-values'), 201)
    const tbx = utf8(await (await call('/v1/glossaries/basic?format=tbx')).arrayBuffer())
    expect(tbx).toContain('<tbx type="TBX-Basic"')
    expect(tbx).not.toContain('x-precis')
    await expectStatus(await put('basic-copy', tbx, 'application/x-tbx'), 201)
    const copy = (await expectStatus(await call('/v1/glossaries/basic-copy'), 200)) as GlossaryJson
    expect(copy.entries.map((e) => e.flags)).toEqual([[], [], []])
    expect(copy.entries[1]?.terms).toEqual({
      en: ['Financial Times'],
      es: ['Financial Times'],
    })
  })

  it('answers invalid content with 422 naming each row', async ({ expect }) => {
    const bad = [
      'en\tes\tflags',
      "Xi'an|Xian\tXi'an\tfixed",
      'XIAN\tXian\tbogus',
      '|Kremlin\tKremlin\t',
      '',
    ].join('\n')
    const body = await problem(
      await put('bad-tsv', bad, 'text/tab-separated-values'),
      422,
      'invalid_request'
    )
    expect(body.errors).toEqual([
      expect.objectContaining({ pointer: '#/entries/1/flags/0', line: 3 }),
      expect.objectContaining({ pointer: '#/entries/1/terms/en/0', line: 3 }),
      expect.objectContaining({ pointer: '#/entries/2/terms/en/0', line: 4 }),
    ])
    expect(body.errors?.[1]?.message).toMatch(/^line 3, column en: 'XIAN' is already a term/)

    const json = {
      entries: [{ terms: { en: ['Kremlin'] } }, { terms: { en: ['Kremlin ', 'Kreml\u202Ein'] } }],
    }
    const jsonProblem = await problem(
      await put('bad-json', JSON.stringify(json), 'application/json'),
      422,
      'invalid_request'
    )
    // 'Kremlin ' is trimmed, so it repeats entry 0; the bidi override is both invisible junk and,
    // once the matcher ignores it, another copy of Kremlin.
    expect(jsonProblem.errors?.map((e) => [e.pointer, e.message.split(' (')[0]])).toEqual([
      ['#/entries/1/terms/en/0', "'Kremlin' is already a term of the concept 'Kremlin'"],
      [
        '#/entries/1/terms/en/1',
        "the term 'Kreml<U+202E>in' contains an invisible text-direction control",
      ],
      ['#/entries/1/terms/en/1', "'Kreml<U+202E>in' is already a term of the concept 'Kremlin'"],
    ])
    await problem(await call('/v1/glossaries/bad-json'), 404, 'not_found')
  })

  it('rejects TBX with a DOCTYPE or entities, without expanding them', async ({ expect }) => {
    const lol =
      '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<tbx><text><body>&lol2;</body></text></tbx>'
    const body = await problem(await put('lol', lol, 'application/x-tbx'), 422, 'invalid_request')
    expect(body.errors?.[0]?.message).toMatch(/^line 2: DOCTYPE declarations are not allowed/)
    await problem(await put('broken', '<tbx><text>', 'application/xml'), 400, 'malformed_document')
  })

  it('accepts a TBX v2 upload', async ({ expect }) => {
    const tbx = `<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="kremlin"><langSet xml:lang="en"><tig><term>Kremlin</term></tig></langSet>
<langSet xml:lang="de"><tig><term>Kreml</term></tig></langSet></termEntry></body></text></martif>`
    const created = (await expectStatus(
      await put('tbx-v2', tbx, 'application/x-tbx'),
      201
    )) as Summary
    expect(created.languages).toEqual(['en', 'de'])
  })

  it('refuses other media types (415), bad ids (422), malformed JSON (400) and oversized bodies (413)', async () => {
    await problem(await put('plain', 'en\nX\n', 'text/plain'), 415, 'unsupported_media_type')
    await problem(await put('Not_An_Id', TSV, 'text/tab-separated-values'), 422, 'invalid_request')
    await problem(
      await put('bad-syntax', '{"entries": [', 'application/json'),
      400,
      'malformed_json'
    )
    const huge = `en\n${'x'.repeat(600 * 1024)}\n`
    await problem(await put('huge', huge, 'text/tab-separated-values'), 413, 'payload_too_large')
  })
})

describe('POST /v1/glossaries/{id}/check', () => {
  it('reports variants and forbidden terms with offsets', async ({ expect }) => {
    const text = 'El Tiempo Financiero informó desde Xian sobre 26.000 millones de yuanes.'
    const body = (await expectStatus(
      await postJson('/v1/glossaries/news-central-asia/check', { text, language: 'es' }),
      200
    )) as {
      findings: { kind: string; term: string; preferred: string; offset: number; length: number }[]
    }
    expect(body.findings).toEqual([
      expect.objectContaining({
        kind: 'forbidden',
        term: 'Tiempo Financiero',
        preferred: 'Financial Times',
        offset: 3,
        length: 17,
      }),
      expect.objectContaining({
        kind: 'variant',
        term: 'Xian',
        preferred: "Xi'an",
        offset: 35,
        length: 4,
      }),
    ])
  })

  it('validates the body and the glossary id', async () => {
    await problem(
      await postJson('/v1/glossaries/news-central-asia/check', { text: 'x' }),
      422,
      'invalid_request'
    )
    await problem(
      await postJson('/v1/glossaries/nope/check', { text: 'Xian', language: 'en' }),
      404,
      'not_found'
    )
  })
})

describe('OpenAPI', () => {
  it('documents the glossary routes, API keys and the admin token', async ({ expect }) => {
    const doc = (await expectStatus(await call('/openapi.json'), 200)) as {
      paths: Record<string, Record<string, { operationId?: string; security?: unknown }>>
      components: { securitySchemes?: Record<string, unknown> }
    }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/glossaries', '/v1/glossaries/{id}', '/v1/glossaries/{id}/check'])
    )
    expect(doc.paths['/v1/glossaries/{id}']?.put?.security).toEqual([
      { apiKey: [] },
      { adminToken: [] },
    ])
    expect(doc.components.securitySchemes?.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(doc.components.securitySchemes?.adminToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    })
  })
})
