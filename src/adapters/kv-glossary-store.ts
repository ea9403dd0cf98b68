/**
 * KV storage of API-managed glossaries (binding `GLOSSARIES`).
 *
 * One key per glossary, `glossary:<id>`, holding the validated glossary as JSON; its summary
 * (version, languages, number of entries) rides along as KV metadata so that a listing needs no
 * reads. Values are written only after validation, so reads trust their shape but still refuse
 * anything that does not look like a glossary (a hand-edited key, a truncated value).
 *
 * @module
 */
import type { GlossaryBackend, GlossarySummary } from '../glossary/store'
import type { Glossary } from '../glossary/types'
import { withStorageDeadline } from './storage-deadline'

/** The part of `KVNamespace` this backend uses (a real namespace satisfies it). */
export type GlossaryKvNamespace = {
  get(key: string, type: 'text'): Promise<string | null>
  put(key: string, value: string, options?: { metadata?: unknown }): Promise<void>
  delete(key: string): Promise<void>
  list(options: { prefix: string; cursor?: string | null }): Promise<{
    keys: { name: string; metadata?: unknown }[]
    list_complete: boolean
    cursor?: string
  }>
}

const PREFIX = 'glossary:'
/** How long one KV call of the glossary store may take before it counts as unavailable. */
const STORE_TIMEOUT_MS = 5000

/**
 * The namespace with every failure — a call that throws, rejects or does not settle within
 * `timeoutMs` — turned into `storage_unavailable` (503, retryable). The glossary store fails
 * closed: without it the service cannot tell whether a managed glossary exists or what it says,
 * and answering without it would be a wrong answer, not a degraded one (docs/faults.md).
 */
function failingClosed(kv: GlossaryKvNamespace, timeoutMs: number): GlossaryKvNamespace {
  // The problem carries no internals; the operator's log does.
  const guard = <T>(call: () => Promise<T>): Promise<T> =>
    withStorageDeadline(
      'glossary_store_failed',
      'The glossary store is unavailable; nothing was read or changed. Try again shortly.',
      timeoutMs,
      call
    )
  return {
    get: (key, type) => guard(() => kv.get(key, type)),
    put: (key, value, options) => guard(() => kv.put(key, value, options)),
    delete: (key) => guard(() => kv.delete(key)),
    list: (options) => guard(() => kv.list(options)),
  }
}

type Metadata = { version: string; languages: string[]; entries: number }

function isGlossary(value: unknown): value is Glossary {
  if (typeof value !== 'object' || value === null) return false
  const g = value as Record<string, unknown>
  return (
    typeof g.id === 'string' &&
    typeof g.version === 'string' &&
    Array.isArray(g.languages) &&
    Array.isArray(g.entries)
  )
}

function isMetadata(value: unknown): value is Metadata {
  if (typeof value !== 'object' || value === null) return false
  const m = value as Record<string, unknown>
  return (
    typeof m.version === 'string' && Array.isArray(m.languages) && typeof m.entries === 'number'
  )
}

/**
 * A {@link GlossaryBackend} on a KV namespace.
 *
 * @example
 * const backend = createKvGlossaryBackend(env.GLOSSARIES)
 */
export function createKvGlossaryBackend(
  namespace: GlossaryKvNamespace,
  options: { readonly timeoutMs?: number } = {}
): GlossaryBackend {
  const kv = failingClosed(namespace, options.timeoutMs ?? STORE_TIMEOUT_MS)
  const backend: GlossaryBackend = {
    async list() {
      const out: Omit<GlossarySummary, 'source'>[] = []
      let cursor: string | undefined
      do {
        const page = await kv.list({ prefix: PREFIX, ...(cursor !== undefined ? { cursor } : {}) })
        for (const key of page.keys) {
          const id = key.name.slice(PREFIX.length)
          if (isMetadata(key.metadata)) {
            out.push({
              id,
              version: key.metadata.version,
              languages: key.metadata.languages,
              entries: key.metadata.entries,
            })
          } else {
            // Written without metadata (should not happen): read the value instead.
            const glossary = await backend.get(id)
            if (glossary !== undefined) {
              out.push({
                id,
                version: glossary.version,
                languages: glossary.languages,
                entries: glossary.entries.length,
              })
            }
          }
        }
        cursor = page.list_complete ? undefined : page.cursor
      } while (cursor !== undefined)
      return out
    },
    async get(id) {
      const raw = await kv.get(PREFIX + id, 'text')
      if (raw === null) return undefined
      try {
        const value: unknown = JSON.parse(raw)
        return isGlossary(value) && value.id === id ? value : undefined
      } catch {
        return undefined
      }
    },
    async put(glossary) {
      const metadata: Metadata = {
        version: glossary.version,
        languages: [...glossary.languages],
        entries: glossary.entries.length,
      }
      await kv.put(PREFIX + glossary.id, JSON.stringify(glossary), { metadata })
    },
    async delete(id) {
      const existed = (await kv.get(PREFIX + id, 'text')) !== null
      if (existed) await kv.delete(PREFIX + id)
      return existed
    },
  }
  return backend
}
