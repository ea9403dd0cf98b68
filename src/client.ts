/**
 * A typed client for TypeScript callers (CMS plugins, publishers' back ends): every route, its
 * request body and its JSON response are typed from the same schemas the API validates with.
 *
 * @example
 * const precis = createPrecisClient('https://precis.example.com')
 * const res = await precis.v1.summarize.$post({ json: { text, lengths: ['short', { characters: 160 }] } })
 * if (res.ok) {
 *   const { summaries } = await res.json()   // typed: name, text, sentences[{ offset, length }] …
 * } else {
 *   const problem = await res.json()         // RFC 9457 problem details
 * }
 *
 * @module
 */
import { type ClientRequestOptions, hc } from 'hono/client'
import type { AppType } from './app'

export type PrecisClient = ReturnType<typeof hc<AppType>>

/**
 * Creates a client for a Précis deployment.
 *
 * @param baseUrl - e.g. `https://precis.example.com` (no trailing path).
 * @param options - `headers` (e.g. `Authorization` for the glossary admin routes) and a custom
 *   `fetch`.
 */
export function createPrecisClient(baseUrl: string, options?: ClientRequestOptions): PrecisClient {
  return hc<AppType>(baseUrl, options)
}
