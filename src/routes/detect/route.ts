import { createRoute, z } from '@hono/zod-openapi'
import { requireScope } from '../../http/access'
import { cachedResultHeaders, problemResponses, problemSpec } from '../../http/openapi'
import { DetectionSchema, FormatSchema, LanguageCodeSchema, TextSchema } from '../schemas'

export const DetectRequestSchema = z
  .object({
    text: TextSchema,
    format: FormatSchema,
    hints: z
      .array(LanguageCodeSchema)
      .max(50)
      .optional()
      .openapi({ description: 'Restricts the candidates to these languages.' }),
  })
  .strict()
  .openapi('DetectRequest')

export const detectRoute = createRoute({
  method: 'post',
  path: '/v1/detect',
  operationId: 'detectLanguage',
  tags: ['Language'],
  summary: 'Detect the language of a text',
  security: [{ apiKey: [] }],
  middleware: [requireScope('detect', 'detect')] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: DetectRequestSchema } } },
  },
  responses: {
    200: {
      description: 'The detected language, its confidence and the runners-up.',
      headers: cachedResultHeaders,
      content: { 'application/json': { schema: DetectionSchema } },
    },
    304: { description: 'Not modified (If-None-Match matched).' },
    ...problemResponses,
    422: problemSpec(
      '`invalid_request` (schema; `errors` names each field) or `no_text` (`#/text`: markup without readable text).'
    ),
  },
})
