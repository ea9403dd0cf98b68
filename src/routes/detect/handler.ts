import type { RouteHandler } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env'
import { jsonWithEtag, resultCacheControl } from '../../http/etag'
import { detectText } from '../../usecases/detect'
import { detectBatch } from './batch'
import type { detectRoute } from './route'

/** Detection costs less CPU than a KV round trip, so it is not cached; it still gets an ETag. */
export const detectHandler: RouteHandler<typeof detectRoute, AppEnv> = (c) => {
  const body = c.req.valid('json')
  if (body.items !== undefined) return detectBatch(c, body)
  // `textOrItems` guarantees `text` without `items`.
  const { text = '', format, hints } = body
  const detection = detectText({ text, format, ...(hints ? { hints } : {}) })
  return jsonWithEtag(c, detection, {
    'Cache-Control': resultCacheControl(c.var.services.config.cacheTtlSeconds),
  })
}
