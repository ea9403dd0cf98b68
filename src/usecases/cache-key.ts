/**
 * Cache keys: SHA-256 over a canonical JSON of (operation, algorithm version, normalized
 * parameters, NFC text). JSON keeps the encoding injective — lone surrogates are escaped rather
 * than replaced — and hashing keeps keys under KV's 512-byte limit.
 *
 * @module
 */

/** Hex SHA-256 of a UTF-8 string. */
export async function sha256Hex(input: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(input))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The cache key of one operation.
 *
 * @param operation - e.g. `summarize`.
 * @param version - the algorithm version; bump it to invalidate every stored result.
 * @param parameters - already normalized (defaults filled in), so equivalent requests share a key.
 * @param text - NFC text.
 */
export async function cacheKey(
  operation: string,
  version: string,
  parameters: unknown,
  text: string
): Promise<string> {
  const hash = await sha256Hex(JSON.stringify([operation, version, parameters, text]))
  return `${operation}:${hash}`
}

/**
 * The cache key of an operation on a text: keyed by the NFC form so that equivalent inputs share
 * an entry. Results carry offsets into the text as sent, so a text that is not NFC also keys on
 * its exact form (rare: most text arrives composed).
 */
export async function textCacheKey(
  operation: string,
  version: string,
  parameters: unknown,
  text: string
): Promise<string> {
  const nfc = text.normalize('NFC')
  const form = nfc === text ? 'nfc' : await sha256Hex(JSON.stringify(text))
  return cacheKey(operation, version, { parameters, form }, nfc)
}
