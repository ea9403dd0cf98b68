/**
 * Signing of job callbacks per the Standard Webhooks scheme (standardwebhooks.com): HMAC-SHA256
 * over `{webhook-id}.{webhook-timestamp}.{body}` with the secret's bytes (base64 after `whsec_`),
 * sent as `webhook-signature: v1,{base64 signature}`.
 *
 * @module
 */

const SECRET_PREFIX = 'whsec_'

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0))
}

/** A new signing secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${toBase64(crypto.getRandomValues(new Uint8Array(32)))}`
}

/** The headers of one delivery of `body`. */
export async function webhookHeaders(
  secret: string,
  messageId: string,
  timestampSeconds: number,
  body: string
): Promise<Record<string, string>> {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('not a whsec_ secret')
  const key = await crypto.subtle.importKey(
    'raw',
    fromBase64(secret.slice(SECRET_PREFIX.length)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign']
  )
  const signed = new TextEncoder().encode(`${messageId}.${timestampSeconds}.${body}`)
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, signed))
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${toBase64(signature)}`,
  }
}

/**
 * Seconds to wait before each retry of a delivery that failed; after the last one the job keeps
 * its results and the delivery is given up (GET /v1/jobs/{id} still answers).
 */
export const WEBHOOK_RETRY_SECONDS = [5, 60, 300, 1800, 7200, 18_000] as const
