/**
 * `GET /v1/usage`: this month's metered usage of the calling key, or of a tenant (operator).
 *
 * @module
 */
import { createRoute, z } from '@hono/zod-openapi'
import { problemResponses, problemSpec } from '../../http/openapi'

const Counts = <const K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>)

export const UsageSchema = z
  .object({
    period: z.object({ start: z.string(), end: z.string() }),
    requests: Counts(['detect', 'summarize', 'translate']),
    characters: Counts(['summarize', 'translate']),
    limits: z.object({ monthlyCharacters: z.number().nullable() }),
  })
  .openapi('Usage')

export const usageRoute = createRoute({
  method: 'get',
  path: '/v1/usage',
  operationId: 'getUsage',
  tags: ['Access'],
  summary: 'Usage of the calling key this month (UTC), or of a tenant for the operator',
  description:
    'Successful answers (2xx, including cache hits and 304) count one request and the characters of their text (Unicode code points; for summaries the title too). Counts are written just after each answer, so a call made a moment ago may take a moment to show.',
  security: [{ apiKey: [] }, { adminToken: [] }] as { [scheme: string]: string[] }[],
  request: {
    query: z.object({
      tenant: z
        .string()
        .optional()
        .openapi({ description: 'Operator only: the whole tenant’s usage.' }),
    }),
  },
  responses: {
    200: { description: 'Usage.', content: { 'application/json': { schema: UsageSchema } } },
    401: problemSpec('No valid key.'),
    403: problemSpec('`?tenant=` with an API key (`insufficient_scope`, scope `admin`).'),
    ...problemResponses,
  },
})
