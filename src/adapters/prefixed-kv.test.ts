import { describe, expect, it } from 'vitest'
import { importGlossary } from '../glossary/io'
import { createKvGlossaryBackend, type GlossaryKvNamespace } from './kv-glossary-store'
import { prefixedKv, tenantGlossaryPrefix } from './prefixed-kv'

function fakeKv(): GlossaryKvNamespace & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    async get(key) {
      return data.get(key) ?? null
    },
    async put(key, value) {
      data.set(key, value)
    },
    async delete(key) {
      data.delete(key)
    },
    async list({ prefix }) {
      const keys = [...data.keys()].filter((k) => k.startsWith(prefix)).map((name) => ({ name }))
      return { keys, list_complete: true }
    },
  }
}

function glossary(id: string, term: string) {
  const result = importGlossary(id, `en\tes\n${term}\t${term}\n`, 'tsv')
  if (!result.ok) throw new Error('invalid')
  return result.glossary
}

describe('tenant-prefixed glossary KV', () => {
  it('gives each tenant its own namespace of ids in one KV namespace', async () => {
    const kv = fakeKv()
    const store = (tenant: string) =>
      createKvGlossaryBackend(prefixedKv(kv, tenantGlossaryPrefix(tenant)))
    await store('default').put(glossary('style', 'a'))
    await store('acme').put(glossary('style', 'b'))
    await store('acme-news').put(glossary('style', 'c'))
    expect([...kv.data.keys()].sort()).toEqual([
      'glossary:style',
      't:acme-news:glossary:style',
      't:acme:glossary:style',
    ])
    const versions = await Promise.all(
      ['default', 'acme', 'acme-news'].map(async (t) => (await store(t).get('style'))?.version)
    )
    expect(new Set(versions).size).toBe(3)
    // Listings see only their own tenant (acme's prefix is not a prefix of acme-news's).
    for (const t of ['default', 'acme', 'acme-news']) {
      expect((await store(t).list()).map((g) => g.id)).toEqual(['style'])
    }
    expect(await store('acme').delete('style')).toBe(true)
    expect(await store('acme-news').get('style')).toBeDefined()
    expect(await store('default').get('style')).toBeDefined()
  })
})
