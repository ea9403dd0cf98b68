/**
 * Admin authentication for glossary writes: `Authorization: Bearer <ADMIN_TOKEN>`.
 *
 * The comparison hashes both tokens with SHA-256 and compares the digests in constant time, so
 * neither the token's content nor its length leaks through timing. The token never appears in
 * a log line or a problem document.
 *
 * @module
 */
import type { Context } from 'hono'
import type { AppEnv } from './env'
import { ApiError } from './problem'

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
}

/** Constant-time equality of two byte arrays of the same length (SHA-256 digests). */
function equalDigests(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return difference === 0
}

/**
 * `true` when `presented` equals `expected`, compared as SHA-256 digests in constant time.
 *
 * @example
 * await tokensMatch('secret', 'secret') // true
 */
export async function tokensMatch(presented: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(presented), digest(expected)])
  return equalDigests(a, b)
}

/**
 * Throws 401 `unauthorized` unless the request carries the admin bearer token. When no
 * `ADMIN_TOKEN` is configured, every write is refused.
 */
export async function requireAdmin(c: Context<AppEnv>): Promise<void> {
  const expected = c.var.services.config.adminToken
  const header = c.req.header('Authorization') ?? ''
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)
  const presented = match?.[1]
  // Hash even when something is missing, so that every refusal costs the same.
  const ok = await tokensMatch(presented ?? '', expected ?? '')
  if (presented === undefined || expected === undefined || !ok) {
    throw new ApiError(
      'unauthorized',
      expected === undefined
        ? 'Glossary writes are disabled: the service has no ADMIN_TOKEN.'
        : 'Send Authorization: Bearer <admin token>.',
      { headers: { 'WWW-Authenticate': 'Bearer realm="precis-glossaries"' } }
    )
  }
}
