/**
 * Where glossaries live: the bundled ones (from `glossaries/`, read-only) and the ones managed
 * through the API (in KV in the Worker, in memory in tests).
 *
 * The storage is behind {@link GlossaryBackend}, which knows nothing about bundling or
 * versions; {@link createGlossaryStore} adds the rules: bundled ids are read-only, `If-Match`
 * preconditions, created vs replaced.
 *
 * Note on consistency: KV has no compare-and-swap, so `If-Match` protects against editing a
 * stale copy (the common case: two translators, one glossary) but two writes racing within the
 * same second can both pass it. KV is also eventually consistent across locations (up to about
 * 60 s); a location sees its own writes at once.
 *
 * @module
 */
import type { Glossary } from './types'

/** Where a glossary comes from. */
export type GlossarySource = 'bundled' | 'api'

/** A glossary in a listing (`GET /v1/glossaries`). */
export type GlossarySummary = {
  readonly id: string
  readonly languages: readonly string[]
  /** Number of concepts. */
  readonly entries: number
  readonly version: string
  readonly source: GlossarySource
}

/** A glossary with its origin. */
export type StoredGlossary = { readonly glossary: Glossary; readonly source: GlossarySource }

/** Preconditions of a write: the `If-Match` and `If-None-Match` headers' values, as sent. */
export type WriteOptions = {
  readonly ifMatch?: string | undefined
  readonly ifNoneMatch?: string | undefined
}

/** Result of {@link GlossaryStore.put}. */
export type PutGlossaryResult =
  | { readonly kind: 'created' | 'replaced'; readonly glossary: Glossary }
  | { readonly kind: 'read_only' }
  | { readonly kind: 'precondition_failed'; readonly current: string | undefined }

/** Result of {@link GlossaryStore.delete}. */
export type DeleteGlossaryResult =
  | { readonly kind: 'deleted' }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'read_only' }
  | { readonly kind: 'precondition_failed'; readonly current: string | undefined }

/** The glossary repository the routes, the summarizer and the translator use. */
export interface GlossaryStore {
  /** Every glossary: bundled first (in id order), then API glossaries (in id order). */
  list(): Promise<GlossarySummary[]>
  /** One glossary, or `undefined`. */
  get(id: string): Promise<StoredGlossary | undefined>
  /** Creates or replaces an API glossary. */
  put(glossary: Glossary, options?: WriteOptions): Promise<PutGlossaryResult>
  /** Deletes an API glossary. */
  delete(id: string, options?: WriteOptions): Promise<DeleteGlossaryResult>
}

/** Raw storage of API glossaries (no rules): KV in the Worker, a Map in tests. */
export interface GlossaryBackend {
  list(): Promise<Omit<GlossarySummary, 'source'>[]>
  get(id: string): Promise<Glossary | undefined>
  put(glossary: Glossary): Promise<void>
  /** @returns `false` when there was nothing to delete. */
  delete(id: string): Promise<boolean>
}

/**
 * Evaluates an `If-Match` header (RFC 9110 §13.1.1) against the current version: `*` matches any
 * existing glossary; otherwise one of the listed strong entity tags must equal `"<version>"`
 * (weak tags never match). No header always passes.
 */
export function ifMatchPasses(ifMatch: string | undefined, current: string | undefined): boolean {
  if (ifMatch === undefined) return true
  const value = ifMatch.trim()
  if (value === '*') return current !== undefined
  if (current === undefined) return false
  return value
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === `"${current}"`)
}

/**
 * Evaluates `If-None-Match` (RFC 9110 §13.1.2) for a write: `*` passes only when the glossary
 * does not exist; a list of tags passes unless one of them matches the current version (weak
 * comparison, as the RFC requires for this header). No header always passes.
 */
export function ifNoneMatchPasses(
  ifNoneMatch: string | undefined,
  current: string | undefined
): boolean {
  if (ifNoneMatch === undefined) return true
  const value = ifNoneMatch.trim()
  if (value === '*') return current === undefined
  if (current === undefined) return true
  return !value
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === `"${current}"`)
}

function summarize(glossary: Glossary): Omit<GlossarySummary, 'source'> {
  return {
    id: glossary.id,
    languages: glossary.languages,
    entries: glossary.entries.length,
    version: glossary.version,
  }
}

/**
 * The glossary store: `bundled` glossaries (read-only) in front of `backend`.
 *
 * @example
 * const store = createGlossaryStore({ bundled: BUNDLED_GLOSSARIES, backend: createMemoryGlossaryBackend() })
 */
export function createGlossaryStore({
  bundled,
  backend,
}: {
  bundled: readonly Glossary[]
  backend: GlossaryBackend
}): GlossaryStore {
  const builtIn = new Map(bundled.map((g) => [g.id, g]))
  return {
    async list() {
      const fromApi = (await backend.list())
        .filter((s) => !builtIn.has(s.id))
        .sort((a, b) => a.id.localeCompare(b.id))
      return [
        ...[...builtIn.values()]
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((g) => ({ ...summarize(g), source: 'bundled' as const })),
        ...fromApi.map((s) => ({ ...s, source: 'api' as const })),
      ]
    },
    async get(id) {
      const fixed = builtIn.get(id)
      if (fixed !== undefined) return { glossary: fixed, source: 'bundled' }
      const glossary = await backend.get(id)
      return glossary !== undefined ? { glossary, source: 'api' } : undefined
    },
    async put(glossary, options = {}) {
      if (builtIn.has(glossary.id)) return { kind: 'read_only' }
      const current = await backend.get(glossary.id)
      if (
        !ifMatchPasses(options.ifMatch, current?.version) ||
        !ifNoneMatchPasses(options.ifNoneMatch, current?.version)
      ) {
        return { kind: 'precondition_failed', current: current?.version }
      }
      await backend.put(glossary)
      return { kind: current === undefined ? 'created' : 'replaced', glossary }
    },
    async delete(id, options = {}) {
      if (builtIn.has(id)) return { kind: 'read_only' }
      if (options.ifMatch !== undefined) {
        const current = await backend.get(id)
        if (current === undefined) return { kind: 'not_found' }
        if (!ifMatchPasses(options.ifMatch, current.version)) {
          return { kind: 'precondition_failed', current: current.version }
        }
      }
      return (await backend.delete(id)) ? { kind: 'deleted' } : { kind: 'not_found' }
    },
  }
}

/** The in-memory twin of the KV backend, for tests and local tools. */
export function createMemoryGlossaryBackend(initial: readonly Glossary[] = []): GlossaryBackend {
  const glossaries = new Map(initial.map((g) => [g.id, g]))
  return {
    async list() {
      return [...glossaries.values()].map(summarize)
    },
    async get(id) {
      return glossaries.get(id)
    },
    async put(glossary) {
      glossaries.set(glossary.id, glossary)
    },
    async delete(id) {
      return glossaries.delete(id)
    },
  }
}
