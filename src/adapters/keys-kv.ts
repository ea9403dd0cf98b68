/**
 * API key records in KV (binding `KEYS`).
 *
 * Layout:
 * - `key:<sha256>` → the {@link KeyRecord} as JSON: the lookup on every request, by hash of the
 *   presented key, so no stored secret is ever compared with it;
 * - `id:<id>` → the hash: how revocation finds the record from the public id;
 * - `tenant:<tenant>:<id>` → the hash: the tenant's listing;
 * - `origin:<origin>:<id>` → `""` while publishable key `<id>` allows `<origin>`: what answers a
 *   CORS preflight, which carries no key (browsers send no `Authorization` on preflights).
 *
 * KV is eventually consistent: a revocation is visible at once in the location that wrote it
 * and within about 60 s elsewhere (KV's propagation delay). Records are never deleted, only
 * marked `revokedAt`, so a listing keeps the history.
 *
 * @module
 */
import { isKeyRecord, type KeyRecord } from '../access/record'

/** The part of `KVNamespace` this store uses (a real namespace satisfies it). */
export type KeysKvNamespace = {
  get(key: string, type: 'text'): Promise<string | null>
  put(key: string, value: string): Promise<void>
  delete(key: string): Promise<void>
  list(options: { prefix: string; cursor?: string | null; limit?: number }): Promise<{
    keys: { name: string }[]
    list_complete: boolean
    cursor?: string
  }>
}

/** Key records by hash, id and tenant. */
export interface KeyStore {
  /** Stores a new record under the hash of its key. */
  create(record: KeyRecord, hash: string): Promise<void>
  /** The record of a presented key (revoked ones included: the caller decides). */
  findByHash(hash: string): Promise<KeyRecord | undefined>
  /** The record with public id `id`. */
  get(id: string): Promise<KeyRecord | undefined>
  /** A tenant's keys (every tenant's when `tenant` is undefined), oldest first. */
  list(tenant?: string): Promise<KeyRecord[]>
  /**
   * Marks a key revoked at `at` (idempotent: a revoked key keeps its first `revokedAt`).
   * @returns the updated record, or `undefined` when there is no such key
   */
  revoke(id: string, at: Date): Promise<KeyRecord | undefined>
  /** Whether some unrevoked publishable key allows `origin` (canonical form). */
  hasOrigin(origin: string): Promise<boolean>
}

function parseRecord(raw: string | null): KeyRecord | undefined {
  if (raw === null) return undefined
  try {
    const value: unknown = JSON.parse(raw)
    return isKeyRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * A {@link KeyStore} on a KV namespace.
 *
 * @example
 * const keys = createKvKeyStore(env.KEYS)
 */
export function createKvKeyStore(kv: KeysKvNamespace): KeyStore {
  const byHash = async (hash: string) => parseRecord(await kv.get(`key:${hash}`, 'text'))
  return {
    async create(record, hash) {
      // The record first: an index entry never points at nothing.
      await kv.put(`key:${hash}`, JSON.stringify(record))
      await kv.put(`id:${record.id}`, hash)
      await kv.put(`tenant:${record.tenant}:${record.id}`, hash)
      for (const origin of record.origins) await kv.put(`origin:${origin}:${record.id}`, '')
    },
    findByHash: byHash,
    async get(id) {
      const hash = await kv.get(`id:${id}`, 'text')
      return hash === null ? undefined : byHash(hash)
    },
    async list(tenant) {
      const prefix = tenant === undefined ? 'tenant:' : `tenant:${tenant}:`
      const hashes: string[] = []
      let cursor: string | undefined
      do {
        const page = await kv.list({ prefix, ...(cursor !== undefined ? { cursor } : {}) })
        for (const key of page.keys) {
          const hash = await kv.get(key.name, 'text')
          if (hash !== null) hashes.push(hash)
        }
        cursor = page.list_complete ? undefined : page.cursor
      } while (cursor !== undefined)
      const records = await Promise.all(hashes.map(byHash))
      return records
        .filter((r): r is KeyRecord => r !== undefined)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    },
    async revoke(id, at) {
      const hash = await kv.get(`id:${id}`, 'text')
      if (hash === null) return undefined
      const record = await byHash(hash)
      if (record === undefined) return undefined
      if (record.revokedAt !== null) return record
      const revoked: KeyRecord = { ...record, revokedAt: at.toISOString() }
      await kv.put(`key:${hash}`, JSON.stringify(revoked))
      for (const origin of record.origins) await kv.delete(`origin:${origin}:${record.id}`)
      return revoked
    },
    async hasOrigin(origin) {
      // `origin:https://a.test:` also prefixes the entries of `https://a.test:8080`; those leave
      // `8080:<id>` after the prefix, not a bare key id, so they are skipped.
      const page = await kv.list({ prefix: `origin:${origin}:`, limit: 1000 })
      return page.keys.some((k) => /^[0-9a-z]{16}$/.test(k.name.slice(`origin:${origin}:`.length)))
    },
  }
}

/** A Map behaving like the part of KV this store uses (unit tests and local tools). */
export function createMemoryKeysKv(): KeysKvNamespace & { readonly data: Map<string, string> } {
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
      const keys = [...data.keys()]
        .filter((k) => k.startsWith(prefix))
        .sort()
        .map((name) => ({ name }))
      return { keys, list_complete: true }
    },
  }
}
