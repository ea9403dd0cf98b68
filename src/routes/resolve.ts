/**
 * What several routes resolve from a request the same way: the glossary (absent → the
 * deployment default, `null` → none), the translation engine, and canonical language tags.
 *
 * @module
 */
import type { Context } from 'hono'
import { ConfigError } from '../config'
import type { Glossary } from '../glossary/types'
import type { AppEnv } from '../http/env'
import { ApiError } from '../http/problem'
import type { ProviderName } from '../translate/providers/index'

/** Language tags in canonical case (`EN` → `en`, `pt-br` → `pt-BR`): one cache key per language. */
export function canonicalTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag
  } catch {
    return tag
  }
}

/** The glossary a request asks for: absent → the default, `null` → none. */
export async function resolveGlossary(
  c: Context<AppEnv>,
  requested: string | null | undefined
): Promise<Glossary | null> {
  const { glossaries, config } = c.var.services
  const id = requested === undefined ? config.defaultGlossary : requested
  if (id === null) return null
  const stored = await glossaries.get(id)
  if (stored) return stored.glossary
  if (requested === undefined) {
    throw new ConfigError(`DEFAULT_GLOSSARY names '${id}', which does not exist.`)
  }
  throw new ApiError(
    'unknown_glossary',
    `No glossary '${id}'. GET /v1/glossaries lists them; send "glossary": null for none.`,
    { errors: [{ pointer: '#/glossary', message: `no glossary '${id}'` }] }
  )
}

/** The engine a request asks for, or the problem why it cannot have it. */
export function resolveEngine(c: Context<AppEnv>, requested: ProviderName | undefined) {
  const { translators } = c.var.services
  const choice = translators.resolve(requested)
  if (choice.ok) return choice.provider
  if (requested === undefined) {
    // The deployment's own default is unusable: an operator problem, not the client's.
    throw new ConfigError(
      `TRANSLATION_PROVIDER is '${choice.name}', which is not configured in this deployment.`
    )
  }
  throw new ApiError(
    'provider_not_configured',
    `The provider '${choice.name}' is not configured here; available: ${choice.available.join(', ')}.`,
    {
      errors: [{ pointer: '#/provider', message: `'${choice.name}' is not configured` }],
      extensions: { availableProviders: [...choice.available] },
    }
  )
}
