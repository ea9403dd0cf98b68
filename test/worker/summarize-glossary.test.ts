import { describe, inject, it } from 'vitest'
import { ENGLISH_ARTICLE } from '../fixtures/articles'
import { SUMMIT_STORY } from '../fixtures/central-asia'
import { callWorker, unique } from './translate-helpers'

type Term = { concept: string; preferred: string; found: string; offset: number; length: number }
type Summary = {
  name: string
  text: string
  characterCount: number
  sentences: { text: string; offset: number; length: number }[]
  translations?: Record<
    string,
    { text: string; terminology: { expected: number; applied: number; missed: unknown[] } }
  >
}
type Body = {
  glossary: { id: string; version: string } | null
  terms: Term[]
  summaries: Summary[]
  code?: string
  errors?: { pointer: string }[]
}

const ADMIN = { authorization: 'Bearer test-admin-token' }

async function summarize(body: unknown, overrides: Record<string, unknown> = {}) {
  const res = await callWorker(
    new Request('https://api.test/v1/summarize', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { APERTIUM_URL: 'http://apy.fake', ...overrides }
  )
  return { res, body: (await res.json()) as Body }
}

function putGlossary(id: string, tsv: string, headers: Record<string, string> = {}) {
  return callWorker(
    new Request(`https://api.test/v1/glossaries/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'text/tab-separated-values', ...ADMIN, ...headers },
      body: tsv,
    })
  )
}

/** The summit story with the variant spelling "Xian" in its first sentence. */
const XIAN_STORY = SUMMIT_STORY.replace('Xi’an on Thursday', 'Xian on Thursday')

describe('POST /v1/summarize with a glossary', () => {
  it('reports every term occurrence and writes preferred terms in the summaries', async ({
    expect,
  }) => {
    const { res, body } = await summarize({ text: XIAN_STORY, lengths: [{ sentences: 10 }] })
    expect(res.status).toBe(200)
    expect(body.glossary?.id).toBe('news-central-asia')
    const xian = body.terms.find((t) => t.found === 'Xian')
    expect(xian).toMatchObject({ concept: 'xi-an', preferred: "Xi'an" })
    expect(XIAN_STORY.slice(xian?.offset, (xian?.offset ?? 0) + (xian?.length ?? 0))).toBe('Xian')
    for (const t of body.terms)
      expect(XIAN_STORY.slice(t.offset, t.offset + t.length)).toBe(t.found)
    expect(body.terms.map((t) => t.concept)).toEqual(
      expect.arrayContaining([
        'xi-jinping',
        'silk-road',
        'financial-times',
        'carnegie-russia-eurasia-center',
        'yuan',
      ])
    )
    const summary = body.summaries[0] as Summary
    const first = summary.sentences.find(
      (s) => s.offset <= (xian?.offset ?? 0) && (xian?.offset ?? 0) < s.offset + s.length
    )
    expect(first?.text).toContain('Xian on Thursday')
    expect(summary.text).toContain("Xi'an on Thursday")
    expect(summary.text).not.toContain('Xian on Thursday')
    expect(summary.characterCount).toBe(summary.text.length)
  })

  it('turns the glossary off with null', async ({ expect }) => {
    const { body } = await summarize({ text: XIAN_STORY, glossary: null })
    expect(body.glossary).toBeNull()
    expect(body.terms).toEqual([])
    expect(body.summaries.some((s) => s.text.includes('Xian'))).toBe(true)
  })

  it('keeps character budgets on the displayed text', async ({ expect }) => {
    const first = XIAN_STORY.split('\n')[0] as string
    const { body } = await summarize({ text: XIAN_STORY, lengths: [{ characters: first.length }] })
    const summary = body.summaries[0] as Summary
    expect(summary.text.length).toBeLessThanOrEqual(first.length)
  })

  it('answers an unknown glossary with 404 naming the field (another tenant’s looks the same)', async ({
    expect,
  }) => {
    const { res, body } = await summarize({ text: ENGLISH_ARTICLE, glossary: 'no-such-glossary' })
    expect(res.status).toBe(404)
    expect(body.code).toBe('unknown_glossary')
    expect(body.errors?.[0]?.pointer).toBe('#/glossary')
  })

  it('never serves a stale result after a glossary edit', async ({ expect }) => {
    const id = `edit-test-${unique()}`
    const text = `${ENGLISH_ARTICLE}\n\nThe Tidal Authority said more turbines would follow.`
    expect((await putGlossary(id, 'en\tnote\nTidal Authority|Tidal Board\tfirst\n')).status).toBe(
      201
    )
    const first = await summarize({ text, glossary: id })
    expect(first.res.headers.get('x-cache')).toBe('MISS')
    expect(first.body.terms.map((t) => t.preferred)).toEqual(['Tidal Authority'])
    const again = await summarize({ text, glossary: id })
    expect(again.res.headers.get('x-cache')).toBe('HIT')

    expect(
      (await putGlossary(id, 'en\tnote\nHarbour Tidal Authority|Tidal Authority\tsecond\n')).status
    ).toBe(200)
    const edited = await summarize({ text, glossary: id })
    expect(edited.res.headers.get('x-cache')).toBe('MISS')
    expect(edited.body.terms.map((t) => t.preferred)).toEqual(['Harbour Tidal Authority'])
    expect(edited.body.glossary?.version).not.toBe(first.body.glossary?.version)
  })
})

/** The example article, when ../shared sits beside the checkout (as in CI). */
const exampleArticle = inject('exampleArticle')

describe.skipIf(exampleArticle === '')('the example article with "Xian" for "Xi’an"', () => {
  it('reports the Xi\'an concept at the offset of "Xian" and summaries read "Xi’an" (the article\'s apostrophe)', async ({
    expect,
  }) => {
    const text = exampleArticle.replace('Xi’an', 'Xian')
    const offset = text.indexOf('Xian,')
    const { body } = await summarize({ text })
    expect(body.terms).toContainEqual({
      concept: 'xi-an',
      preferred: "Xi'an",
      found: 'Xian',
      offset,
      length: 4,
    })
    const withSentence = body.summaries.filter((s) =>
      s.sentences.some((x) => x.offset <= offset && offset < x.offset + x.length)
    )
    expect(withSentence.length).toBeGreaterThan(0)
    for (const s of withSentence) {
      // The article writes ’ throughout: the preferred "Xi'an" takes its style.
      expect(s.text).toContain('held in Xi’an, the ancient capital')
      expect(s.text).not.toContain('Xian')
    }
  })
})

describe('POST /v1/summarize with translate', () => {
  it('translates every summary with a terminology report', async ({ expect }) => {
    const { res, body } = await summarize({
      text: XIAN_STORY,
      translate: ['es'],
      lengths: ['short', 'medium'],
    })
    expect(res.status).toBe(200)
    for (const summary of body.summaries) {
      const es = summary.translations?.es
      expect(es?.text.length).toBeGreaterThan(0)
      expect(es?.terminology.expected).toBe(
        (es?.terminology.applied ?? 0) + (es?.terminology.missed.length ?? 0)
      )
    }
  })

  it('answers an engine that is down with 502 and caches nothing', async ({ expect }) => {
    const text = `${XIAN_STORY}\n\n${unique()} more.`
    const down = await summarize(
      { text, translate: ['es'] },
      { APERTIUM_URL: 'http://127.0.0.1:9' }
    )
    expect(down.res.status).toBe(502)
    expect(down.body.code).toBe('provider_unavailable')
    const up = await summarize({ text, translate: ['es'] })
    expect(up.res.status).toBe(200)
    expect(up.res.headers.get('x-cache')).toBe('MISS')
  })

  it('rejects a target the engine does not have', async ({ expect }) => {
    const { res, body } = await summarize({ text: XIAN_STORY, translate: ['ja'] })
    expect(res.status).toBe(422)
    expect(body.code).toBe('unsupported_language_pair')
  })
})
