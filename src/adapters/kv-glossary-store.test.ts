import { describe, expect, it } from 'vitest'
import { importGlossary } from '../glossary/io'
import { createKvGlossaryBackend, type GlossaryKvNamespace } from './kv-glossary-store'

/** A Map-backed stand-in for a KV namespace, paging listings two keys at a time. */
function fakeKv(): GlossaryKvNamespace & {
  data: Map<string, { value: string; metadata?: unknown }>
} {
  const data = new Map<string, { value: string; metadata?: unknown }>()
  return {
    data,
    async get(key) {
      return data.get(key)?.value ?? null
    },
    async put(key, value, options) {
      data.set(key, { value, metadata: options?.metadata })
    },
    async delete(key) {
      data.delete(key)
    },
    async list({ prefix, cursor }) {
      const names = [...data.keys()].filter((k) => k.startsWith(prefix)).sort()
      const from = cursor ? Number(cursor) : 0
      const keys = names
        .slice(from, from + 2)
        .map((name) => ({ name, metadata: data.get(name)?.metadata }))
      const done = from + 2 >= names.length
      return { keys, list_complete: done, ...(done ? {} : { cursor: String(from + 2) }) }
    },
  }
}

function glossary(id: string) {
  const result = importGlossary(id, "en\tes\nXi'an|Xian\tXi'an\n", 'tsv')
  if (!result.ok) throw new Error('invalid')
  return result.glossary
}

describe('KV glossary backend', () => {
  it('stores glossaries with their summary as metadata and lists across pages', async () => {
    const kv = fakeKv()
    const backend = createKvGlossaryBackend(kv)
    for (const id of ['a', 'b', 'c']) await backend.put(glossary(id))
    expect(kv.data.get('glossary:a')?.metadata).toEqual({
      version: glossary('a').version,
      languages: ['en', 'es'],
      entries: 1,
    })
    expect((await backend.list()).map((s) => s.id)).toEqual(['a', 'b', 'c'])
    expect(await backend.get('b')).toEqual(glossary('b'))
  })

  it('deletes and tells whether there was something to delete', async () => {
    const backend = createKvGlossaryBackend(fakeKv())
    await backend.put(glossary('a'))
    expect(await backend.delete('a')).toBe(true)
    expect(await backend.delete('a')).toBe(false)
    expect(await backend.get('a')).toBeUndefined()
  })

  it('ignores values that are not glossaries', async () => {
    const kv = fakeKv()
    await kv.put('glossary:x', 'not json')
    await kv.put(
      'glossary:y',
      JSON.stringify({ id: 'other', version: 'v', languages: [], entries: [] })
    )
    const backend = createKvGlossaryBackend(kv)
    expect(await backend.get('x')).toBeUndefined()
    expect(await backend.get('y')).toBeUndefined()
    expect(await backend.list()).toEqual([])
  })
})
