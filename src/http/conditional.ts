/**
 * Deterministic results as HTTP resources: KV-cached computation, strong ETags, conditional
 * requests and the `X-Cache` / `Cache-Control` headers.
 *
 * @module
 */
import type { Context } from 'hono'
import { sha256Hex } from '../cache/key'
import type { AppEnv } from './env'

export type CachedResultOptions<T> = {
  /** Cache key (see `cacheKey`); `undefined` means "do not use KV for this result". */
  readonly key: string | undefined
  /** Computes the result on a miss. */
  readonly compute: () => T | Promise<T>
  /** Turns the stored result into the response body (e.g. maps offsets to the caller's text). */
  readonly render: (value: T) => unknown
  /** Whether a computed result may be stored (e.g. only complete translations). Default: yes. */
  readonly storable?: (value: T) => boolean
}

/**
 * Parses the request's `Cache-Control` directives that affect the server-side cache: `no-cache`
 * skips reads, `no-store` skips reads and writes. Exported for routes that cache per item.
 */
export function requestDirectives(c: Context<AppEnv>): { read: boolean; write: boolean } {
  const header = (c.req.header('Cache-Control') ?? '').toLowerCase()
  const directives = new Set(header.split(',').map((d) => d.trim().split('=')[0]))
  const noStore = directives.has('no-store')
  return { read: !noStore && !directives.has('no-cache'), write: !noStore }
}

/** RFC 9110 §13.1.2: weak comparison; `*` matches any current representation. */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const strip = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => strip(tag) === etag)
}

/**
 * Answers with a cacheable JSON result.
 *
 * - `Cache-Control: no-cache` on the request skips the KV read (the fresh result is stored);
 *   `no-store` skips the read and the write.
 * - The ETag is a hash of the exact body bytes, so it is strong and changes with any change of
 *   the representation; `If-None-Match` with it gives 304.
 * - A failing KV is a miss: the result is computed and the request is answered.
 */
export async function cachedResult<T>(
  c: Context<AppEnv>,
  options: CachedResultOptions<T>
): Promise<Response> {
  const { cache, config } = c.var.services
  const directives = requestDirectives(c)
  let value: T | undefined
  let hit = false
  if (options.key !== undefined && directives.read) {
    const stored = await cache.get(options.key)
    if (stored !== null) {
      try {
        value = JSON.parse(stored) as T
        hit = true
      } catch {
        // A corrupt entry is a miss; the fresh result overwrites it.
      }
    }
  }
  if (!hit) {
    value = await options.compute()
    const storable = options.storable?.(value as T) ?? true
    if (options.key !== undefined && directives.write && storable) {
      cache.put(options.key, JSON.stringify(value), config.cacheTtlSeconds)
    }
  }
  const body = JSON.stringify(options.render(value as T))
  const etag = `"${(await sha256Hex(body)).slice(0, 32)}"`
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': `private, max-age=${config.cacheTtlSeconds}`,
    ...(options.key !== undefined ? { 'X-Cache': hit ? 'HIT' : 'MISS' } : {}),
  }
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) {
    return c.body(null, 304, headers)
  }
  return c.body(body, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' })
}
