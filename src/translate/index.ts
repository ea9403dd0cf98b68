/**
 * Translation with glossary enforcement — the public surface for the HTTP layer.
 *
 * @module
 */
export {
  type BatchItem,
  type BatchOptions,
  sameLanguage,
  type TargetTranslation,
  translateItems,
  translateToTargets,
} from './batch'
export {
  isProviderError,
  ProviderError,
  type ProviderErrorKind,
  type ProviderProblem,
  providerProblem,
} from './errors'
export {
  apertiumToBcp47,
  bcp47ToApertium,
  resolvePair,
  supportsPair,
  targetsFor,
} from './languages'
export { listLanguages } from './list-languages'
export {
  type TranslateOptions,
  type TranslationBatch,
  translateText,
  translateTexts,
} from './pipeline'
export { type CallPolicyOptions, DEFAULT_TIMEOUT_MS } from './policy'
export {
  configuredProviders,
  createProviderRegistry,
  isProviderName,
  PROVIDER_NAMES,
  type ProviderChoice,
  type ProviderConfig,
  type ProviderName,
  type ProviderRegistry,
  resolveProvider,
} from './providers/index'
export type {
  LanguagePair,
  LanguageSupport,
  MissedTerm,
  TermFinder,
  TerminologyReport,
  TermMethod,
  TermOutcome,
  Translation,
  TranslationProvider,
  TranslationStats,
} from './types'
