/**
 * What a key may do: scopes, key kinds and the rules that tie them together.
 *
 * Publishable keys live in browsers (a CMS plugin in an editor's page), so anyone can read them:
 * they get only the scopes whose worst abuse is spent quota (`detect`, `summarize`), and only
 * from the origins their owner listed. Secret keys stay on servers and may hold any scope.
 *
 * @module
 */

/** Every scope, in the order they are documented. */
export const SCOPES = [
  'detect',
  'summarize',
  'translate',
  'glossaries:read',
  'glossaries:write',
] as const

export type Scope = (typeof SCOPES)[number]

/** The two kinds of key and the prefix of their secret. */
export const KEY_KINDS = ['secret', 'publishable'] as const

export type KeyKind = (typeof KEY_KINDS)[number]

/** Scopes a publishable key may hold: translation costs the owner real money per character. */
export const PUBLISHABLE_SCOPES: readonly Scope[] = ['detect', 'summarize']

/** @returns whether `value` names a scope. */
export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value)
}

/** @returns the scopes of `requested` that a key of `kind` may not hold. */
export function forbiddenScopes(kind: KeyKind, requested: readonly Scope[]): Scope[] {
  if (kind === 'secret') return []
  return requested.filter((s) => !PUBLISHABLE_SCOPES.includes(s))
}

/**
 * The canonical form of a web origin (`scheme://host[:port]`, lower case, default port
 * dropped), or `undefined` when `value` is not an http(s) origin with nothing after the host.
 *
 * Browsers send exactly this form in `Origin`, so allowlists store it and comparisons are plain
 * string equality.
 *
 * @example
 * canonicalOrigin('https://CMS.example.com:443') // 'https://cms.example.com'
 * canonicalOrigin('https://cms.example.com/editor') // undefined
 */
export function canonicalOrigin(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  if (url.username !== '' || url.password !== '') return undefined
  // `new URL` accepts a trailing slash; anything more (path, query, fragment) is not an origin.
  const rest = value.replace(/^[a-z]+:\/\/[^/?#]*/i, '')
  if (rest !== '' && rest !== '/') return undefined
  return url.origin
}

/**
 * Whether a request from `origin` (the `Origin` header, or `undefined` when absent) may use a
 * key with the allowlist `origins`. A publishable key is only for browsers, which always send
 * `Origin` on cross-origin requests, so a missing header is refused too.
 */
export function originAllowed(origins: readonly string[], origin: string | undefined): boolean {
  if (origin === undefined) return false
  const canonical = canonicalOrigin(origin)
  return canonical !== undefined && origins.includes(canonical)
}
