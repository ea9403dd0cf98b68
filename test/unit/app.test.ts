import { describe, expect, it } from 'vitest'
import { createProviderRegistry } from '../../src/adapters/engines/registry'
import { MemoryCache } from '../../src/adapters/memory-cache'
import { createApp } from '../../src/app'
import { parseConfig } from '../../src/config'
import { BUNDLED_GLOSSARIES } from '../../src/glossary/bundled.generated'
import { createGlossaryStore, createMemoryGlossaryBackend } from '../../src/glossary/store'
import type { Services } from '../../src/services'
import { ENGLISH_ARTICLE } from '../fixtures/articles'

/** The app in Node with in-memory twins of every binding-backed service. */
function appWithMemory(cache: MemoryCache) {
  const config = parseConfig({ AUTH_MODE: 'open' })
  const services: Services = {
    config,
    cache,
    glossaries: createGlossaryStore({
      bundled: BUNDLED_GLOSSARIES,
      backend: createMemoryGlossaryBackend(),
    }),
    translators: createProviderRegistry({
      defaultProvider: config.translation.defaultProvider,
      apertiumUrl: config.translation.apertiumUrl,
    }),
    now: () => 0,
    log: () => {},
  }
  return createApp({ createServices: () => services })
}

const summarize = (app: ReturnType<typeof createApp>, text: string) =>
  app.request('/v1/summarize', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, lengths: ['short'] }),
  })

describe('the app with injected services (Node, no bindings)', () => {
  it('stores a computed result in the cache and answers the next call from it', async () => {
    const cache = new MemoryCache()
    const app = appWithMemory(cache)
    const first = await summarize(app, ENGLISH_ARTICLE)
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect(cache.entries.size).toBe(1)
    const second = await summarize(app, ENGLISH_ARTICLE)
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(await second.text()).toBe(await first.text())
  })

  it('recomputes once the entry has expired', async () => {
    let now = 0
    const cache = new MemoryCache(() => now)
    const app = appWithMemory(cache)
    await summarize(app, ENGLISH_ARTICLE)
    now += (parseConfig({}).cacheTtlSeconds + 1) * 1000
    expect((await summarize(app, ENGLISH_ARTICLE)).headers.get('x-cache')).toBe('MISS')
  })
})
