/**
 * Batch requests of the text routes: `items: [{ id?, text, …overrides }]` instead of `text`.
 * Each item is the request's own fields with its overrides applied, validated by the route's
 * single-request schema and run through the same use case (so the same cache), one at a time:
 * a bad item gets its own problem document and never fails the others.
 *
 * @module
 */
import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../http/env'
import { ProblemSchema } from '../http/openapi'
import {
  ApiError,
  type Problem,
  type ProblemPlace,
  problemDocumentAt,
  problemPlace,
  toApiError,
} from '../http/problem'
import { fieldErrors } from '../http/validation'
import type { Logger } from '../usecases/ports'

/** Most items of one batch request (the body limit applies too). */
export const MAX_BATCH_ITEMS = 50

/**
 * One item as the envelope sees it: only `id` is checked here. Everything else is checked per
 * item against the single-request schema, so that a bad item cannot refuse the whole batch.
 */
export function batchItemsSchema(name: string, fields: string) {
  const item = z
    .looseObject({
      id: z.string().min(1).max(256).optional().openapi({
        description: 'Echoed in the result. Default: the item’s index as a string ("0", "1", …).',
      }),
      text: z.unknown().optional().openapi({ type: 'string', description: 'Required per item.' }),
    })
    .openapi(name, {
      description: `\`text\` plus, as overrides of the request's own fields, any of: ${fields}. Checked per item: a bad item gets its own problem in \`results\`.`,
    })
  return z
    .array(item)
    .min(1)
    .max(MAX_BATCH_ITEMS)
    .optional()
    .openapi({
      description: `1–${MAX_BATCH_ITEMS} texts in one call, instead of \`text\`; answered as \`{ results }\` in this order.`,
    })
}

/** `text` and `items` are mutually exclusive and one of them is required. */
export function textOrItems(body: { text?: unknown; items?: unknown }, ctx: z.RefinementCtx): void {
  const hasText = body.text !== undefined
  const hasItems = body.items !== undefined
  if (hasText && hasItems) {
    ctx.addIssue({
      code: 'custom',
      path: ['items'],
      message: 'send either text or items, not both',
    })
  } else if (!hasText && !hasItems) {
    ctx.addIssue({ code: 'custom', path: ['text'], message: 'required (or send items)' })
  }
}

/** The batch answer's schema around one item's success body. */
export function batchResponseSchema<T extends z.ZodType>(name: string, body: T) {
  const result = z
    .object({
      id: z.string(),
      status: z.number().int().openapi({ description: 'What the single request would answer.' }),
      body: body.optional().openapi({ description: 'When `status` is 200.' }),
      // No description here: on a registered schema it would replace the `Problem` component's.
      problem: ProblemSchema.optional(),
    })
    .openapi(`${name}Result`, {
      description:
        '`body` when `status` is 200; otherwise `problem`: the problem the single request would answer, pointers into `items`.',
    })
  return z.object({ results: z.array(result) }).openapi(`${name}Response`)
}

export type BatchResult<T> =
  | { id: string; status: 200; body: T }
  | { id: string; status: number; problem: Problem }

export type BatchItem = { readonly id?: string | undefined } & Record<string, unknown>

/**
 * A pointer of an item's problem, made absolute: fields the item sent (and `text`, always the
 * item's) point into `#/items/{i}`; a field it inherited keeps pointing at the request's.
 */
function relocate(pointer: string, index: number, sent: ReadonlySet<string>): string {
  const rest = pointer.replace(/^#\/?/, '')
  const head = rest.split('/')[0] ?? ''
  if (rest !== '' && head !== 'text' && !sent.has(head)) return pointer
  return rest === '' ? `#/items/${index}` : `#/items/${index}/${rest}`
}

function itemProblem(place: ProblemPlace, error: ApiError, index: number, sent: Set<string>) {
  const errors = error.options.errors?.map((e) => ({
    ...e,
    pointer: relocate(e.pointer, index, sent),
  }))
  const placed = new ApiError(error.code, error.detail, {
    ...error.options,
    ...(errors ? { errors } : {}),
  })
  return problemDocumentAt(place, placed)
}

/** One item's answer, with the error behind a problem (a job retries the transient ones). */
export type ItemOutcome<T> = {
  readonly result: BatchResult<T>
  readonly hit: boolean
  readonly error?: ApiError
}

/**
 * Runs one item: the request's fields with the item's overrides, validated by the single
 * request's `schema`, then `run`. Never throws: a failure is the item's problem document.
 */
export async function runItem<S extends z.ZodType, T>(
  where: { readonly place: ProblemPlace; readonly log: Logger },
  request: Record<string, unknown>,
  item: BatchItem,
  index: number,
  schema: S,
  run: (input: z.output<S>) => Promise<{ value: T; hit?: boolean }>
): Promise<ItemOutcome<T>> {
  const { id = String(index), ...overrides } = item
  const sent = new Set(Object.keys(overrides))
  const parsed = schema.safeParse({ ...request, ...overrides })
  let error: ApiError
  if (parsed.success) {
    try {
      const { value, hit } = await run(parsed.data)
      return { result: { id, status: 200, body: value }, hit: hit === true }
    } catch (thrown) {
      error = toApiError(thrown)
      if (error.code === 'internal_error') {
        where.log('batch_item_failed', { index, error: String(thrown) })
      }
    }
  } else {
    const errors = fieldErrors(parsed.error).map((e) => ({
      ...e,
      pointer: relocate(e.pointer, index, sent),
    }))
    const fields = [...new Set(errors.map((e) => e.pointer))].join(', ')
    error = new ApiError(
      'invalid_request',
      `Item ${index} does not match the schema (${fields}).`,
      {
        errors,
      }
    )
  }
  return {
    result: { id, status: error.status, problem: itemProblem(where.place, error, index, sent) },
    hit: false,
    error,
  }
}

/**
 * Runs every item in order. Items are sequential: the use cases are CPU-bound (translation
 * aside), and one at a time keeps memory at one article's worth.
 */
export async function runBatch<S extends z.ZodType, T>(
  c: Context<AppEnv>,
  request: Record<string, unknown>,
  items: readonly BatchItem[],
  schema: S,
  run: (input: z.output<S>) => Promise<{ value: T; hit?: boolean }>
): Promise<{ results: BatchResult<T>[]; hits: number }> {
  const where = { place: problemPlace(c), log: c.var.services.log }
  const results: BatchResult<T>[] = []
  let hits = 0
  for (const [index, item] of items.entries()) {
    const { result, hit } = await runItem(where, request, item, index, schema, run)
    if (hit) hits++
    results.push(result)
  }
  return { results, hits }
}

/** `X-Cache` of a batch: HIT when every item came from the cache, PARTIAL when some did. */
export function batchCacheStatus(hits: number, total: number): string {
  return hits === 0 ? 'MISS' : hits === total ? 'HIT' : 'PARTIAL'
}
