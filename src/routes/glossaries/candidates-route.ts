/**
 * Term discovery beside a glossary: what the texts name that the glossary lacks. Its own file so
 * each route file stays short.
 *
 * @module
 */
import { createRoute, z } from '@hono/zod-openapi'
import { requireScope } from '../../http/access'
import { problemResponses } from '../../http/openapi'
import { GlossaryIdParamsSchema } from '../schemas'
import { CandidatesRequestSchema, CandidatesResponseSchema, textBody } from './schemas'

export const candidatesRoute = createRoute({
  method: 'post',
  path: '/v1/glossaries/{id}/candidates',
  operationId: 'glossaryCandidates',
  tags: ['Glossaries'],
  summary: 'Term discovery: names, acronyms and currencies the glossary lacks',
  description:
    'Finds in the texts multi-word proper names and organisations, people, places, acronyms and currencies that are not in the glossary, each with a count, the texts it is in and an example offset, and groups likely variant spellings across the texts (Tokayev/Tokaev, Centre/Center). `?format=tsv` answers with rows in the syntax of `glossaries/*.tsv`, ready to paste. Rule-based, for English, French, Spanish, German and Russian.',
  security: [{ apiKey: [] }],
  middleware: [requireScope('glossaries:read')] as const,
  request: {
    params: GlossaryIdParamsSchema,
    query: z.object({
      format: z.enum(['json', 'tsv']).default('json'),
    }),
    body: {
      required: true,
      content: { 'application/json': { schema: CandidatesRequestSchema } },
    },
  },
  responses: {
    200: {
      description: 'The candidates, most frequent first, and the variant groups.',
      content: {
        'application/json': { schema: CandidatesResponseSchema },
        'text/tab-separated-values': textBody('One row per name, variant spellings in one cell.'),
      },
    },
    ...problemResponses,
  },
})
