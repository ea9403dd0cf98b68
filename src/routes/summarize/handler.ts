import type { RouteHandler } from '@hono/zod-openapi'
import { cacheDirectives } from '../../http/cache-directives'
import type { AppEnv } from '../../http/env'
import { jsonWithEtag, resultCacheControl } from '../../http/etag'
import { summarizeArticle } from '../../usecases/summarize'
import { summarizeBatch, summarizeInput } from './batch'
import type { summarizeRoute } from './route'
import type { SummarizeResponse } from './schemas'

export const summarizeHandler: RouteHandler<typeof summarizeRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json')
  if (body.items !== undefined) return summarizeBatch(c, body)
  // `textOrItems` guarantees `text` without `items`.
  const text = body.text ?? ''
  const { value, hit } = await summarizeArticle(
    c.var.services,
    summarizeInput({ ...body, text }, cacheDirectives(c))
  )
  const response: SummarizeResponse = value
  return jsonWithEtag(c, response, {
    'Cache-Control': resultCacheControl(c.var.services.config.cacheTtlSeconds),
    'X-Cache': hit ? 'HIT' : 'MISS',
  })
}
