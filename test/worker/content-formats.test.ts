import { describe, it } from 'vitest'
import { expectStatus, postJson } from './helpers'

type Finding = { kind: string; term: string; offset: number; length: number }

describe('POST /v1/glossaries/{id}/check with format and offsetUnit', () => {
  // "Xian" is a variant of "Xi'an" in the bundled glossary; the page puts it in a link, after
  // an emoji and references, with furniture around it.
  const html =
    '<nav><a href="/">Xian news</a></nav><p>😀 El <em>Tiempo Financiero</em> inform&oacute; desde <a href="/x">Xian</a>.</p><script>var s = "Xian"</script>'

  it('reports findings once, with source offsets, in the unit asked for', async ({ expect }) => {
    const check = async (offsetUnit: string) =>
      (
        (await expectStatus(
          await postJson('/v1/glossaries/news-central-asia/check', {
            text: html,
            format: 'html',
            language: 'es',
            offsetUnit,
          }),
          200
        )) as { findings: Finding[] }
      ).findings
    const utf16 = await check('utf16')
    expect(utf16.map((f) => f.term)).toEqual(['Tiempo Financiero', 'Xian'])
    for (const f of utf16) expect(html.slice(f.offset, f.offset + f.length)).toBe(f.term)
    const cp = await check('codepoint')
    const u8 = await check('utf8')
    const points = [...html]
    const bytes = new TextEncoder().encode(html)
    utf16.forEach((f, k) => {
      const c = cp[k] as Finding
      expect(points.slice(c.offset, c.offset + c.length).join('')).toBe(f.term)
      const b = u8[k] as Finding
      expect(new TextDecoder().decode(bytes.slice(b.offset, b.offset + b.length))).toBe(f.term)
    })
    // Past the emoji and the "&oacute;" reference the three units differ.
    expect(new Set([utf16[1]?.offset, cp[1]?.offset, u8[1]?.offset]).size).toBe(3)
  }, 120_000)

  it('refuses markup without text with 422 no_text', async ({ expect }) => {
    const problem = (await expectStatus(
      await postJson('/v1/glossaries/news-central-asia/check', {
        text: '```\nXian\n```',
        format: 'markdown',
        language: 'en',
      }),
      422
    )) as { code: string; errors: { pointer: string }[] }
    expect(problem.code).toBe('no_text')
    expect(problem.errors.map((e) => e.pointer)).toEqual(['#/text'])
  })
})

describe('POST /v1/glossaries/{id}/check offsetUnit on plain text', () => {
  it('counts past combining marks, CJK and emoji in each unit', async ({ expect }) => {
    const text = 'Cafe\u0301 北京 😀 The summit was held in Xian, and Xian welcomed it.'
    const check = async (offsetUnit: string) =>
      (
        (await expectStatus(
          await postJson('/v1/glossaries/news-central-asia/check', {
            text,
            language: 'en',
            offsetUnit,
          }),
          200
        )) as { findings: Finding[] }
      ).findings
    const [utf16, cp, u8] = [await check('utf16'), await check('codepoint'), await check('utf8')]
    expect(utf16.map((f) => f.term)).toEqual(['Xian', 'Xian'])
    const points = [...text]
    const bytes = new TextEncoder().encode(text)
    utf16.forEach((f, k) => {
      expect(text.slice(f.offset, f.offset + f.length)).toBe('Xian')
      const c = cp[k] as Finding
      expect(points.slice(c.offset, c.offset + c.length).join('')).toBe('Xian')
      const b = u8[k] as Finding
      expect(new TextDecoder().decode(bytes.slice(b.offset, b.offset + b.length))).toBe('Xian')
      expect(new Set([f.offset, c.offset, b.offset]).size).toBe(3)
    })
  })
})

describe('POST /v1/detect with format', () => {
  it('detects the language of the page text, not of its markup', async ({ expect }) => {
    const text =
      '<html><head><script>var settings = { language: "english", theme: "dark" }</script></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><p>Le gouvernement a annoncé mardi une nouvelle loi sur les transports publics dans toute la région.</p></body></html>'
    const body = (await expectStatus(
      await postJson('/v1/detect', { text, format: 'html' }),
      200
    )) as {
      language: string
    }
    expect(body.language).toBe('fr')
  })

  it('refuses markup without text with 422 no_text', async ({ expect }) => {
    const problem = (await expectStatus(
      await postJson('/v1/detect', { text: '<svg><text>Hello world</text></svg>', format: 'html' }),
      422
    )) as { code: string }
    expect(problem.code).toBe('no_text')
  })
})

