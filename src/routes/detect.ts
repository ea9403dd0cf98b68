import { createRoute, z } from '@hono/zod-openapi'
import { cachedResult } from '../http/conditional'
import { cachedResultHeaders, problemResponses } from '../http/openapi'
import { createRouter } from '../http/router'
import { detectLanguage } from '../langid/detect'
import { DetectionSchema, LanguageCodeSchema, TextSchema } from './schemas'

export const DetectRequestSchema = z
  .object({
    text: TextSchema,
    hints: z
      .array(LanguageCodeSchema)
      .max(50)
      .optional()
      .openapi({ description: 'Restricts the candidates to these languages.' }),
  })
  .strict()
  .openapi('DetectRequest')

const route = createRoute({
  method: 'post',
  path: '/v1/detect',
  operationId: 'detectLanguage',
  tags: ['Language'],
  summary: 'Detect the language of a text',
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
  },
})

export const detectRoutes = createRouter().openapi(route, async (c) => {
  const { text, hints } = c.req.valid('json')
  const nfc = text.normalize('NFC')
  // Detection costs less CPU than a KV round trip, so it is not stored in KV; it still gets an
  // ETag and conditional requests.
  return cachedResult(c, {
    key: undefined,
    compute: () => detectLanguage(nfc, hints ? { hints } : {}),
    render: (detection) => detection,
  })
})
