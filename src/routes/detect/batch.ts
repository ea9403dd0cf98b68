/**
 * `POST /v1/detect` with `items`: the envelope schema (either `text` or `items`), the batch
 * answer, and the handler that runs each item through `detectText` like a single request.
 *
 * @module
 */
import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../http/env'
import { jsonWithEtag, resultCacheControl } from '../../http/etag'
import { detectText } from '../../usecases/detect'
import { batchItemsSchema, batchResponseSchema, runBatch, textOrItems } from '../batch'
import { ContentTextSchema, DetectionSchema, FormatSchema, LanguageCodeSchema } from '../schemas'

/** One text to detect: what each item must be once the request's fields are applied. */
export const DetectRequestSchema = z
  .object({
    text: ContentTextSchema,
    format: FormatSchema,
    hints: z
      .array(LanguageCodeSchema)
      .max(50)
      .optional()
      .openapi({ description: 'Restricts the candidates to these languages.' }),
  })
  .strict()

/** The route's body: a single request, or the same fields as defaults for `items`. */
export const DetectRouteBodySchema = DetectRequestSchema.extend({
  text: ContentTextSchema.optional().openapi({ description: 'The text; or send `items`.' }),
  items: batchItemsSchema('DetectItem', '`format`, `hints`'),
})
  .superRefine(textOrItems)
  .openapi('DetectRequest')

export const DetectBatchResponseSchema = batchResponseSchema('DetectBatch', DetectionSchema)

/** Answers `{ results }`, one per item in order; 200 whenever the envelope was valid. */
export async function detectBatch(
  c: Context<AppEnv>,
  body: z.output<typeof DetectRouteBodySchema>
): Promise<Response> {
  const { items = [], text: _text, ...request } = body
  const { results } = await runBatch(c, request, items, DetectRequestSchema, async (input) => ({
    value: detectText({
      text: input.text,
      format: input.format,
      ...(input.hints ? { hints: input.hints } : {}),
    }),
  }))
  // Detection is readonly; the shape is DetectBatchResponseSchema.
  return jsonWithEtag(
    c,
    { results },
    {
      'Cache-Control': resultCacheControl(c.var.services.config.cacheTtlSeconds),
    }
  )
}
