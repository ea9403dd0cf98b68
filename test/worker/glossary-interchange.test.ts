import { describe, it } from 'vitest'
import { call, expectStatus, postJson } from './helpers'

/** TBX bodies read as bytes: workerd warns when `.text()` meets a non-text content type. */
const utf8 = (bytes: ArrayBuffer) => new TextDecoder().decode(bytes)

const ADMIN = { authorization: 'Bearer test-admin-token' }

type Written = {
  id: string
  entries: number
  version: string
  warnings?: { pointer: string; message: string; line?: number }[]
}
type Problem = { status: number; code: string; errors?: { pointer: string; message: string }[] }

function put(path: string, body: string, contentType: string): Promise<Response> {
  return call(path, {
    method: 'PUT',
    headers: { 'content-type': contentType, ...ADMIN },
    body,
  })
}

const DEEPL = [
  'Astana International Financial Centre\tCentro Financiero Internacional de Astaná',
  'Astana International Financial Center\tCentro Financiero Internacional de Astaná',
  'Tokayev\tTokáyev',
  'Tokayev\tTokaev',
  '',
].join('\n')

describe('glossary interchange', () => {
  it('imports a DeepL entry list with shared targets, reporting a second target as a warning', async ({
    expect,
  }) => {
    const written = (await expectStatus(
      await put(
        '/v1/glossaries/deepl-in?format=deepl&source=en&target=es',
        DEEPL,
        'text/tab-separated-values'
      ),
      201
    )) as Written
    expect(written.entries).toBe(2)
    expect(written.warnings).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringMatching(/Tokaev' was ignored/) }),
    ])
    const json = (await expectStatus(await call('/v1/glossaries/deepl-in'), 200)) as {
      entries: { terms: Record<string, string[]> }[]
    }
    expect(json.entries[0]?.terms.en).toEqual([
      'Astana International Financial Centre',
      'Astana International Financial Center',
    ])
  })

  it('imports Google term sets and refuses them as TSV', async ({ expect }) => {
    await expectStatus(
      await put(
        '/v1/glossaries/google-in?format=google',
        'en,es,fr\r\nKremlin,Kremlin,Kremlin\r\n',
        'text/csv'
      ),
      201
    )
    const wrong = (await expectStatus(
      await put('/v1/glossaries/google-tsv?format=google', 'en\tes\n', 'text/tab-separated-values'),
      415
    )) as Problem
    expect(wrong.code).toBe('unsupported_media_type')
  })

  it('exports a DeepL entry list and TBX flavours', async ({ expect }) => {
    const res = await call('/v1/glossaries/news-central-asia?format=deepl&source=en&target=es')
    const tsv = await res.text()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/tab-separated-values/)
    expect(res.headers.get('etag')).toMatch(/-deepl-en-es"$/)
    expect(tsv).toContain("Xian\tXi'an\n")
    expect(tsv.split('\n')[0]?.split('\t')).toHaveLength(2)
    const missing = (await expectStatus(
      await call('/v1/glossaries/news-central-asia?format=deepl&source=en'),
      422
    )) as Problem
    expect(missing.errors?.map((e) => e.pointer)).toEqual(['#/target'])
    const noColumn = (await expectStatus(
      await call('/v1/glossaries/news-central-asia?format=deepl&source=en&target=ja'),
      422
    )) as Problem
    expect(noColumn.errors?.[0]?.pointer).toBe('#/target')
    const v2 = utf8(
      await (await call('/v1/glossaries/news-central-asia?format=tbx-v2')).arrayBuffer()
    )
    expect(v2).toContain('<martif type="TBX-Basic"')
    const precis = utf8(
      await (await call('/v1/glossaries/news-central-asia?format=tbx-precis')).arrayBuffer()
    )
    expect(precis).toContain('<tbx type="TBX-Precis"')
  })

  it('imports TBX v2 that starts with an external DOCTYPE', async ({ expect }) => {
    const v2 = utf8(
      await (await call('/v1/glossaries/news-central-asia?format=tbx-v2')).arrayBuffer()
    )
    const withDoctype = v2.replace('?>\n', '?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n')
    expect(withDoctype).toContain('<!DOCTYPE martif')
    const written = (await expectStatus(
      await put('/v1/glossaries/v2-doctype', withDoctype, 'application/x-tbx'),
      201
    )) as Written
    expect(written.entries).toBe(16)
  })

  it('gives the quoted-cell and separator hints through the API', async ({ expect }) => {
    const quoted = (await expectStatus(
      await put(
        '/v1/glossaries/quoted',
        'en\tes\n"Financial Times"\tFT\n',
        'text/tab-separated-values'
      ),
      422
    )) as Problem
    expect(quoted.errors?.[0]?.message).toMatch(/line 2, column en: .*TSV needs no quotes/)
    const semi = (await expectStatus(
      await put('/v1/glossaries/semi', 'en;es\nXian;Xian\n', 'text/tab-separated-values'),
      422
    )) as Problem
    expect(semi.errors?.[0]?.message).toMatch(/line 1: .*semicolon-separated/)
  })
})

