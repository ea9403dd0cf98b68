import { exports } from 'cloudflare:workers'
import { describe, it } from 'vitest'
import { createPrecisClient } from '../../src/client'
import { ENGLISH_ARTICLE } from '../fixtures/articles'

/** The typed client, talking to the Worker under test. */
const precis = createPrecisClient('https://api.test', {
  fetch: (input: RequestInfo | URL, init?: RequestInit) =>
    exports.default.fetch(new Request(input, init)),
})

describe('typed client', () => {
  it('summarizes with typed request and response', async ({ expect }) => {
    const res = await precis.v1.summarize.$post({
      json: { text: ENGLISH_ARTICLE, lengths: ['short', { name: 'meta', characters: 160 }] },
    })
    expect(res.status).toBe(200)
    if (res.status !== 200) return
    const body = await res.json()
    // The 200 body is a single result or, for `items`, a batch: narrow to the single one.
    if ('results' in body) throw new Error('expected a single result')
    expect(body.summaries.map((s) => s.name)).toEqual(['short', 'meta'])
    const meta = body.summaries[1]
    expect(meta?.characterCount).toBeLessThanOrEqual(160)
  })

  it('detects a language', async ({ expect }) => {
    const res = await precis.v1.detect.$post({
      json: { text: 'Le conseil municipal a adopté lundi le nouveau budget.' },
    })
    expect(res.status).toBe(200)
    if (res.status !== 200) return
    const body = await res.json()
    if ('results' in body) throw new Error('expected a single result')
    expect(body.language).toBe('fr')
  })

  it('gives problem details on errors', async ({ expect }) => {
    const res = await precis.v1.summarize.$post({ json: { text: ' ' } })
    expect(res.status).toBe(422)
    const problem = (await res.json()) as { code?: string }
    expect(problem.code).toBe('invalid_request')
  })
})
