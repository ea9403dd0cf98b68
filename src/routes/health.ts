import { createRoute, z } from '@hono/zod-openapi'
import { createRouter } from '../http/router'
import { API_VERSION } from '../version'

const HealthSchema = z
  .object({ status: z.literal('ok'), version: z.string().openapi({ example: API_VERSION }) })
  .openapi('Health')

const route = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'health',
  tags: ['Service'],
  summary: 'Liveness and version',
  responses: {
    200: {
      description: 'The service is up.',
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
})

export const healthRoutes = createRouter().openapi(route, (c) =>
  c.json({ status: 'ok' as const, version: API_VERSION }, 200, { 'Cache-Control': 'no-store' })
)
