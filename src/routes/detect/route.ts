import { createRoute, z } from '@hono/zod-openapi'
import { requireScope } from '../../http/access'
import { cachedResultHeaders, problemResponses, problemSpec } from '../../http/openapi'
import { DetectionSchema } from '../schemas'
import { DetectBatchResponseSchema, DetectRouteBodySchema } from './batch'

export const detectRoute = createRoute({
  method: 'post',
  path: '/v1/detect',
  operationId: 'detectLanguage',
  tags: ['Language'],
  summary: 'Detect the language of a text',
  security: [{ apiKey: [] }],
  middleware: [requireScope('detect', 'detect')] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: DetectRouteBodySchema } } },
  },
  responses: {
    200: {
      description:
        'The detected language, its confidence and the runners-up. With `items`: `{ results }`, one per item in order, each `{ id, status, body | problem }` (200 whenever the request itself is valid).',
      headers: cachedResultHeaders,
      content: {
        'application/json': { schema: z.union([DetectionSchema, DetectBatchResponseSchema]) },
      },
    },
    304: { description: 'Not modified (If-None-Match matched).' },
    ...problemResponses,
    422: problemSpec(
      '`invalid_request` (schema; `errors` names each field) or `no_text` (`#/text`: markup without readable text), `markdown_too_complex` (`#/text`: Markdown nested or delimited too densely to parse in linear time).'
    ),
  },
})
