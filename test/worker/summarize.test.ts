import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, it } from 'vitest'
import worker from '../../src/index'
import { ENGLISH_ARTICLE } from '../fixtures/articles'
import { expectStatus, postJson } from './helpers'

type Sentence = { index: number; text: string; offset: number; length: number; score: number }
type Summary = {
  name: string
  text: string
  wordCount: number
  characterCount: number
  truncated: boolean
  sentences: Sentence[]
}
type SummarizeBody = { language: { language: string }; sentenceCount: number; summaries: Summary[] }

/** A text no other test uses, so KV state from earlier tests in this file cannot interfere. */
let counter = 0
function uniqueArticle(): string {
  counter++
  return `${ENGLISH_ARTICLE}\n\nCorrection ${counter}: an earlier version of this story misstated the opening date.`
}

describe('POST /v1/summarize', () => {
  it('returns short, medium and long, nested, extractive and in article order', async ({
    expect,
  }) => {
    const text = ENGLISH_ARTICLE
    const body = (await expectStatus(
      await postJson('/v1/summarize', { text }),
      200
    )) as SummarizeBody
    expect(body.language.language).toBe('en')
    expect(body.summaries.map((s) => s.name)).toEqual(['short', 'medium', 'long'])
    for (const summary of body.summaries) {
      expect(summary.sentences.length).toBeGreaterThan(0)
      let previous = -1
      for (const s of summary.sentences) {
        expect(text.slice(s.offset, s.offset + s.length)).toBe(s.text)
        expect(s.index).toBeGreaterThan(previous)
        expect(s.score).toBeGreaterThanOrEqual(0)
        expect(s.score).toBeLessThanOrEqual(1)
        previous = s.index
      }
      expect(summary.characterCount).toBe(summary.text.length)
      expect(summary.text).not.toMatch(/Add a Comment|Share this article/)
    }
    const [short, medium, long] = body.summaries.map(
      (s) => new Set(s.sentences.map((x) => x.index))
    )
    for (const i of short ?? []) expect(medium?.has(i)).toBe(true)
    for (const i of medium ?? []) expect(long?.has(i)).toBe(true)
    expect(body.summaries[0]?.sentences.length).toBe(1)
    expect(body.summaries[1]?.sentences.length).toBeLessThanOrEqual(3)
  })

  it('keeps abbreviations and multi-sentence quotes inside one sentence', async ({ expect }) => {
    const body = (await expectStatus(
      await postJson('/v1/summarize', { text: ENGLISH_ARTICLE, lengths: [{ sentences: 100 }] }),
      200
    )) as SummarizeBody
    const sentences = body.summaries[0]?.sentences.map((s) => s.text) ?? []
    expect(sentences).toContain(
      'Dr. Samuel Ortiz, who led the testing programme, said the turbines turn slowly enough that fish can pass through them safely.'
    )
    expect(
      sentences.some((s) => s.startsWith('"We have waited a long time for this. The sea'))
    ).toBe(true)
    expect(sentences.some((s) => s.includes('Add a Comment'))).toBe(false)
  })

  it('names custom lengths and never exceeds their budgets', async ({ expect }) => {
    const lengths = [
      { characters: 160 },
      { words: 40 },
      { name: 'teaser', sentences: 2 },
      { characters: 20 },
    ]
    const body = (await expectStatus(
      await postJson('/v1/summarize', { text: ENGLISH_ARTICLE, lengths }),
      200
    )) as SummarizeBody
    expect(body.summaries.map((s) => s.name)).toEqual([
      'characters:160',
      'words:40',
      'teaser',
      'characters:20',
    ])
    expect(body.summaries[0]?.text.length).toBeLessThanOrEqual(160)
    expect(body.summaries[1]?.wordCount).toBeLessThanOrEqual(40)
    expect(body.summaries[2]?.sentences.length).toBeLessThanOrEqual(2)
    const cut = body.summaries[3] as Summary
    expect(cut.text.length).toBeLessThanOrEqual(20)
    expect(cut.truncated).toBe(true)
    expect(cut.text.endsWith('…')).toBe(true)
  })

  it('skips detection when the language is given', async ({ expect }) => {
    const body = (await expectStatus(
      await postJson('/v1/summarize', {
        text: ENGLISH_ARTICLE,
        language: 'en-GB',
        lengths: ['short'],
      }),
      200
    )) as SummarizeBody
    expect(body.language).toMatchObject({ language: 'en-GB', confidence: 1, reliable: true })
  })

  it('caches in KV: MISS, then HIT with the same ETag, then 304 on If-None-Match', async ({
    expect,
  }) => {
    const text = uniqueArticle()
    const first = await postJson('/v1/summarize', { text })
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).toBe('MISS')
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/)
    const firstBody = await first.text()

    const second = await postJson('/v1/summarize', { text })
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(second.headers.get('etag')).toBe(etag)
    expect(await second.text()).toBe(firstBody)

    const notModified = await postJson('/v1/summarize', { text }, { 'if-none-match': etag })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('etag')).toBe(etag)
    expect(await notModified.text()).toBe('')
  })

  it('skips the KV read on Cache-Control: no-cache', async ({ expect }) => {
    const text = uniqueArticle()
    await postJson('/v1/summarize', { text })
    const fresh = await postJson('/v1/summarize', { text }, { 'cache-control': 'no-cache' })
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('x-cache')).toBe('MISS')
  })

  it('shares a cache entry between NFC and decomposed input but reports offsets in each', async ({
    expect,
  }) => {
    const composed = `Le café a ouvert à Montréal lundi matin. ${uniqueArticle()}`
    const decomposed = composed.normalize('NFD')
    const a = (await expectStatus(
      await postJson('/v1/summarize', { text: composed }),
      200
    )) as SummarizeBody
    const b = (await expectStatus(
      await postJson('/v1/summarize', { text: decomposed }),
      200
    )) as SummarizeBody
    for (const s of b.summaries.flatMap((x) => x.sentences)) {
      expect(decomposed.slice(s.offset, s.offset + s.length)).toBe(s.text)
    }
    expect(b.summaries.map((s) => s.text.normalize('NFC'))).toEqual(a.summaries.map((s) => s.text))
  })

  it('still answers when the KV binding fails', async ({ expect }) => {
    const failing = {
      get: () => Promise.reject(new Error('KV is down')),
      put: () => Promise.reject(new Error('KV is down')),
    } as unknown as KVNamespace
    const ctx = createExecutionContext()
    const request = new Request('https://api.test/v1/summarize', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: uniqueArticle() }),
    })
    const res = await worker.fetch(request, { ...env, CACHE: failing }, ctx)
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-cache')).toBe('MISS')
    const body = (await res.json()) as SummarizeBody
    expect(body.summaries).toHaveLength(3)
  })
})
