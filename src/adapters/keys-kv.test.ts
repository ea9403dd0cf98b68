import { describe, expect, it } from 'vitest'
import { generateKey, hashKey } from '../access/keys'
import { buildKeyRecord, type KeyRecord } from '../access/record'
import { createKvKeyStore, createMemoryKeysKv } from './keys-kv'

async function newKey(tenant: string, createdAt: string) {
  const { id, key } = generateKey('secret')
  const record: KeyRecord = buildKeyRecord(
    { tenant, name: `k-${id}`, kind: 'secret', scopes: ['detect'] },
    { id, createdAt: new Date(createdAt) }
  )
  return { key, record, hash: await hashKey(key) }
}

describe('KV key store', () => {
  it('finds a key by hash and by id, never by the raw key', async () => {
    const kv = createMemoryKeysKv()
    const store = createKvKeyStore(kv)
    const a = await newKey('acme', '2026-12-01T00:00:00Z')
    await store.create(a.record, a.hash)
    expect(await store.findByHash(a.hash)).toEqual(a.record)
    expect(await store.get(a.record.id)).toEqual(a.record)
    expect(await store.findByHash(await hashKey(`${a.key}x`))).toBeUndefined()
    // the raw key is stored nowhere
    for (const [k, v] of kv.data) {
      expect(k.includes(a.key) || v.includes(a.key)).toBe(false)
    }
  })

  it('lists per tenant (oldest first) and across tenants', async () => {
    const store = createKvKeyStore(createMemoryKeysKv())
    const a2 = await newKey('acme', '2026-12-02T00:00:00Z')
    const a1 = await newKey('acme', '2026-12-01T00:00:00Z')
    const b = await newKey('acme-news', '2026-12-01T12:00:00Z')
    for (const k of [a2, a1, b]) await store.create(k.record, k.hash)
    expect((await store.list('acme')).map((r) => r.id)).toEqual([a1.record.id, a2.record.id])
    expect((await store.list('acme-news')).map((r) => r.id)).toEqual([b.record.id])
    expect(await store.list()).toHaveLength(3)
    expect(await store.list('nobody')).toEqual([])
  })

  it('revokes once: revokedAt is kept on a second revoke; unknown ids give undefined', async () => {
    const store = createKvKeyStore(createMemoryKeysKv())
    const a = await newKey('acme', '2026-12-01T00:00:00Z')
    await store.create(a.record, a.hash)
    const first = await store.revoke(a.record.id, new Date('2026-12-03T00:00:00Z'))
    expect(first?.revokedAt).toBe('2026-12-03T00:00:00.000Z')
    expect((await store.findByHash(a.hash))?.revokedAt).toBe('2026-12-03T00:00:00.000Z')
    const again = await store.revoke(a.record.id, new Date('2026-12-04T00:00:00Z'))
    expect(again?.revokedAt).toBe('2026-12-03T00:00:00.000Z')
    expect(await store.revoke('0000000000000000', new Date())).toBeUndefined()
  })

  it('refuses a stored value that is not a record', async () => {
    const kv = createMemoryKeysKv()
    const store = createKvKeyStore(kv)
    await kv.put('key:deadbeef', '{"id":1}')
    await kv.put('key:cafe', 'not json')
    expect(await store.findByHash('deadbeef')).toBeUndefined()
    expect(await store.findByHash('cafe')).toBeUndefined()
  })
})

describe('origin index (CORS preflights)', () => {
  it('knows the origins of unrevoked publishable keys, exactly', async () => {
    const store = createKvKeyStore(createMemoryKeysKv())
    const { id, key } = generateKey('publishable')
    const record = buildKeyRecord(
      {
        tenant: 'acme',
        name: 'plugin',
        kind: 'publishable',
        scopes: ['summarize'],
        origins: ['https://cms.acme.test:8443'],
      },
      { id, createdAt: new Date() }
    )
    await store.create(record, await hashKey(key))
    expect(await store.hasOrigin('https://cms.acme.test:8443')).toBe(true)
    // The same host on another port is another origin.
    expect(await store.hasOrigin('https://cms.acme.test')).toBe(false)
    expect(await store.hasOrigin('https://evil.test')).toBe(false)
    await store.revoke(id, new Date())
    expect(await store.hasOrigin('https://cms.acme.test:8443')).toBe(false)
  })
})
