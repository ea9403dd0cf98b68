/**
 * Language discovery for `GET /v1/languages`, under the same deadline and retry policy as
 * translation.
 *
 * @module
 */
import { type CallPolicyOptions, callEngine, startBudget } from './policy'
import type { LanguageSupport, TranslationProvider } from './types'

/** Asks `provider` which pairs it offers (APy's `/listPairs`, m2m100's list, DeepL's lists). */
export async function listLanguages(
  provider: TranslationProvider,
  options: CallPolicyOptions = {}
): Promise<LanguageSupport> {
  const budget = startBudget(options)
  return callEngine(provider.name, budget, (signal) => provider.languages(signal))
}
