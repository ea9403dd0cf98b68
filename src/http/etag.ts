/**
 * Strong ETags and conditional GET/POST answers for JSON results: the tag hashes the exact body
 * bytes, so it changes with any change of the representation, and `If-None-Match` with it gives
 * 304. Independent of where the result came from (see `src/usecases/cache-aside.ts`).
 *
 * @module
 */
import type { Context } from 'hono'
import { sha256Hex } from '../usecases/cache-key'

/** RFC 9110 §13.1.2: weak comparison; `*` matches any current representation. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const strip = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => strip(tag) === etag)
}

/**
 * Answers `body` as JSON with a strong ETag, or 304 when the request's `If-None-Match` names it.
 * `headers` go on both (e.g. `Cache-Control`, `X-Cache`).
 */
export async function jsonWithEtag(
  c: Context,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<Response> {
  const text = JSON.stringify(body)
  const etag = `"${(await sha256Hex(text)).slice(0, 32)}"`
  const all = { ...headers, ETag: etag }
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) return c.body(null, 304, all)
  return c.body(text, 200, { ...all, 'Content-Type': 'application/json; charset=utf-8' })
}

/** `Cache-Control` of a cacheable result: clients may keep it as long as the server does. */
export function resultCacheControl(ttlSeconds: number): string {
  return `private, max-age=${ttlSeconds}`
}
