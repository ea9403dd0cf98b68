import type { RouteHandler } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env'
import { API_VERSION } from '../../version'
import type { healthRoute } from './route'

export const healthHandler: RouteHandler<typeof healthRoute, AppEnv> = (c) =>
  c.json({ status: 'ok' as const, version: API_VERSION }, 200, { 'Cache-Control': 'no-store' })
