import type { RouteHandler } from '@hono/zod-openapi'
import { cacheDirectives } from '../../http/cache-directives'
import type { AppEnv } from '../../http/env'
import { jsonWithEtag, resultCacheControl } from '../../http/etag'
import { summarizeArticle } from '../../usecases/summarize'
import type { summarizeRoute } from './route'
import type { SummarizeResponse } from './schemas'

export const summarizeHandler: RouteHandler<typeof summarizeRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json')
  const { value, hit } = await summarizeArticle(c.var.services, {
    text: body.text,
    format: body.format,
    offsetUnit: body.offsetUnit,
    sortBy: body.sortBy,
    language: body.language,
    lengths: body.lengths,
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.glossary !== undefined ? { glossary: body.glossary } : {}),
    ...(body.translate !== undefined ? { translate: body.translate } : {}),
    ...(body.provider !== undefined ? { provider: body.provider } : {}),
    cache: cacheDirectives(c),
  })
  const response: SummarizeResponse = value
  return jsonWithEtag(c, response, {
    'Cache-Control': resultCacheControl(c.var.services.config.cacheTtlSeconds),
    'X-Cache': hit ? 'HIT' : 'MISS',
  })
}
