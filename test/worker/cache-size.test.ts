/**
 * Cached entries are bounded relative to the request (issue #14: one 524 KB request of short
 * sentences that each name a glossary term stored an 8 MB KV value).
 */
import { env } from 'cloudflare:workers'
import { describe, it } from 'vitest'
import { expectStatus, postJson } from './helpers'

const utf8 = (s: string) => new TextEncoder().encode(s).length

async function largestEntry(): Promise<number> {
  let largest = 0
  let cursor: string | undefined
  do {
    const page = await env.CACHE.list(cursor ? { cursor } : {})
    for (const key of page.keys) {
      const value = await env.CACHE.get(key.name, 'text')
      largest = Math.max(largest, value === null ? 0 : utf8(value))
    }
    cursor = page.list_complete ? undefined : page.cursor
  } while (cursor)
  return largest
}

describe('cache entry size', () => {
  it('a text that is one glossary term after another stores less than twice its size', async ({
    expect,
  }) => {
    const text = `${'丝路。'.repeat(3000)}${Date.now()}`
    const body = { text, language: 'zh', glossary: 'news-central-asia' }
    const first = await postJson('/v1/summarize', body)
    const answer = (await expectStatus(first, 200)) as { terms: unknown[] }
    expect(answer.terms.length).toBe(3000)
    // Stored (the next call is a HIT), and small.
    const second = await postJson('/v1/summarize', body)
    await expectStatus(second, 200)
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(await largestEntry()).toBeLessThan(2 * utf8(JSON.stringify(body)))
  }, 120_000)
})
