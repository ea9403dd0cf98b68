/**
 * Cache-aside for deterministic results: read, and on a miss compute and store. What comes back
 * from the cache is checked against a schema before it is trusted: an entry written by an older
 * build, truncated, or edited by hand is a miss, recomputed and overwritten — never a 500 and
 * never a wrong answer.
 *
 * @module
 */
import type { z } from 'zod'
import { type CacheDirectives, USE_CACHE, type UseCaseDeps } from './deps'

export type CacheAsideOptions<T> = {
  /** Cache key (see `textCacheKey`). */
  readonly key: string
  /** The shape of a stored value; anything else is a miss. */
  readonly schema: z.ZodType<T>
  /** Computes the value on a miss. */
  readonly compute: () => T | Promise<T>
  /** Whether a computed value may be stored (e.g. only complete results). Default: yes. */
  readonly storable?: (value: T) => boolean
  /** `no-cache` skips the read; `no-store` skips the read and the write. */
  readonly directives?: CacheDirectives
}

/** A value and where it came from. */
export type Cached<T> = { readonly value: T; readonly hit: boolean }

/**
 * Reads `key` from the cache, checked by `schema`; on a miss computes, stores (in the
 * background) and returns the fresh value.
 */
export async function cacheAside<T>(
  deps: Pick<UseCaseDeps, 'cache' | 'config'>,
  options: CacheAsideOptions<T>
): Promise<Cached<T>> {
  const directives = options.directives ?? USE_CACHE
  if (directives.read) {
    const stored = await readChecked(deps, options.key, options.schema)
    if (stored !== undefined) return { value: stored, hit: true }
  }
  const value = await options.compute()
  if (directives.write && (options.storable?.(value) ?? true)) {
    writeValue(deps, options.key, value)
  }
  return { value, hit: false }
}

/** The stored value under `key` if it parses and matches `schema`, else `undefined`. */
export async function readChecked<T>(
  deps: Pick<UseCaseDeps, 'cache'>,
  key: string,
  schema: z.ZodType<T>
): Promise<T | undefined> {
  const raw = await deps.cache.get(key)
  if (raw === null) return undefined
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return undefined
  }
  const parsed = schema.safeParse(json)
  return parsed.success ? parsed.data : undefined
}

/** Stores `value` under `key` for the configured TTL (in the background). */
export function writeValue(
  deps: Pick<UseCaseDeps, 'cache' | 'config'>,
  key: string,
  value: unknown
): void {
  deps.cache.put(key, JSON.stringify(value), deps.config.cacheTtlSeconds)
}
