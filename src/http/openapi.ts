/**
 * Shared OpenAPI pieces: the problem schema and the error responses every route declares.
 *
 * @module
 */
import { z } from '@hono/zod-openapi'

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://api.example.com/problems/invalid-request' }),
    title: z.string().openapi({ example: 'Invalid request' }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string(),
    code: z
      .string()
      .openapi({ description: 'Stable machine-readable code.', example: 'invalid_request' }),
    instance: z.string().openapi({ example: '/v1/summarize' }),
    requestId: z.string(),
    errors: z
      .array(
        z.object({
          pointer: z
            .string()
            .openapi({ description: 'JSON pointer into the request body.', example: '#/text' }),
          message: z.string(),
        })
      )
      .optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem', { description: 'RFC 9457 problem details.' })

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
})

/** Error responses shared by every JSON route; spread into `responses`. */
export const problemResponses = {
  400: problem('Malformed JSON.'),
  404: problem('Not found.'),
  405: problem('Method not allowed.'),
  413: problem('Request body over the size limit.'),
  415: problem('Body is not application/json.'),
  422: problem('The body does not match the schema; `errors` names each field.'),
  500: problem('Unexpected server error.'),
} as const

/** The OpenAPI entry of a route-specific problem status (the renderer is `problemResponse` in problem.ts). */
export const problemSpec = problem

/** Response headers of cacheable results. */
export const cachedResultHeaders = z.object({
  ETag: z.string().openapi({ description: 'Strong validator of the representation.' }),
  'X-Cache': z
    .enum(['HIT', 'MISS'])
    .optional()
    .openapi({ description: 'Whether the result came from the KV cache.' }),
  'Cache-Control': z.string(),
  'X-Request-Id': z.string(),
})
