import type { RouteHandler, z } from '@hono/zod-openapi'
import { cacheDirectives } from '../../http/cache-directives'
import type { AppEnv } from '../../http/env'
import { jsonWithEtag, resultCacheControl } from '../../http/etag'
import type { Services } from '../../services'
import type { CacheDirectives } from '../../usecases/deps'
import { type TranslatedText, translateTexts } from '../../usecases/translate'
import type { translateRoute } from './route'
import type { TranslateRequestSchema, TranslateResponse } from './schemas'

function renderTranslation(
  { translation, source, cached }: TranslatedText,
  debug: boolean
): TranslateResponse['translations'][number] {
  return {
    text: translation.text,
    detectedSource: source,
    terminology: {
      expected: translation.terminology.expected,
      applied: translation.terminology.applied,
      missed: translation.terminology.missed.map((m) => ({ source: m.source, target: m.target })),
    },
    ...(debug
      ? {
          debug: {
            cached,
            ...translation.stats,
            terms: translation.terms.map((t) => ({
              concept: t.concept,
              source: t.source,
              target: t.target,
              strategy: t.strategy,
              method: t.method,
            })),
          },
        }
      : {}),
  }
}

type TranslateRequest = z.output<typeof TranslateRequestSchema>

/**
 * The route's answer to a validated request (jobs answer each translate item with it too), and
 * how many of its texts came from the cache.
 */
export async function translateResponse(
  services: Services,
  body: TranslateRequest,
  cache: CacheDirectives
): Promise<{ value: TranslateResponse; hits: number; total: number }> {
  const single = typeof body.text === 'string'
  const out = await translateTexts(services, {
    texts: typeof body.text === 'string' ? [body.text] : body.text,
    single,
    format: body.format,
    source: body.source,
    target: body.target,
    ...(body.glossary !== undefined ? { glossary: body.glossary } : {}),
    ...(body.provider !== undefined ? { provider: body.provider } : {}),
    cache,
  })
  const value: TranslateResponse = {
    provider: out.provider,
    target: out.target,
    glossary: out.glossary,
    translations: out.results.map((r) => renderTranslation(r, body.debug)),
  }
  return { value, hits: out.results.filter((r) => r.cached).length, total: out.results.length }
}

export const translateHandler: RouteHandler<typeof translateRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json')
  const { value, hits, total } = await translateResponse(c.var.services, body, cacheDirectives(c))
  return jsonWithEtag(c, value, {
    'Cache-Control': resultCacheControl(c.var.services.config.cacheTtlSeconds),
    'X-Cache': hits === 0 ? 'MISS' : hits === total ? 'HIT' : 'PARTIAL',
  })
}
