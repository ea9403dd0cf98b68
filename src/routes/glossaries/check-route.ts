/**
 * Terminology QA against a glossary: variants and forbidden terms in a text, with offsets.
 *
 * @module
 */
import { createRoute } from '@hono/zod-openapi'
import { requireScope } from '../../http/access'
import { problemResponses, problemSpec } from '../../http/openapi'
import { GlossaryIdParamsSchema } from '../schemas'
import { CheckRequestSchema, CheckResponseSchema } from './schemas'

export const checkRoute = createRoute({
  method: 'post',
  path: '/v1/glossaries/{id}/check',
  operationId: 'checkTerminology',
  tags: ['Glossaries'],
  summary: 'Terminology QA: variants and forbidden terms in a text',
  security: [{ apiKey: [] }],
  middleware: [requireScope('glossaries:read')] as const,
  request: {
    params: GlossaryIdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: CheckRequestSchema } } },
  },
  responses: {
    200: {
      description: 'Every variant and forbidden term, in text order.',
      content: { 'application/json': { schema: CheckResponseSchema } },
    },
    ...problemResponses,
    422: problemSpec(
      '`invalid_request` (schema; `errors` names each field) or `no_text` (`#/text`: markup without readable text).'
    ),
  },
})
