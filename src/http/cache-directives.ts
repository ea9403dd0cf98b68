import type { Context } from 'hono'
import type { CacheDirectives } from '../usecases/deps'

/**
 * The request's `Cache-Control` directives that affect the server-side cache: `no-cache` skips
 * reads (the fresh result is stored), `no-store` skips reads and writes.
 */
export function cacheDirectives(c: Context): CacheDirectives {
  const header = (c.req.header('Cache-Control') ?? '').toLowerCase()
  const directives = new Set(header.split(',').map((d) => d.trim().split('=')[0]))
  const noStore = directives.has('no-store')
  return { read: !noStore && !directives.has('no-cache'), write: !noStore }
}
