/**
 * What the use cases need from the outside world, as interfaces. The adapters in `src/adapters/`
 * implement them (KV, memory, the engines); tests and scripts may pass their own.
 *
 * @module
 */
import type { GlossaryStore } from '../glossary/store'
import type { ProviderName } from '../translate/engines'
import type { TranslationProvider } from '../translate/types'

export type { GlossaryStore }

/**
 * A cache of computed results, as text. Implementations never throw: a cache that fails is a
 * cache that misses (reads) or forgets (writes), and the caller is still answered.
 */
export interface Cache {
  /** The stored value, or `null` when absent, expired or unreadable. */
  get(key: string): Promise<string | null>
  /** Stores `value` for `ttlSeconds` in the background; failures are logged, not thrown. */
  put(key: string, value: string, ttlSeconds: number): void
}

/** The outcome of {@link TranslatorRegistry.resolve}. */
export type ProviderChoice =
  | { readonly ok: true; readonly provider: TranslationProvider }
  | {
      readonly ok: false
      /** `unknown_provider`: not a name we know; `provider_not_configured`: no binding/secret. */
      readonly code: 'unknown_provider' | 'provider_not_configured'
      readonly name: string
      /** Providers usable with this configuration. */
      readonly available: readonly ProviderName[]
    }

/** The translation engines of one deployment. */
export interface TranslatorRegistry {
  /** The provider used when a request names none (`TRANSLATION_PROVIDER`). */
  readonly defaultProvider: ProviderName
  /** Providers usable with this configuration, in `PROVIDER_NAMES` order. */
  readonly configured: readonly ProviderName[]
  /** The engine for a request: the requested name, else the default. */
  resolve(requested?: string): ProviderChoice
}

/** Structured, single-line logs. Never pass secrets or request bodies. */
export type Logger = (event: string, details?: Record<string, unknown>) => void
