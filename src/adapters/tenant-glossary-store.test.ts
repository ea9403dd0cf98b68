import { describe, expect, it } from 'vitest'
import { importGlossary } from '../glossary/io'
import { createKvGlossaryBackend, type GlossaryKvNamespace } from './kv-glossary-store'
import { prefixedKv, tenantGlossaryPrefix } from './prefixed-kv'
import { createTenantGlossaryStore, type GlossaryWriterStub } from './tenant-glossary-store'

function fakeKv(): GlossaryKvNamespace {
  const data = new Map<string, { value: string; metadata?: unknown }>()
  return {
    async get(key) {
      return data.get(key)?.value ?? null
    },
    async put(key, value, options) {
      data.set(key, { value, metadata: options?.metadata })
    },
    async delete(key) {
      data.delete(key)
    },
    async list({ prefix }) {
      const keys = [...data.keys()]
        .filter((k) => k.startsWith(prefix))
        .map((name) => ({ name, metadata: data.get(name)?.metadata }))
      return { keys, list_complete: true }
    },
  }
}

function glossary(id: string, term: string) {
  const result = importGlossary(id, `en\tes\n${term}\t${term}\n`, 'tsv')
  if (!result.ok) throw new Error('invalid')
  return result.glossary
}

/** A writer that records its calls and writes the tenant's KV view, like the object does. */
function writers(kv: GlossaryKvNamespace, calls: string[]) {
  return (tenant: string) =>
    (id: string): GlossaryWriterStub => {
      const target = createKvGlossaryBackend(prefixedKv(kv, tenantGlossaryPrefix(tenant)))
      return {
        async put(t, g) {
          calls.push(`put ${t}/${id}`)
          const existed = (await target.get(g.id)) !== undefined
          await target.put(g)
          return { kind: existed ? 'replaced' : 'created', version: g.version }
        },
        async delete(t) {
          calls.push(`delete ${t}/${id}`)
          return (await target.delete(id)) ? { kind: 'deleted' } : { kind: 'not_found' }
        },
      }
    }
}

describe('tenant glossary store', () => {
  it('shows bundled glossaries to every tenant, read-only, and each tenant only its own', async () => {
    const kv = fakeKv()
    const calls: string[] = []
    const bundled = [glossary('house', 'bundled')]
    const storeOf = (tenant: string) =>
      createTenantGlossaryStore({ tenant, bundled, kv, writer: writers(kv, calls)(tenant) })
    const a = storeOf('tenant-a')
    const b = storeOf('tenant-b')
    expect((await a.put(glossary('style', 'a'))).kind).toBe('created')
    expect((await a.put(glossary('house', 'x'))).kind).toBe('read_only')
    expect((await b.delete('house')).kind).toBe('read_only')
    expect(calls).toEqual(['put tenant-a/style'])

    expect((await a.list()).map((g) => `${g.id}:${g.source}`)).toEqual([
      'house:bundled',
      'style:api',
    ])
    expect((await b.list()).map((g) => `${g.id}:${g.source}`)).toEqual(['house:bundled'])
    expect(await b.get('style')).toBeUndefined()
    expect((await b.delete('style')).kind).toBe('not_found')
    expect((await a.get('style'))?.glossary.version).toBe(glossary('style', 'a').version)
    expect((await a.get('house'))?.source).toBe('bundled')
  })
})
