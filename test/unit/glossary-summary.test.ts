/**
 * The glossary in summaries, through the use case every caller shares (`summarizeArticle`):
 * no HTTP, in-memory adapters.
 */
import { describe, expect, it } from 'vitest'
import { createProviderRegistry } from '../../src/adapters/engines/registry'
import { MemoryCache } from '../../src/adapters/memory-cache'
import { parseConfig } from '../../src/config'
import { BUNDLED_GLOSSARIES } from '../../src/glossary/bundled.generated'
import { createGlossaryStore, createMemoryGlossaryBackend } from '../../src/glossary/store'
import type { UseCaseDeps } from '../../src/usecases/deps'
import { UseCaseError } from '../../src/usecases/errors'
import { summarizeArticle } from '../../src/usecases/summarize'

function deps(cache = new MemoryCache()): UseCaseDeps {
  const config = parseConfig({ DEFAULT_GLOSSARY: 'news-central-asia' })
  return {
    config,
    cache,
    glossaries: createGlossaryStore({
      bundled: BUNDLED_GLOSSARIES,
      backend: createMemoryGlossaryBackend(),
    }),
    translators: createProviderRegistry({ defaultProvider: 'apertium' }),
    now: () => 0,
    log: () => {},
  }
}

// Written for this test, in the manner of a wire story about the C5 summit.
const article = [
  'China has invited Kazakhstan, Tajikistan, Kyrgyzstan, Turkmenistan and Uzbekistan to deepen defence ties.',
  'The first summit of the group was held in Xian, the ancient capital where the Silk Road began.',
  'Chinese President Xi Jinping promised 26 billion yuan in support, state news agency Xinhua reported.',
  'A researcher at the Carnegie Russia Eurasia Center told the Financial Times that joint exercises were likely.',
  'In the Kremlin’s orbit, the five states are looking for other partners.',
  'Trade between China and the region reached 70 billion dollars last year.',
].join(' ')

describe('summarizeArticle with a glossary', () => {
  it('reports the Xi’an concept at the offset of the variant and renders the preferred term', async () => {
    const { value } = await summarizeArticle(deps(), {
      text: article,
      language: 'auto',
      lengths: ['short', 'medium', 'long'],
    })
    expect(value.glossary?.id).toBe('news-central-asia')
    expect(value.terms).toContainEqual({
      concept: 'xi-an',
      preferred: "Xi'an",
      found: 'Xian',
      offset: article.indexOf('Xian'),
      length: 4,
    })
    let sawXian = false
    for (const summary of value.summaries) {
      // Sentences keep their exact input slices; only the rendered summary text changes.
      for (const s of summary.sentences) {
        expect(s.text).toBe(article.slice(s.offset, s.offset + s.length))
        expect(s.text).not.toContain("Xi'an")
      }
      if (summary.sentences.some((s) => s.text.includes('Xian'))) {
        sawXian = true
        // The article writes "Kremlin’s": the preferred "Xi'an" takes its typographic apostrophe.
        expect(summary.text).toContain('held in Xi’an, the ancient capital')
        expect(summary.text).not.toMatch(/\bXian\b/)
      }
    }
    expect(sawXian).toBe(true)
  })

  it('without a glossary, the summaries show the text as written', async () => {
    const { value } = await summarizeArticle(deps(), {
      text: article,
      language: 'en',
      lengths: ['long'],
      glossary: null,
    })
    expect(value.glossary).toBeNull()
    expect(value.terms).toEqual([])
    const long = value.summaries[0]
    expect(long?.text).not.toContain("Xi'an")
  })

  it('answers a repeated call from the cache with the same result', async () => {
    const cache = new MemoryCache()
    const input = { text: article, language: 'auto', lengths: ['short' as const] }
    const first = await summarizeArticle(deps(cache), input)
    const second = await summarizeArticle(deps(cache), input)
    expect([first.hit, second.hit]).toEqual([false, true])
    expect(second.value).toEqual(first.value)
  })

  it('treats a cached value of the wrong shape as a miss and overwrites it', async () => {
    const cache = new MemoryCache()
    const input = { text: article, language: 'auto', lengths: ['short' as const] }
    const first = await summarizeArticle(deps(cache), input)
    const [key] = [...cache.entries.keys()]
    if (key === undefined) throw new Error('nothing was cached')
    cache.put(key, JSON.stringify({ detection: 'not a detection' }), 60)
    const again = await summarizeArticle(deps(cache), input)
    expect(again.hit).toBe(false)
    expect(again.value).toEqual(first.value)
    expect(JSON.parse(cache.entries.get(key)?.value ?? '{}')).toHaveProperty('detection.language')
  })

  it('refuses two lengths that resolve to the same name, pointing at the second', async () => {
    const error = await summarizeArticle(deps(), {
      text: article,
      language: 'en',
      lengths: [{ sentences: 2 }, { sentences: 2 }],
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UseCaseError)
    expect(error).toMatchObject({
      code: 'invalid_request',
      fields: [{ pointer: '#/lengths/1', message: 'length names must be unique' }],
    })
  })
})
