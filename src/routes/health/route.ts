import { createRoute, z } from '@hono/zod-openapi'
import { API_VERSION } from '../../version'

const HealthSchema = z
  .object({ status: z.literal('ok'), version: z.string().openapi({ example: API_VERSION }) })
  .openapi('Health')

export const healthRoute = createRoute({
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
