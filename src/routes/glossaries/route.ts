/**
 * Glossary routes: list, read and export, create/replace (admin), delete (admin), and the
 * terminology check.
 *
 * Bodies of `PUT` may be TSV, CSV, TBX or JSON; every format goes through the same importer and
 * validation as the files in `glossaries/`, so a 422 names each bad row with a JSON pointer into
 * the entries model (`#/entries/3/terms/en/0`) and, for text formats, its line.
 *
 * @module
 */
import { createRoute, z } from '@hono/zod-openapi'
import { etag } from 'hono/etag'
import { adminAuth } from '../../http/admin-auth'
import { problemResponses, problemSpec } from '../../http/openapi'
import { GlossaryIdParamsSchema } from '../schemas'
import {
  adminSecurity,
  CheckRequestSchema,
  CheckResponseSchema,
  etagHeader,
  GlossarySchema,
  GlossarySummarySchema,
  GlossaryUploadSchema,
  textBody,
  WrittenSchema,
} from './schemas'

export const listRoute = createRoute({
  method: 'get',
  path: '/v1/glossaries',
  operationId: 'listGlossaries',
  // A strong ETag of the body and 304 on If-None-Match (Hono's etag middleware).
  middleware: [etag()] as const,
  tags: ['Glossaries'],
  summary: 'Every glossary, bundled and managed',
  responses: {
    200: {
      description: 'Bundled glossaries first, then API glossaries, each in id order.',
      content: {
        'application/json': {
          schema: z.object({ glossaries: z.array(GlossarySummarySchema) }).openapi('GlossaryList'),
        },
      },
    },
    304: { description: 'Not modified (If-None-Match matched).' },
    ...problemResponses,
  },
})

export const getRoute = createRoute({
  method: 'get',
  path: '/v1/glossaries/{id}',
  operationId: 'getGlossary',
  // The handler sets the version as ETag; the middleware answers If-None-Match with 304.
  middleware: [etag()] as const,
  tags: ['Glossaries'],
  summary: 'One glossary, as JSON or exported as TSV, CSV or TBX',
  request: {
    params: GlossaryIdParamsSchema,
    query: z.object({
      format: z.enum(['json', 'tsv', 'csv', 'tbx']).default('json').openapi({
        description: 'TSV uses the syntax of `glossaries/*.tsv`; TBX is TBX-Basic v3.',
      }),
    }),
  },
  responses: {
    200: {
      description: 'The glossary. `ETag` is its version (plus the format for exports).',
      headers: etagHeader,
      content: {
        'application/json': { schema: GlossarySchema },
        'text/tab-separated-values': textBody('TSV, as in the repository files.'),
        'text/csv': textBody('CSV (RFC 4180), same columns and cells as TSV.'),
        'application/x-tbx': textBody('TBX-Basic (ISO 30042) XML.'),
      },
    },
    304: { description: 'Not modified (If-None-Match matched).' },
    ...problemResponses,
  },
})

export const putRoute = createRoute({
  method: 'put',
  path: '/v1/glossaries/{id}',
  operationId: 'putGlossary',
  tags: ['Glossaries'],
  summary: 'Create or replace a glossary (admin)',
  description:
    'The body is TSV, CSV, TBX or JSON (by `Content-Type`), validated like the repository files. `If-Match: "<version>"` makes the write conditional. Bundled glossaries are read-only.',
  security: adminSecurity,
  // Authentication before validation: no token, no hint about what a valid request looks like.
  middleware: [adminAuth()] as const,
  request: {
    params: GlossaryIdParamsSchema,
    headers: z.object({
      'if-match': z
        .string()
        .optional()
        .openapi({ description: 'Write only if the current version matches.' }),
    }),
    body: {
      // A body is needed, but `required: true` would make zod-openapi parse every body as JSON;
      // non-JSON bodies are read and validated by the handler.
      required: false,
      description: 'The glossary (required), in the format its Content-Type names.',
      content: {
        'application/json': { schema: GlossaryUploadSchema },
        'text/tab-separated-values': textBody('TSV in the syntax of glossaries/README.md.'),
        'text/csv': textBody('CSV with the same columns and cell syntax.'),
        'application/x-tbx': textBody('TBX v3 or v2 XML, without DOCTYPE.'),
        'application/xml': textBody('TBX, as generic XML.'),
        'text/xml': textBody('TBX, as generic XML.'),
      },
    },
  },
  responses: {
    200: {
      description: 'Replaced.',
      headers: etagHeader,
      content: { 'application/json': { schema: WrittenSchema } },
    },
    201: {
      description: 'Created.',
      headers: etagHeader,
      content: { 'application/json': { schema: WrittenSchema } },
    },
    401: problemSpec('Missing or wrong admin token.'),
    409: problemSpec('The glossary is bundled, hence read-only.'),
    412: problemSpec('`If-Match` does not match the current version.'),
    ...problemResponses,
  },
})

export const deleteRoute = createRoute({
  method: 'delete',
  path: '/v1/glossaries/{id}',
  operationId: 'deleteGlossary',
  tags: ['Glossaries'],
  summary: 'Delete a glossary (admin)',
  security: adminSecurity,
  // Authentication before validation: no token, no hint about what a valid request looks like.
  middleware: [adminAuth()] as const,
  request: {
    params: GlossaryIdParamsSchema,
    headers: z.object({ 'if-match': z.string().optional() }),
  },
  responses: {
    204: { description: 'Deleted.' },
    401: problemSpec('Missing or wrong admin token.'),
    409: problemSpec('The glossary is bundled, hence read-only.'),
    412: problemSpec('`If-Match` does not match the current version.'),
    ...problemResponses,
  },
})

export const checkRoute = createRoute({
  method: 'post',
  path: '/v1/glossaries/{id}/check',
  operationId: 'checkTerminology',
  tags: ['Glossaries'],
  summary: 'Terminology QA: variants and forbidden terms in a text',
  request: {
    params: GlossaryIdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: CheckRequestSchema } } },
  },
  responses: {
    200: {
      description: 'Every variant and forbidden term, in text order.',
      content: { 'application/json': { schema: CheckResponseSchema } },
    },
    ...problemResponses,
  },
})
