/**
 * The language pairs of every configured engine, asked concurrently under the translation
 * deadline. An engine that is down is listed as unavailable with its error; only when no engine
 * answered is the whole call a failure.
 *
 * @module
 */
import type { ProviderName } from '../translate/engines'
import { isProviderError } from '../translate/errors'
import { listLanguages } from '../translate/list-languages'
import type { LanguageSupport } from '../translate/types'
import type { UseCaseDeps } from './deps'
import { engineFailure, UseCaseError } from './errors'

export type EngineLanguages = {
  readonly name: ProviderName
  /** Used when a request names no provider. */
  readonly default: boolean
  /** Whether the engine answered just now. */
  readonly available: boolean
  readonly sources?: string[]
  readonly targets?: string[]
  readonly pairs?: { source: string; target: string }[]
  /** Why the engine is not available. */
  readonly error?: UseCaseError
}

export type LanguagesOutput = {
  readonly defaultProvider: ProviderName
  readonly providers: readonly EngineLanguages[]
  /** The first engine failure when no engine answered (the call as a whole failed). */
  readonly failure: UseCaseError | undefined
  /** Whether every asked engine answered (the list is then worth caching). */
  readonly complete: boolean
}

function describeSupport(support: LanguageSupport) {
  return {
    sources: [...support.sources],
    targets: [...support.targets],
    ...(support.pairs ? { pairs: support.pairs.map((p) => ({ ...p })) } : {}),
  }
}

/**
 * Lists the pairs of every configured engine, or of `only`.
 *
 * @throws UseCaseError `provider_not_configured` when `only` is not configured here.
 */
export async function listEngineLanguages(
  deps: UseCaseDeps,
  only?: ProviderName
): Promise<LanguagesOutput> {
  const { translators } = deps
  if (only !== undefined && !translators.configured.includes(only)) {
    throw new UseCaseError(
      'provider_not_configured',
      `The provider '${only}' is not configured here; available: ${translators.configured.join(', ')}.`,
      { extensions: { availableProviders: [...translators.configured] } }
    )
  }
  const names = only !== undefined ? [only] : translators.configured
  const failures: UseCaseError[] = []
  const providers = await Promise.all(
    names.map(async (name): Promise<EngineLanguages> => {
      const base = { name, default: name === translators.defaultProvider }
      const choice = translators.resolve(name)
      if (!choice.ok) return { ...base, available: false }
      try {
        const support = await listLanguages(choice.provider, {
          timeoutMs: deps.config.translation.timeoutMs,
        })
        return { ...base, available: true, ...describeSupport(support) }
      } catch (error) {
        if (!isProviderError(error)) throw error
        const failure = engineFailure(deps.log, error)
        failures.push(failure)
        return { ...base, available: false, error: failure }
      }
    })
  )
  const none = providers.every((p) => !p.available)
  return {
    defaultProvider: translators.defaultProvider,
    providers,
    failure: none ? failures[0] : undefined,
    complete: failures.length === 0,
  }
}
