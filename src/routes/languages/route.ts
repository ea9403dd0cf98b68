import { createRoute, z } from '@hono/zod-openapi'
import { problemResponses, problemSpec } from '../../http/openapi'
import { PROVIDER_NAMES } from '../../translate/engines'

const PairSchema = z.object({ source: z.string(), target: z.string() }).openapi('LanguagePair')

const ProviderLanguagesSchema = z
  .object({
    name: z.enum(PROVIDER_NAMES),
    default: z.boolean().openapi({ description: 'Used when a request names no provider.' }),
    available: z.boolean().openapi({ description: 'Whether the engine answered just now.' }),
    sources: z.array(z.string()).optional(),
    targets: z.array(z.string()).optional(),
    pairs: z.array(PairSchema).optional().openapi({
      description:
        'The directed pairs. Absent for a many-to-many model (Workers AI): every source into every other target.',
    }),
    error: z
      .object({ code: z.string(), status: z.number().int(), detail: z.string() })
      .optional()
      .openapi({
        description: 'Why the engine is not available (only when `available` is false).',
      }),
  })
  .openapi('ProviderLanguages')

const LanguagesResponseSchema = z
  .object({
    defaultProvider: z.enum(PROVIDER_NAMES),
    providers: z.array(ProviderLanguagesSchema),
  })
  .openapi('LanguagesResponse')

export const languagesRoute = createRoute({
  method: 'get',
  path: '/v1/languages',
  operationId: 'listLanguages',
  tags: ['Translation'],
  summary: 'Language pairs of each configured translation engine',
  description:
    'Asks every configured engine (APy `/listPairs`, the M2M-100 list, DeepL `/v2/languages`) concurrently. An engine that is down is listed with `available: false` and its `error`; the answer is 200 as long as one engine answered, and a problem only when none did.',
  request: {
    query: z.object({
      provider: z.enum(PROVIDER_NAMES).optional().openapi({ description: 'Only this engine.' }),
    }),
  },
  responses: {
    200: {
      description: 'Every configured engine, in a fixed order.',
      content: { 'application/json': { schema: LanguagesResponseSchema } },
    },
    ...problemResponses,
    422: problemSpec('`provider_not_configured`, or an unknown `provider`.'),
    502: problemSpec('No engine answered (`provider_unavailable`); `providers` has each error.'),
    504: problemSpec('No engine answered in time (`provider_timeout`).'),
  },
})
