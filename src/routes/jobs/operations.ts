/**
 * What a job does with one item, per operation: the single-request route's own schema, use case
 * and answer (so a job's `body` is exactly what that route would answer, from the same cache).
 *
 * @module
 */
import { z } from '@hono/zod-openapi'
import type { Scope } from '../../access/scopes'
import { ApiError } from '../../http/problem'
import type { JobOperation } from '../../jobs/model'
import type { Services } from '../../services'
import { USE_CACHE } from '../../usecases/deps'
import { detectText } from '../../usecases/detect'
import { checkGlossaryTerms } from '../../usecases/glossaries'
import { summarizeArticle } from '../../usecases/summarize'
import { DetectRequestSchema } from '../detect/batch'
import { CheckRequestSchema } from '../glossaries/schemas'
import { GlossaryIdSchema } from '../schemas'
import { summarizeInput } from '../summarize/batch'
import { SummarizeRequestSchema } from '../summarize/schemas'
import { translateResponse } from '../translate/handler'
import { TranslateRequestSchema } from '../translate/schemas'

/** How one item is run: its schema (request fields + item overrides) and the use case. */
export type ItemRunner = {
  readonly schema: z.ZodType
  /** `mayTranslate`: whether the submitter held the `translate` scope. */
  run(
    services: Services,
    input: unknown,
    mayTranslate: boolean
  ): Promise<{ value: unknown; hit?: boolean }>
}

/** `check` names its glossary in the body (the single route has it in the path). */
export const JobCheckItemSchema = CheckRequestSchema.extend({
  glossary: GlossaryIdSchema.openapi({ description: 'The glossary to check against.' }),
})

/** The scope each operation needs: the same as its single-request route. */
export const OPERATION_SCOPES: Readonly<Record<JobOperation, Scope>> = {
  summarize: 'summarize',
  detect: 'detect',
  translate: 'translate',
  check: 'glossaries:read',
}

type SummarizeItem = z.output<typeof SummarizeRequestSchema>
type DetectItem = z.output<typeof DetectRequestSchema>
type TranslateItem = z.output<typeof TranslateRequestSchema>
type CheckItem = z.output<typeof JobCheckItemSchema>

export const ITEM_RUNNERS: Readonly<Record<JobOperation, ItemRunner>> = {
  summarize: {
    schema: SummarizeRequestSchema,
    async run(services, input, mayTranslate) {
      const item = input as SummarizeItem
      if (item.translate != null && !mayTranslate) {
        throw new ApiError(
          'insufficient_scope',
          'Summaries with `translate` need the translate scope, which the submitting key lacks.',
          { extensions: { scope: 'translate' } }
        )
      }
      return summarizeArticle(services, summarizeInput(item, USE_CACHE))
    },
  },
  detect: {
    schema: DetectRequestSchema,
    async run(_services, input) {
      const item = input as DetectItem
      return {
        value: detectText({
          text: item.text,
          format: item.format,
          ...(item.hints ? { hints: item.hints } : {}),
        }),
      }
    },
  },
  translate: {
    schema: TranslateRequestSchema,
    async run(services, input) {
      const { value, hits, total } = await translateResponse(
        services,
        input as TranslateItem,
        USE_CACHE
      )
      return { value, hit: hits === total }
    },
  },
  check: {
    schema: JobCheckItemSchema,
    async run(services, input) {
      const { glossary, ...body } = input as CheckItem
      return { value: await checkGlossaryTerms(services, glossary, body) }
    },
  },
}

/** Codes of failures that may pass: the item is retried (its whole chunk is redelivered). */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'provider_unavailable',
  'provider_timeout',
  'provider_rate_limited',
  'storage_unavailable',
])

export const JobOperationSchema = z.enum(['summarize', 'detect', 'translate', 'check'])
