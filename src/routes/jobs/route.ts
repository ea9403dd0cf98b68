/**
 * Background jobs: many items through one operation, processed by the queue consumer.
 *
 * @module
 */
import { createRoute, z } from '@hono/zod-openapi'
import { problemResponses, problemSpec } from '../../http/openapi'
import { RESULTS_PAGE_LINES } from '../../jobs/model'
import {
  CreatedJobSchema,
  IdempotencyHeaderSchema,
  JobIdParamsSchema,
  JobRequestSchema,
  JobSchema,
  ResultsQuerySchema,
} from './schemas'

const jobHeaders = z.object({
  Location: z.string().openapi({ description: '`/v1/jobs/{id}`.' }),
  'Retry-After': z.string().openapi({ description: 'Seconds until polling is worth it.' }),
})

const notFound = problemSpec(
  '`not_found`: no such job for the caller’s tenant (another tenant’s job looks the same).'
)

export const createJobRoute = createRoute({
  method: 'post',
  path: '/v1/jobs',
  operationId: 'createJob',
  tags: ['Jobs'],
  summary: 'Submit a background job',
  description:
    'JSON (`application/json`, `items` inline) or NDJSON (`application/x-ndjson`: the first line is `{ operation, defaults?, callbackUrl? }`, every next line one item). Needs the scope of the operation’s route. The items are stored and queued; poll `Location` or wait for the callback.',
  security: [{ apiKey: [] }],
  request: {
    headers: IdempotencyHeaderSchema,
    body: {
      // Not `required`: zod-openapi then validates only JSON bodies, and the NDJSON stream reaches
      // the handler unread (the handler refuses a missing body itself).
      required: false,
      content: {
        'application/json': { schema: JobRequestSchema },
        'application/x-ndjson': {
          schema: z.string().openapi({
            description: 'Line 1: `{ operation, defaults?, callbackUrl? }`; then one item a line.',
          }),
        },
      },
    },
  },
  responses: {
    202: {
      description: 'Accepted (or, with a repeated `Idempotency-Key`, the job it created).',
      headers: jobHeaders,
      content: { 'application/json': { schema: CreatedJobSchema } },
    },
    ...problemResponses,
    403: problemSpec('`insufficient_scope`: the key lacks the operation’s scope.'),
    413: problemSpec('Over 10 MB of JSON or 100 MB of NDJSON.'),
    422: problemSpec(
      '`invalid_request`: the envelope does not match the schema, an NDJSON line is not a JSON object (`errors[].line`), or the `Idempotency-Key` was used with another payload.'
    ),
    503: problemSpec('`storage_unavailable`: the job could not be stored or queued.'),
  },
})

export const getJobRoute = createRoute({
  method: 'get',
  path: '/v1/jobs/{id}',
  operationId: 'getJob',
  tags: ['Jobs'],
  summary: 'A job’s status and progress',
  security: [{ apiKey: [] }],
  request: { params: JobIdParamsSchema },
  responses: {
    200: {
      description: 'The job; `Retry-After` while it runs.',
      content: { 'application/json': { schema: JobSchema } },
    },
    ...problemResponses,
    404: notFound,
  },
})

export const jobResultsRoute = createRoute({
  method: 'get',
  path: '/v1/jobs/{id}/results',
  operationId: 'getJobResults',
  tags: ['Jobs'],
  summary: 'A job’s results, NDJSON in item order',
  description: `One line per item, \`{ id, status, body | problem }\`, \`body\` exactly what the single-request route answers. Pages of ${RESULTS_PAGE_LINES} lines, the next linked by \`Link: <…?cursor=…>; rel="next"\`. While the job runs, a page ends at the first item not yet done (follow the link later).`,
  security: [{ apiKey: [] }],
  request: { params: JobIdParamsSchema, query: ResultsQuerySchema },
  responses: {
    200: {
      description: 'NDJSON result lines.',
      content: { 'application/x-ndjson': { schema: z.string() } },
    },
    ...problemResponses,
    404: notFound,
  },
})

export const cancelJobRoute = createRoute({
  method: 'delete',
  path: '/v1/jobs/{id}',
  operationId: 'cancelJob',
  tags: ['Jobs'],
  summary: 'Cancel a job',
  description:
    'Items not started are dropped and the job ends `cancelled`; a job that has ended is left as it is. Results of finished items stay readable.',
  security: [{ apiKey: [] }],
  request: { params: JobIdParamsSchema },
  responses: {
    200: { description: 'The job.', content: { 'application/json': { schema: JobSchema } } },
    ...problemResponses,
    404: notFound,
  },
})
