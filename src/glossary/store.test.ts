import { describe, expect, it } from 'vitest'
import { importGlossary } from './io'
import { createGlossaryStore, createMemoryGlossaryBackend, ifMatchPasses } from './store'
import type { Glossary } from './types'

function glossary(id: string, body = "en\tes\nXi'an\tXi'an\n"): Glossary {
  const result = importGlossary(id, body, 'tsv')
  if (!result.ok) throw new Error('invalid')
  return result.glossary
}

const bundled = glossary('news-central-asia')

describe('glossary store', () => {
  it('lists bundled glossaries first, then API ones', async () => {
    const store = createGlossaryStore({
      bundled: [bundled],
      backend: createMemoryGlossaryBackend([glossary('b'), glossary('a')]),
    })
    expect((await store.list()).map((s) => [s.id, s.source, s.entries])).toEqual([
      ['news-central-asia', 'bundled', 1],
      ['a', 'api', 1],
      ['b', 'api', 1],
    ])
  })

  it('creates, replaces and deletes API glossaries', async () => {
    const store = createGlossaryStore({
      bundled: [bundled],
      backend: createMemoryGlossaryBackend(),
    })
    const first = glossary('mine')
    expect((await store.put(first)).kind).toBe('created')
    expect((await store.get('mine'))?.source).toBe('api')
    const second = glossary('mine', 'en\nKremlin\n')
    expect((await store.put(second, { ifMatch: `"${first.version}"` })).kind).toBe('replaced')
    expect((await store.put(first, { ifMatch: `"${first.version}"` })).kind).toBe(
      'precondition_failed'
    )
    expect((await store.delete('mine', { ifMatch: '"stale"' })).kind).toBe('precondition_failed')
    expect((await store.delete('mine')).kind).toBe('deleted')
    expect(await store.get('mine')).toBeUndefined()
    expect((await store.delete('mine')).kind).toBe('not_found')
  })

  it('keeps bundled glossaries read-only', async () => {
    const store = createGlossaryStore({
      bundled: [bundled],
      backend: createMemoryGlossaryBackend(),
    })
    expect((await store.put(glossary('news-central-asia'))).kind).toBe('read_only')
    expect((await store.delete('news-central-asia')).kind).toBe('read_only')
    expect((await store.get('news-central-asia'))?.source).toBe('bundled')
  })
})

describe('ifMatchPasses', () => {
  it.each([
    [undefined, undefined, true],
    [undefined, 'v1', true],
    ['*', 'v1', true],
    ['*', undefined, false],
    ['"v1"', 'v1', true],
    ['"v0", "v1"', 'v1', true],
    ['W/"v1"', 'v1', false],
    ['"v1"', undefined, false],
    ['"v2"', 'v1', false],
  ])('If-Match %s against %s → %s', (header, current, expected) => {
    expect(ifMatchPasses(header, current)).toBe(expected)
  })
})
