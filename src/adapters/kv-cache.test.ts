import { describe, expect, it } from 'vitest'
import { createKvCache } from './kv-cache'

type Call = { event: string; details: Record<string, unknown> }

/** A KV stand-in whose reads and writes do what each test asks. */
function fakeKv(behaviour: {
  get?: (key: string) => Promise<string | null>
  put?: (key: string, value: string) => Promise<void>
}) {
  const stored = new Map<string, string>()
  const kv = {
    get: (key: string) => behaviour.get?.(key) ?? Promise.resolve(stored.get(key) ?? null),
    put: (key: string, value: string) => {
      if (behaviour.put) return behaviour.put(key, value)
      stored.set(key, value)
      return Promise.resolve()
    },
  } as unknown as KVNamespace
  return { kv, stored }
}

function setup(kv: KVNamespace, options: { readTimeoutMs?: number; maxEntryBytes?: number } = {}) {
  const logs: Call[] = []
  const pending: Promise<unknown>[] = []
  const cache = createKvCache(kv, {
    waitUntil: (p) => pending.push(p),
    log: (event, details) => logs.push({ event, details }),
    ...options,
  })
  return { cache, logs, pending }
}

describe('createKvCache (fails open)', () => {
  it('reads what it wrote', async () => {
    const { kv } = fakeKv({})
    const { cache, pending } = setup(kv)
    cache.put('k', 'v', 600)
    await Promise.all(pending)
    expect(await cache.get('k')).toBe('v')
  })

  it('a read that throws is a miss, logged', async () => {
    const { kv } = fakeKv({ get: () => Promise.reject(new Error('KV down')) })
    const { cache, logs } = setup(kv)
    expect(await cache.get('k')).toBeNull()
    expect(logs.map((l) => l.event)).toEqual(['cache_read_failed'])
  })

  it('a read slower than the deadline is a miss, without waiting for it', async () => {
    const { kv } = fakeKv({ get: () => new Promise((r) => setTimeout(() => r('late'), 2000)) })
    const { cache, logs } = setup(kv, { readTimeoutMs: 50 })
    const started = Date.now()
    expect(await cache.get('k')).toBeNull()
    expect(Date.now() - started).toBeLessThan(1000)
    expect(logs.map((l) => l.event)).toEqual(['cache_read_timeout'])
  })

  it('a slow read that fails after the deadline raises nothing', async () => {
    const { kv } = fakeKv({
      get: () => new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 80)),
    })
    const { cache } = setup(kv, { readTimeoutMs: 10 })
    expect(await cache.get('k')).toBeNull()
    await new Promise((r) => setTimeout(r, 120))
  })

  it('a write that throws at once or later is forgotten, logged', async () => {
    const sync = fakeKv({
      put: () => {
        throw new Error('quota')
      },
    })
    const a = setup(sync.kv)
    a.cache.put('k', 'v', 600)
    expect(a.logs.map((l) => l.event)).toEqual(['cache_write_failed'])

    const async = fakeKv({ put: () => Promise.reject(new Error('KV down')) })
    const b = setup(async.kv)
    b.cache.put('k', 'v', 600)
    await Promise.all(b.pending)
    expect(b.logs.map((l) => l.event)).toEqual(['cache_write_failed'])
  })

  it('a slow write does not hold the caller: it goes to waitUntil', () => {
    const { kv } = fakeKv({ put: () => new Promise(() => undefined) })
    const { cache, pending } = setup(kv)
    cache.put('k', 'v', 600)
    expect(pending).toHaveLength(1)
  })

  it('does not store a value over maxEntryBytes (UTF-8 bytes, not UTF-16 units)', async () => {
    const { kv, stored } = fakeKv({})
    const { cache, logs, pending } = setup(kv, { maxEntryBytes: 30 })
    cache.put('ascii', 'a'.repeat(30), 600)
    cache.put('too-long', 'a'.repeat(31), 600)
    // 10 CJK characters are 30 bytes; 11 are 33.
    cache.put('cjk-fits', '丝'.repeat(10), 600)
    cache.put('cjk-over', '丝'.repeat(11), 600)
    await Promise.all(pending)
    expect([...stored.keys()].sort()).toEqual(['ascii', 'cjk-fits'])
    expect(logs.map((l) => l.event)).toEqual(['cache_entry_too_large', 'cache_entry_too_large'])
  })
})
