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
