import { describe, it } from 'vitest'
import { NEWS_ARTICLE_MARKDOWN, NEWS_ARTICLE_TEXT, NEWS_PAGE_HTML } from '../fixtures/markup/corpus'
import { collapseSpace, LEFTOVER_MARKUP, readHtml, readMarkdown } from '../fixtures/markup/oracle'
import { expectStatus, postJson } from './helpers'

type Sentence = { index: number; text: string; offset: number; length: number; score: number }
type Summary = {
  name: string
  text: string
  truncated: boolean
  sentences: Sentence[]
  items?: string[]
}
type Term = { concept: string; found: string; offset: number; length: number }
type Body = { sentenceCount: number; summaries: Summary[]; terms: Term[] }

const summarize = async (body: Record<string, unknown>, status = 200) =>
  (await expectStatus(await postJson('/v1/summarize', body), status)) as Body

describe('POST /v1/summarize with format', () => {
  it('summarizes an HTML page as the same sentences as the plain article', async ({ expect }) => {
    const lengths = ['short', 'medium', 'long', 'meta', 'social', 'keyPoints', 'standfirst']
    const html = await summarize({
      text: NEWS_PAGE_HTML,
      format: 'html',
      language: 'en',
      lengths,
      glossary: null,
    })
    const plain = await summarize({
      text: NEWS_ARTICLE_TEXT,
      language: 'en',
      lengths,
      glossary: null,
    })
    const texts = (b: Body) => b.summaries.map((s) => s.sentences.map((x) => collapseSpace(x.text)))
    expect(texts(html)).toEqual(texts(plain))
    for (const summary of html.summaries) {
      expect(summary.text).not.toMatch(LEFTOVER_MARKUP)
      for (const s of summary.sentences) {
        const slice = NEWS_PAGE_HTML.slice(s.offset, s.offset + s.length)
        expect(readHtml(slice)).toBe(collapseSpace(s.text))
      }
    }
    const keyPoints = html.summaries.find((s) => s.name === 'keyPoints')
    expect(keyPoints?.items?.length).toBeGreaterThanOrEqual(3)
  }, 120_000)

  it('summarizes Markdown with source offsets', async ({ expect }) => {
    const body = await summarize({
      text: NEWS_ARTICLE_MARKDOWN,
      format: 'markdown',
      language: 'en',
      lengths: ['long'],
      glossary: null,
    })
    const [long] = body.summaries
    expect(long?.sentences.length).toBeGreaterThan(2)
    for (const s of long?.sentences ?? []) {
      const slice = NEWS_ARTICLE_MARKDOWN.slice(s.offset, s.offset + s.length)
      expect(readMarkdown(slice)).toBe(collapseSpace(s.text))
    }
    expect(long?.text).not.toMatch(/[`*[\]]|https?:/)
  })

  it('refuses markup without text with 422 no_text naming the field', async ({ expect }) => {
    const problem = (await expectStatus(
      await postJson('/v1/summarize', {
        text: '<nav><a href="/">Home</a></nav><script>x()</script><img src="a.png">',
        format: 'html',
      }),
      422
    )) as { code: string; errors: { pointer: string }[] }
    expect(problem.code).toBe('no_text')
    expect(problem.errors.map((e) => e.pointer)).toEqual(['#/text'])
  })

  it('refuses an unknown format naming the field', async ({ expect }) => {
    const problem = (await expectStatus(
      await postJson('/v1/summarize', { text: 'A sentence.', format: 'docx' }),
      422
    )) as { errors: { pointer: string }[] }
    expect(problem.errors.map((e) => e.pointer)).toContain('#/format')
  })
})

describe('POST /v1/summarize offsetUnit and sortBy', () => {
  // Emoji (two UTF-16 units, 4 bytes), CJK (3 bytes) and a combining accent before the sentences.
  const text =
    'Cafe\u0301 owners in 北京 cheered 😀 on Monday as the new metro line opened to the public. The line links the airport with the city centre in under twenty minutes. Officials said ridership would double by next year as more stations open.'
  const encoder = new TextEncoder()

  it('gives code point and UTF-8 offsets of the same sentences', async ({ expect }) => {
    const base = { text, language: 'en', lengths: ['long'], glossary: null }
    const [utf16] = (await summarize(base)).summaries
    const [cp] = (await summarize({ ...base, offsetUnit: 'codepoint' })).summaries
    const [u8] = (await summarize({ ...base, offsetUnit: 'utf8' })).summaries
    const points = [...text]
    const bytes = encoder.encode(text)
    expect(utf16?.sentences.length).toBeGreaterThan(1)
    utf16?.sentences.forEach((s, k) => {
      expect(text.slice(s.offset, s.offset + s.length)).toBe(s.text)
      const c = cp?.sentences[k] as Sentence
      expect(points.slice(c.offset, c.offset + c.length).join('')).toBe(s.text)
      const b = u8?.sentences[k] as Sentence
      expect(new TextDecoder().decode(bytes.slice(b.offset, b.offset + b.length))).toBe(s.text)
    })
    // The second sentence starts after the emoji: the three units disagree there.
    const second = (x: Summary | undefined) => x?.sentences[1]?.offset
    expect(new Set([second(utf16), second(cp), second(u8)]).size).toBe(3)
  })

  it('orders sentences by rank on request, the summary text staying in article order', async ({
    expect,
  }) => {
    const base = { text, language: 'en', lengths: ['long'], glossary: null }
    const [byOffset] = (await summarize(base)).summaries
    const [byRank] = (await summarize({ ...base, sortBy: 'rank' })).summaries
    const scores = byRank?.sentences.map((s) => s.score) ?? []
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(byRank?.text).toBe(byOffset?.text)
    expect(new Set(byRank?.sentences.map((s) => s.index))).toEqual(
      new Set(byOffset?.sentences.map((s) => s.index))
    )
  })
})

describe('POST /v1/summarize typography of preferred terms', () => {
  it('writes a preferred term with the article’s apostrophes', async ({ expect }) => {
    const text =
      'Xian opened the city’s sixth metro line on Monday, officials said. The line’s trains run every four minutes. It’s the region’s longest line.'
    const body = await summarize({
      text,
      language: 'en',
      lengths: ['long'],
      glossary: 'news-central-asia',
    })
    const [long] = body.summaries
    expect(long?.text).toContain('Xi’an opened')
    expect(long?.text).not.toContain("Xi'an")
  }, 120_000)
})