describe('text limits before work, for every format', () => {
  type Problem = { code: string; errors: { pointer: string; message: string }[] }
  type Result = { status: number; problem?: Problem }
  const routes = [
    ['/v1/summarize', { lengths: ['short'], language: 'en' }],
    ['/v1/detect', {}],
    ['/v1/glossaries/news-central-asia/check', { language: 'en' }],
  ] as const
  const sentence = 'The summit was held in the ancient capital on Tuesday. '
  // 250,000 characters of markup around a short article: the readable text is what counts.
  const heavyPage = `<article>${`<div class="ad-slot" data-slot="x"></div>`.repeat(6_000)}<p>${sentence.repeat(20)}</p></article>`
  // Over 200,000 characters of readable text, in a page and as Markdown.
  const longPage = `<p>${sentence.repeat(3_700)}</p>`
  const longMarkdown = `# Title\n\n${sentence.repeat(3_700)}`

  for (const [path, extra] of routes) {
    it(`${path}: a heavy page with a normal article is accepted; the plain limit counts its text`, async ({
      expect,
    }) => {
      expect(heavyPage.length).toBeGreaterThan(200_000)
      await expectStatus(await postJson(path, { ...extra, text: heavyPage, format: 'html' }), 200)
      const asText = (await expectStatus(
        await postJson(path, { ...extra, text: heavyPage }),
        422
      )) as Problem
      expect(asText.errors.map((e) => e.pointer)).toEqual(['#/text'])
      expect(asText.errors[0]?.message).toBe('must be at most 200000 characters')
      for (const [text, format] of [
        [longPage, 'html'],
        [longMarkdown, 'markdown'],
      ] as const) {
        const problem = (await expectStatus(
          await postJson(path, { ...extra, text, format }),
          422
        )) as Problem
        expect(problem.code).toBe('invalid_request')
        expect(problem.errors).toEqual([
          {
            pointer: '#/text',
            message: 'its text (markup left out) must be at most 200000 characters',
          },
        ])
      }
    }, 120_000)
  }

  it('names the item of a batch whose page has too much text', async ({ expect }) => {
    const body = (await expectStatus(
      await postJson('/v1/detect', {
        format: 'html',
        items: [{ text: '<p>The summit was held in the ancient capital.</p>' }, { text: longPage }],
      }),
      200
    )) as { results: Result[] }
    expect(body.results.map((r) => r.status)).toEqual([200, 422])
    expect(body.results[1]?.problem?.errors.map((e) => e.pointer)).toEqual(['#/items/1/text'])
  })
})

describe('Markdown the parser cannot read in linear time', () => {
  type Problem = { code: string; status: number; errors: { pointer: string; line?: number }[] }
  // Nested quotes (quadratic in depth) and a paragraph dense with emphasis (quadratic in
  // delimiters × length): refused before any parsing, on every route that reads Markdown.
  const deep = `Fine first line.\n\n${'>'.repeat(5_000)} x`
  const dense = `A paragraph ${'*a'.repeat(20_000)}`

  it('is refused with 422 markdown_too_complex naming the text and the line', async ({
    expect,
  }) => {
    const cases: [string, object, string][] = [
      ['/v1/detect', { text: deep, format: 'markdown' }, '#/text'],
      ['/v1/summarize', { text: dense, format: 'markdown', language: 'en' }, '#/text'],
      [
        '/v1/translate',
        { text: ['Hello.', dense], format: 'markdown', source: 'en', target: 'es' },
        '#/text/1',
      ],
    ]
    for (const [path, body, pointer] of cases) {
      const problem = (await expectStatus(await postJson(path, body), 422)) as Problem
      expect(problem.code, path).toBe('markdown_too_complex')
      expect(problem.errors.map((e) => e.pointer)).toEqual([pointer])
    }
    const deepProblem = (await expectStatus(
      await postJson('/v1/detect', { text: deep, format: 'markdown' }),
      422
    )) as Problem
    expect(deepProblem.errors[0]?.line).toBe(3)
  }, 120_000)

  it('still reads the same shapes sent as plain text', async ({ expect }) => {
    const body = (await expectStatus(
      await postJson('/v1/summarize', { text: dense, language: 'en' }),
      200
    )) as object
    expect(body).not.toHaveProperty('code')
  }, 120_000)
})
