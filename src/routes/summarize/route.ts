import { createRoute, z } from '@hono/zod-openapi'
import { requireScope } from '../../http/access'
import { cachedResultHeaders, problemResponses, problemSpec } from '../../http/openapi'
import { SummarizeBatchResponseSchema, SummarizeRouteBodySchema } from './batch'
import { SummarizeResponseSchema } from './schemas'

export const summarizeRoute = createRoute({
  method: 'post',
  path: '/v1/summarize',
  operationId: 'summarize',
  tags: ['Summaries'],
  summary: 'Extractive summaries in several lengths',
  security: [{ apiKey: [] }],
  // Scope (plus `translate` when `translate` is asked), rate limit and quota, before any work.
  middleware: [requireScope('summarize', 'summarize')] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: SummarizeRouteBodySchema } } },
  },
  responses: {
    200: {
      description:
        'One summary per requested length, in request order. With `items`: `{ results }`, one per item in order, each `{ id, status, body | problem }` (200 whenever the request itself is valid).',
      headers: cachedResultHeaders,
      content: {
        'application/json': {
          schema: z.union([SummarizeResponseSchema, SummarizeBatchResponseSchema]),
        },
      },
    },
    304: { description: 'Not modified (If-None-Match matched).' },
    ...problemResponses,
    404: problemSpec(
      '`unknown_glossary` (`#/glossary`): no such glossary among the bundled ones and the caller’s tenant’s own.'
    ),
    422: problemSpec(
      '`invalid_request` (schema; `errors` names each field), `no_text` (`#/text`: markup without readable text), `markdown_too_complex` (`#/text`: Markdown nested or delimited too densely to parse in linear time), and with `translate`: `language_not_detected`, `unsupported_language_pair`, `provider_not_configured`.'
    ),
    502: problemSpec('With `translate`: the engine is unreachable (`provider_unavailable`).'),
    504: problemSpec('With `translate`: the engine did not answer in time (`provider_timeout`).'),
  },
})
