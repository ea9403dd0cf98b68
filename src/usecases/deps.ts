/**
 * Everything a use case may touch, passed in as one argument: no globals, no framework context.
 * The Worker builds it per request (`src/services.ts`); tests and scripts build their own.
 *
 * @module
 */
import type { Config } from '../config'
import type { Cache, GlossaryStore, Logger, TranslatorRegistry } from './ports'

export type UseCaseDeps = {
  readonly config: Config
  readonly cache: Cache
  /** Bundled glossaries (read-only) in front of the API-managed ones. */
  readonly glossaries: GlossaryStore
  /** Translation engines: apertium always, workers-ai with the `AI` binding, deepl with a key. */
  readonly translators: TranslatorRegistry
  /** Milliseconds since the epoch (injected so tests control time). */
  readonly now: () => number
  readonly log: Logger
}

/** Whether a call may read and write the result cache (`Cache-Control: no-cache` / `no-store`). */
export type CacheDirectives = { readonly read: boolean; readonly write: boolean }

/** Read and write: the default when the caller does not say. */
export const USE_CACHE: CacheDirectives = { read: true, write: true }