describe('POST /v1/glossaries/{id}/candidates', () => {
  const texts = [
    'President Kassym-Jomart Tokayev said the Astana International Financial Centre (AIFC) would open an office in Almaty. The Kremlin welcomed it.',
    'The Astana International Financial Center grew. Tokaev met Halyk Bank executives in Astana.',
  ]

  it('finds the multi-word names the glossary lacks and groups variant spellings', async ({
    expect,
  }) => {
    const body = (await expectStatus(
      await postJson('/v1/glossaries/news-central-asia/candidates', { texts, language: 'en' }),
      200
    )) as {
      language: string
      candidates: { term: string; kind: string; count: number; texts: number[] }[]
      groups: { terms: string[] }[]
    }
    const names = body.candidates.map((c) => c.term)
    expect(names).toEqual(
      expect.arrayContaining([
        'Astana International Financial Centre',
        'Kassym-Jomart Tokayev',
        'AIFC',
        'Halyk Bank',
      ])
    )
    expect(names).not.toContain('Kremlin')
    expect(body.groups.map((g) => [...g.terms].sort())).toContainEqual([
      'Astana International Financial Center',
      'Astana International Financial Centre',
    ])
  })

  it('gives example offsets in the unit asked for, past emoji, CJK and combining marks', async ({
    expect,
  }) => {
    // "e" + U+0301 (2 units, 2 code points, 3 bytes), 北京 (2 units, 2 code points, 6 bytes),
    // 😀 (2 units, 1 code point, 4 bytes) before the names.
    const text =
      'Cafe\u0301 北京 😀 news: President Kassym-Jomart Tokayev met Halyk Bank executives in Astana. Halyk Bank grew.'
    type Body = { candidates: { term: string; example: { text: number; offset: number } }[] }
    const ask = async (offsetUnit?: string) =>
      (
        (await expectStatus(
          await postJson('/v1/glossaries/news-central-asia/candidates', {
            text,
            language: 'en',
            ...(offsetUnit ? { offsetUnit } : {}),
          }),
          200
        )) as Body
      ).candidates
    const utf16 = await ask()
    const points = [...text]
    const bytes = new TextEncoder().encode(text)
    const byTerm = (list: Body['candidates'], term: string) =>
      list.find((c) => c.term === term)?.example.offset ?? -1
    const [cp, u8] = [await ask('codepoint'), await ask('utf8')]
    for (const term of ['Kassym-Jomart Tokayev', 'Halyk Bank']) {
      const at16 = byTerm(utf16, term)
      expect(text.slice(at16, at16 + term.length)).toBe(term)
      const atCp = byTerm(cp, term)
      expect(points.slice(atCp, atCp + [...term].length).join('')).toBe(term)
      const at8 = byTerm(u8, term)
      const length8 = new TextEncoder().encode(term).length
      expect(new TextDecoder().decode(bytes.slice(at8, at8 + length8))).toBe(term)
      expect(new Set([at16, atCp, at8]).size).toBe(3)
    }
  })

  it('takes one text, detects the language, and answers TSV rows', async ({ expect }) => {
    const res = await postJson('/v1/glossaries/news-central-asia/candidates?format=tsv', {
      text: texts.join(' '),
    })
    expect(res.status).toBe(200)
    const tsv = await res.text()
    expect(tsv.split('\n')[0]).toBe('en\tnote')
    expect(tsv).toContain(
      'Astana International Financial Centre|Astana International Financial Center\t'
    )
  })

  it('refuses bad input with 4xx naming the field', async ({ expect }) => {
    const both = (await expectStatus(
      await postJson('/v1/glossaries/news-central-asia/candidates', { text: 'a', texts: ['b'] }),
      422
    )) as Problem
    expect(both.errors?.[0]?.pointer).toBe('#/texts')
    const many = (await expectStatus(
      await postJson('/v1/glossaries/news-central-asia/candidates', {
        texts: Array.from({ length: 51 }, () => 'Astana'),
      }),
      422
    )) as Problem
    expect(many.errors?.[0]?.pointer).toMatch(/^#\/texts/)
    await expectStatus(
      await postJson('/v1/glossaries/no-such/candidates', { text: 'Astana is a city.' }),
      404
    )
  })
})
