/**
 * What several use cases resolve the same way: the glossary (absent → the deployment default,
 * `null` → none), the translation engine, and canonical language tags.
 *
 * @module
 */
import { ConfigError } from '../config'
import type { Glossary } from '../glossary/types'
import type { TranslationProvider } from '../translate/types'
import type { UseCaseDeps } from './deps'
import { UseCaseError } from './errors'
import { assertGlossaryId } from './identifiers'

/** Language tags in canonical case (`EN` → `en`, `pt-br` → `pt-BR`): one cache key per language. */
export function canonicalTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag
  } catch {
    return tag
  }
}

/**
 * The glossary a request asks for: absent → the default, `null` → none. The id is checked before
 * the store is asked.
 *
 * @throws UseCaseError `invalid_request` (malformed id) or `unknown_glossary`, both naming
 *   `#/glossary`; ConfigError when the deployment's default does not exist.
 */
export async function resolveGlossary(
  deps: Pick<UseCaseDeps, 'glossaries' | 'config'>,
  requested: string | null | undefined
): Promise<Glossary | null> {
  const id = requested === undefined ? deps.config.defaultGlossary : requested
  if (id === null) return null
  if (typeof requested === 'string') assertGlossaryId(requested, '#/glossary')
  const stored = await deps.glossaries.get(id)
  if (stored) return stored.glossary
  if (requested === undefined) {
    throw new ConfigError(`DEFAULT_GLOSSARY names '${id}', which does not exist.`)
  }
  throw new UseCaseError(
    'unknown_glossary',
    `No glossary '${id}'. GET /v1/glossaries lists them; send "glossary": null for none.`,
    { fields: [{ pointer: '#/glossary', message: `no glossary '${id}'` }] }
  )
}

/**
 * The engine a request asks for.
 *
 * @throws UseCaseError `provider_not_configured` naming `#/provider`; ConfigError when the
 *   deployment's own default is unusable (an operator problem, not the client's).
 */
export function resolveEngine(
  deps: Pick<UseCaseDeps, 'translators'>,
  requested: string | undefined
): TranslationProvider {
  const choice = deps.translators.resolve(requested)
  if (choice.ok) return choice.provider
  if (requested === undefined) {
    throw new ConfigError(
      `TRANSLATION_PROVIDER is '${choice.name}', which is not configured in this deployment.`
    )
  }
  throw new UseCaseError(
    'provider_not_configured',
    `The provider '${choice.name}' is not configured here; available: ${choice.available.join(', ')}.`,
    {
      fields: [{ pointer: '#/provider', message: `'${choice.name}' is not configured` }],
      extensions: { availableProviders: [...choice.available] },
    }
  )
}
