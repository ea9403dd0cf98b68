import { z } from '@hono/zod-openapi'
import {
  JOB_OPERATIONS,
  JOB_STATUSES,
  MAX_JSON_JOB_ITEMS,
  MAX_NDJSON_JOB_BYTES,
} from '../../jobs/model'

/** Longest `callbackUrl`. */
const MAX_CALLBACK_URL = 2048

export const JobItemSchema = z
  .looseObject({
    id: z.string().min(1).max(256).optional().openapi({
      description: 'Echoed in the item’s result. Default: the item’s index as a string.',
    }),
  })
  .openapi('JobItem', {
    description:
      '`text` plus, as overrides of `defaults`, any field of the operation’s single request. Checked when the item runs: a bad item ends failed with its problem and never fails the job.',
  })

/** Everything of a job but its items (the first line of an NDJSON upload). */
export const JobEnvelopeSchema = z
  .object({
    operation: z.enum(JOB_OPERATIONS).openapi({
      description:
        'The single-request route each item goes through: `summarize`, `detect`, `translate` or `check` (`POST /v1/glossaries/{glossary}/check`, the glossary named per item or in `defaults`).',
    }),
    defaults: z
      .record(z.string(), z.unknown())
      .default({})
      .openapi({ description: 'Request fields every item inherits (an item’s own win).' }),
    callbackUrl: z
      .url({ protocol: /^https?$/ })
      .max(MAX_CALLBACK_URL)
      .optional()
      .openapi({
        description:
          'POSTed the job document when the job ends, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the `webhookSecret` of the 202 answer; retried on failure.',
      }),
  })
  .strict()

export const JobRequestSchema = JobEnvelopeSchema.extend({
  items: z
    .array(JobItemSchema)
    .min(1)
    .max(MAX_JSON_JOB_ITEMS)
    .openapi({
      description: `1–${MAX_JSON_JOB_ITEMS} items; larger jobs are uploaded as NDJSON (up to ${MAX_NDJSON_JOB_BYTES / 1024 / 1024} MB).`,
    }),
})
  .strict()
  .openapi('JobRequest')

export const JobSchema = z
  .object({
    id: z.string().openapi({ example: 'job_3f0c2a9e5b7d41c8a6e2f1d0b9c8a7e6' }),
    operation: z.enum(JOB_OPERATIONS),
    status: z.enum(JOB_STATUSES),
    progress: z.object({
      total: z.number().int(),
      done: z.number().int().openapi({ description: 'Items finished, failed ones included.' }),
      failed: z.number().int().openapi({ description: 'Items among `done` that ended failed.' }),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
    expiresAt: z
      .string()
      .openapi({ description: 'When the job and its results are deleted (`JOB_TTL_SECONDS`).' }),
    callbackUrl: z.string().optional(),
  })
  .openapi('Job')

export const CreatedJobSchema = JobSchema.extend({
  webhookSecret: z.string().optional().openapi({
    description:
      'With `callbackUrl` only: the `whsec_…` secret the callback is signed with. Shown in this answer only (and when the same `Idempotency-Key` and payload are sent again).',
  }),
}).openapi('CreatedJob')

export const JobIdParamsSchema = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'job_3f0c…' }),
})

export const ResultsQuerySchema = z.object({
  cursor: z
    .string()
    .optional()
    .openapi({
      param: { name: 'cursor', in: 'query' },
      description: 'From the `Link: rel="next"` of the previous page.',
    }),
})

export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({
      // The key is the header's name as Hono reads it (lower case); the document's parameter name
      // must be the same string or the generator refuses the document (HTTP matches any case).
      param: { name: 'idempotency-key', in: 'header' },
      description:
        'The same key and payload return the same job; the same key with another payload is a 422.',
    }),
})
