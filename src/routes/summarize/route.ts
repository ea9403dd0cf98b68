import { createRoute } from '@hono/zod-openapi'
import { requireScope } from '../../http/access'
import { cachedResultHeaders, problemResponses, problemSpec } from '../../http/openapi'
import { SummarizeRequestSchema, SummarizeResponseSchema } from './schemas'

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
    body: { required: true, content: { 'application/json': { schema: SummarizeRequestSchema } } },
  },
  responses: {
    200: {
      description: 'One summary per requested length, in request order.',
      headers: cachedResultHeaders,
      content: { 'application/json': { schema: SummarizeResponseSchema } },
    },
    304: { description: 'Not modified (If-None-Match matched).' },
    ...problemResponses,
    404: problemSpec(
      '`unknown_glossary` (`#/glossary`): no such glossary among the bundled ones and the caller’s tenant’s own.'
    ),
    422: problemSpec(
      '`invalid_request` (schema; `errors` names each field), `no_text` (`#/text`: markup without readable text), and with `translate`: `language_not_detected`, `unsupported_language_pair`, `provider_not_configured`.'
    ),
    502: problemSpec('With `translate`: the engine is unreachable (`provider_unavailable`).'),
    504: problemSpec('With `translate`: the engine did not answer in time (`provider_timeout`).'),
  },
})
