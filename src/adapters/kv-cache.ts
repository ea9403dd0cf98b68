import type { Cache } from '../usecases/ports'

/** What the KV cache needs from its surroundings. */
export type KvCacheOptions = {
  /** Keeps a background write alive after the response (the Worker's `waitUntil`). */
  readonly waitUntil: (promise: Promise<unknown>) => void
  /** Where failures go; they never reach the caller. */
  readonly log: (event: string, details: Record<string, unknown>) => void
  /**
   * How long a read may take before it counts as a miss, in milliseconds. A cache exists to make
   * answers faster; a KV that hangs must not make them slower than computing. Default 1,000.
   */
  readonly readTimeoutMs?: number
  /**
   * Largest value stored, in UTF-8 bytes; larger ones are not written (logged). Keeps one request
   * from storing a value many times its own size. Default 1 MiB.
   */
  readonly maxEntryBytes?: number
}

/** KV refuses TTLs under 60 seconds. */
const MIN_TTL_SECONDS = 60
const DEFAULT_READ_TIMEOUT_MS = 1000
const DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024

/** UTF-8 size of `value`, without encoding it when its length alone decides. */
function fitsIn(value: string, maxBytes: number): boolean {
  if (value.length * 3 <= maxBytes) return true
  if (value.length > maxBytes) return false
  return new TextEncoder().encode(value).length <= maxBytes
}

/**
 * The result cache on Workers KV. KV is eventually consistent and allows one write per second
 * per key, which is fine for a cache of deterministic results and nothing more.
 *
 * Fails open: a read that throws or takes longer than `readTimeoutMs` is a miss, a write that
 * fails is forgotten; both are logged and the request is answered from a fresh computation.
 */
export function createKvCache(kv: KVNamespace, options: KvCacheOptions): Cache {
  const readTimeoutMs = options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS
  const maxEntryBytes = options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES
  return {
    async get(key) {
      let timer: ReturnType<typeof setTimeout> | null = null
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), readTimeoutMs)
      })
      try {
        const read = kv.get(key, 'text')
        // The read goes on in the background after a timeout; its late failure is not ours.
        read.catch(() => undefined)
        const result = await Promise.race([read, timeout])
        if (result === 'timeout') {
          options.log('cache_read_timeout', { key, timeoutMs: readTimeoutMs })
          return null
        }
        return result
      } catch (error) {
        options.log('cache_read_failed', { key, error: String(error) })
        return null
      } finally {
        if (timer !== null) clearTimeout(timer)
      }
    },
    put(key, value, ttlSeconds) {
      if (!fitsIn(value, maxEntryBytes)) {
        options.log('cache_entry_too_large', { key, chars: value.length, maxEntryBytes })
        return
      }
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
