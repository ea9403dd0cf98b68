/**
 * `POST /v1/summarize` with `items`: the envelope schema (either `text` or `items`), the batch
 * answer, and the handler that runs each item through `summarizeArticle` like a single request.
 *
 * @module
 */
import type { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { cacheDirectives } from '../../http/cache-directives'
import type { AppEnv } from '../../http/env'
import { jsonWithEtag, resultCacheControl } from '../../http/etag'
import type { CacheDirectives } from '../../usecases/deps'
import { type SummarizeInput, summarizeArticle } from '../../usecases/summarize'
import {
  batchCacheStatus,
  batchItemsSchema,
  batchResponseSchema,
  runBatch,
  textOrItems,
} from '../batch'
import { ContentTextSchema } from '../schemas'
import { SummarizeRequestSchema, SummarizeResponseSchema } from './schemas'

/** The route's body: a single request, or the same fields as defaults for `items`. */
export const SummarizeRouteBodySchema = SummarizeRequestSchema.extend({
  text: ContentTextSchema.optional().openapi({ description: 'The article; or send `items`.' }),
  items: batchItemsSchema(
    'SummarizeItem',
    '`title`, `format`, `offsetUnit`, `sortBy`, `language`, `lengths`, `glossary`, `translate`, `provider`'
  ),
})
  .superRefine(textOrItems)
  .openapi('SummarizeRequest')

export const SummarizeBatchResponseSchema = batchResponseSchema(
  'SummarizeBatch',
  SummarizeResponseSchema
)

type SingleRequest = z.output<typeof SummarizeRequestSchema>

/** A validated single request as the use case's input. */
export function summarizeInput(body: SingleRequest, cache: CacheDirectives): SummarizeInput {
  return {
    text: body.text,
    format: body.format,
    offsetUnit: body.offsetUnit,
    sortBy: body.sortBy,
    language: body.language,
    lengths: body.lengths,
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.glossary !== undefined ? { glossary: body.glossary } : {}),
    ...(body.translate !== undefined ? { translate: body.translate } : {}),
    ...(body.provider !== undefined ? { provider: body.provider } : {}),
    cache,
  }
}

/** Answers `{ results }`, one per item in order; 200 whenever the envelope was valid. */
export async function summarizeBatch(
  c: Context<AppEnv>,
  body: z.output<typeof SummarizeRouteBodySchema>
): Promise<Response> {
  const { items = [], text: _text, ...request } = body
  const cache = cacheDirectives(c)
  const { results, hits } = await runBatch(c, request, items, SummarizeRequestSchema, (input) =>
    summarizeArticle(c.var.services, summarizeInput(input, cache))
  )
  return jsonWithEtag(c, { results } satisfies z.input<typeof SummarizeBatchResponseSchema>, {
    'Cache-Control': resultCacheControl(c.var.services.config.cacheTtlSeconds),
    'X-Cache': batchCacheStatus(hits, items.length),
  })
}
