import type { RouteHandler } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env'
import { jsonWithEtag, resultCacheControl } from '../../http/etag'
import { detectText } from '../../usecases/detect'
import type { detectRoute } from './route'

/** Detection costs less CPU than a KV round trip, so it is not cached; it still gets an ETag. */
export const detectHandler: RouteHandler<typeof detectRoute, AppEnv> = (c) => {
  const { text, format, hints } = c.req.valid('json')
  const detection = detectText({ text, format, ...(hints ? { hints } : {}) })
  return jsonWithEtag(c, detection, {
    'Cache-Control': resultCacheControl(c.var.services.config.cacheTtlSeconds),
  })
}
