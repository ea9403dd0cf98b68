/**
 * The result cache seen by the routes. Implementations never throw: a cache that fails is a
 * cache that misses (reads) or forgets (writes), and the request is still answered.
 *
 * @module
 */
export interface ResultCache {
  /** The stored value, or `null` when absent, expired or unreadable. */
  get(key: string): Promise<string | null>
  /** Stores `value` for `ttlSeconds` in the background; failures are logged, not thrown. */
  put(key: string, value: string, ttlSeconds: number): void
}
