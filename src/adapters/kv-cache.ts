import type { Cache } from '../usecases/ports'

/** What the KV cache needs from its surroundings. */
export type KvCacheOptions = {
  /** Keeps a background write alive after the response (the Worker's `waitUntil`). */
  readonly waitUntil: (promise: Promise<unknown>) => void
  /** Where failures go; they never reach the caller. */
  readonly log: (event: string, details: Record<string, unknown>) => void
}

/** KV refuses TTLs under 60 seconds. */
const MIN_TTL_SECONDS = 60

/**
 * The result cache on Workers KV. KV is eventually consistent and allows one write per second
 * per key, which is fine for a cache of deterministic results and nothing more.
 */
export function createKvCache(kv: KVNamespace, options: KvCacheOptions): Cache {
  return {
    async get(key) {
      try {
        return await kv.get(key, 'text')
      } catch (error) {
        options.log('cache_read_failed', { key, error: String(error) })
        return null
      }
    },
    put(key, value, ttlSeconds) {
      let write: Promise<unknown>
      try {
        write = kv
          .put(key, value, { expirationTtl: Math.max(MIN_TTL_SECONDS, ttlSeconds) })
          .catch((error: unknown) =>
            options.log('cache_write_failed', { key, error: String(error) })
          )
      } catch (error) {
        options.log('cache_write_failed', { key, error: String(error) })
        return
      }
      options.waitUntil(write)
    },
  }
}
