/**
 * Provider selection: the one place that turns configuration into an engine.
 *
 * The composition root reads `Env` and passes a {@link ProviderConfig}; requests may name a provider,
 * otherwise `TRANSLATION_PROVIDER` (default `apertium`) applies.
 *
 * @module
 */
import { isProviderName, PROVIDER_NAMES, type ProviderName } from '../../translate/engines'
import type { ProviderChoice, TranslatorRegistry } from '../../usecases/ports'
import { createApertiumProvider } from './apertium'
import { createDeepLProvider } from './deepl'
import { type AiBinding, createWorkersAiProvider } from './workers-ai'

export { isProviderName, PROVIDER_NAMES, type ProviderName }

/** What the providers need from the environment. */
export type ProviderConfig = {
  /** `TRANSLATION_PROVIDER`: the default when a request names none (default `apertium`). */
  readonly defaultProvider?: string
  /** `APERTIUM_URL` (default http://127.0.0.1:2737). */
  readonly apertiumUrl?: string
  /** The `AI` binding; absent in the `dev` environment, so `workers-ai` is then unconfigured. */
  readonly ai?: AiBinding
  /** `DEEPL_API_KEY` secret; without it `deepl` is unconfigured. */
  readonly deeplApiKey?: string
  /** The fetch used for HTTP engines (tests). */
  readonly fetch?: typeof fetch
}

/** The providers usable with this configuration (apertium is always: it is just a URL). */
export function configuredProviders(config: ProviderConfig): ProviderName[] {
  return PROVIDER_NAMES.filter((name) => name === 'apertium' || isConfigured(name, config))
}

function isConfigured(name: ProviderName, config: ProviderConfig): boolean {
  if (name === 'workers-ai') return config.ai !== undefined
  if (name === 'deepl') return typeof config.deeplApiKey === 'string' && config.deeplApiKey !== ''
  return true
}

/**
 * Picks the engine for a request: the requested name, else the configured default, else
 * `apertium`.
 */
export function resolveProvider(
  requested: string | undefined,
  config: ProviderConfig
): ProviderChoice {
  const name = requested ?? config.defaultProvider ?? 'apertium'
  const available = configuredProviders(config)
  if (!isProviderName(name)) return { ok: false, code: 'unknown_provider', name, available }
  if (!isConfigured(name, config)) {
    return { ok: false, code: 'provider_not_configured', name, available }
  }
  switch (name) {
    case 'workers-ai':
      return { ok: true, provider: createWorkersAiProvider({ ai: config.ai as AiBinding }) }
    case 'deepl':
      return {
        ok: true,
        provider: createDeepLProvider({
          apiKey: config.deeplApiKey as string,
          ...(config.fetch ? { fetch: config.fetch } : {}),
        }),
      }
    default:
      return {
        ok: true,
        provider: createApertiumProvider({
          ...(config.apertiumUrl ? { url: config.apertiumUrl } : {}),
          ...(config.fetch ? { fetch: config.fetch } : {}),
        }),
      }
  }
}

/**
 * Builds the registry from configuration (the composition root calls this once per request; it
 * only holds the config — providers are created on demand and hold no connections).
 */
export function createProviderRegistry(
  config: ProviderConfig & { readonly defaultProvider: ProviderName }
): TranslatorRegistry {
  return {
    defaultProvider: config.defaultProvider,
    configured: configuredProviders(config),
    resolve: (requested) => resolveProvider(requested, config),
  }
}
