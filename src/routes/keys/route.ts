/**
 * `/v1/keys`: API key management, for the operator (`ADMIN_TOKEN`) only.
 *
 * @module
 */
import { createRoute, z } from '@hono/zod-openapi'
import { CreateKeySchema } from '../../access/record'
import { SCOPES } from '../../access/scopes'
import { requireOperator } from '../../http/access'
import { problemResponses, problemSpec } from '../../http/openapi'

const operatorSecurity = [{ adminToken: [] }]

export const KeySchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    name: z.string(),
    kind: z.enum(['secret', 'publishable']),
    scopes: z.array(z.enum(SCOPES)),
    origins: z.array(z.string()),
    rateLimit: z.object({ requests: z.number(), period: z.number() }).nullable(),
    monthlyCharacters: z.number().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey')

const unauthorized = {
  401: problemSpec('No operator token.'),
  403: problemSpec('An API key, not the operator token (`insufficient_scope`, scope `admin`).'),
}

export const createKeyRoute = createRoute({
  method: 'post',
  path: '/v1/keys',
  operationId: 'createKey',
  tags: ['Access'],
  summary: 'Create an API key (operator)',
  description:
    'The answer is the only time `key` is shown: only its SHA-256 is stored. Publishable keys (`pk_…`) may hold only `detect` and `summarize` and need `origins`.',
  security: operatorSecurity,
  middleware: [requireOperator()] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateKeySchema } } },
  },
  responses: {
    201: {
      description: 'Created.',
      content: {
        'application/json': {
          schema: KeySchema.extend({ key: z.string() }).openapi('CreatedApiKey'),
        },
      },
    },
    ...unauthorized,
    ...problemResponses,
  },
})

export const listKeysRoute = createRoute({
  method: 'get',
  path: '/v1/keys',
  operationId: 'listKeys',
  tags: ['Access'],
  summary: 'List API keys (operator), never the keys or their hashes',
  security: operatorSecurity,
  middleware: [requireOperator()] as const,
  request: {
    query: z.object({
      tenant: z.string().optional().openapi({ description: 'Only this tenant’s keys.' }),
    }),
  },
  responses: {
    200: {
      description: 'Keys, oldest first, revoked ones included (with `revokedAt`).',
      content: { 'application/json': { schema: z.object({ keys: z.array(KeySchema) }) } },
    },
    ...unauthorized,
    ...problemResponses,
  },
})

export const revokeKeyRoute = createRoute({
  method: 'delete',
  path: '/v1/keys/{id}',
  operationId: 'revokeKey',
  tags: ['Access'],
  summary: 'Revoke an API key (operator)',
  description:
    'Takes effect at once in the location that revoked it and within KV’s propagation delay (about 60 s) elsewhere.',
  security: operatorSecurity,
  middleware: [requireOperator()] as const,
  request: { params: z.object({ id: z.string() }) },
  responses: {
    204: { description: 'Revoked.' },
    ...unauthorized,
    ...problemResponses,
  },
})
