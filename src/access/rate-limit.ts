/**
 * Rate-limit arithmetic shared by the limiter and the HTTP layer.
 *
 * The per-key limiter is an exact sliding log: it keeps the instant of every admitted request
 * in the last `period` seconds and admits a new one while fewer than `requests` remain. When
 * it refuses, the caller may retry once enough old entries leave the window.
 *
 * @module
 */
import type { RateLimit } from './record'

/** Decision of one limiter check. */
export type RateDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number }

/**
 * Decides one request against a sliding log.
 *
 * @param inWindow - how many admitted requests lie in `(now - period, now]`
 * @param releaseAt - when the entry that must leave for a slot to free up leaves the window
 *   (the `(inWindow - requests + 1)`-th oldest entry's instant + period), in ms; ignored when
 *   there is room
 */
export function decide(
  limit: RateLimit,
  inWindow: number,
  releaseAt: number,
  now: number
): RateDecision {
  if (inWindow < limit.requests) return { allowed: true }
  // Whole seconds, rounded up, never 0: Retry-After has no fractions and 0 invites a hot loop.
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((releaseAt - now) / 1000)) }
}

/**
 * The `RateLimit-Policy` header value (draft-ietf-httpapi-ratelimit-headers): a named policy
 * with its quota `q` and window `w` in seconds.
 *
 * @example
 * rateLimitPolicy('key', { requests: 5, period: 60 }) // '"key";q=5;w=60'
 */
export function rateLimitPolicy(name: string, limit: RateLimit): string {
  return `"${name}";q=${limit.requests};w=${limit.period}`
}
