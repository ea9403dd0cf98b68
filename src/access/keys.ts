/**
 * API key format and hashing.
 *
 * A key reads `sk_<id>_<secret>` (secret key) or `pk_<id>_<secret>` (publishable key):
 * - `<id>`: 16 characters of lower-case base32 (80 random bits), the key's public id, shown in
 *   listings and usage, and used to revoke it;
 * - `<secret>`: 43 characters of base64url (256 random bits).
 *
 * Only SHA-256 of the whole key is stored, so a leaked store reveals no usable key, and a lookup
 * is by hash: no stored secret is ever compared with the presented one.
 *
 * @module
 */
import type { KeyKind } from './scopes'

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const ID_LENGTH = 16
const SECRET_BYTES = 32

const PREFIX: Record<KeyKind, string> = { secret: 'sk', publishable: 'pk' }

/** The shape of a key; anything else is rejected before hashing. */
const KEY_PATTERN = /^(sk|pk)_([0-9a-hjkmnp-tv-z]{16})_([A-Za-z0-9_-]{43})$/

/** The parts of a well-formed key. */
export type ParsedKey = { readonly kind: KeyKind; readonly id: string }

/** A fresh random key id (also used alone, e.g. in tests). */
export function newKeyId(): string {
  // 32 symbols divide 256 evenly, so `byte % 32` is unbiased.
  const bytes = crypto.getRandomValues(new Uint8Array(ID_LENGTH))
  let id = ''
  for (const b of bytes) id += ID_ALPHABET[b % 32]
  return id
}

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * A new key of `kind` with a fresh id.
 *
 * @example
 * const { id, key } = generateKey('secret') // key = 'sk_<id>_<secret>'
 */
export function generateKey(kind: KeyKind): { id: string; key: string } {
  const id = newKeyId()
  const secret = base64url(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)))
  return { id, key: `${PREFIX[kind]}_${id}_${secret}` }
}

/** @returns the kind and id of a well-formed key, or `undefined`. */
export function parseKey(key: string): ParsedKey | undefined {
  const m = KEY_PATTERN.exec(key)
  if (m === null) return undefined
  return { kind: m[1] === 'sk' ? 'secret' : 'publishable', id: m[2] as string }
}

/** @returns whether `id` has the form of a key id (validates path parameters). */
export function isKeyId(id: string): boolean {
  return /^[0-9a-hjkmnp-tv-z]{16}$/.test(id)
}

/** SHA-256 of the key's UTF-8 bytes, as 64 lower-case hex digits (Web Crypto). */
export async function hashKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key))
  let hex = ''
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0')
  return hex
}
