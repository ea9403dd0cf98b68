/**
 * Glossary routes: list, read and export, create/replace, delete, and the terminology check.
 * `PUT` bodies (TSV, CSV, TBX, JSON) go through the importer and validation of `glossaries/`, so
 * a 422 names each bad row with a JSON pointer (`#/entries/3/terms/en/0`) and, in text, its line.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { etag } from 'hono/etag'
import { requireScope } from '../../http/access'
import { problemResponses, problemSpec } from '../../http/openapi'
import { GlossaryIdParamsSchema, LanguageCodeSchema } from '../schemas'
import {
  etagHeader,
  GlossarySchema,
  GlossarySummarySchema,
  GlossaryUploadSchema,
  textBody,
  WrittenSchema,
  writeSecurity,
} from './schemas'

export const listRoute = createRoute({
  method: 'get',
  path: '/v1/glossaries',
  operationId: 'listGlossaries',
  tags: ['Glossaries'],
  summary: 'Every glossary, bundled and managed',
  security: [{ apiKey: [] }],
  // Scope first; then a strong ETag of the body and 304 on If-None-Match (Hono's etag).
  middleware: [requireScope('glossaries:read'), etag()] as const,
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
  tags: ['Glossaries'],
  summary: 'One glossary, as JSON or exported as TSV, CSV, TBX or a DeepL entry list',
  security: [{ apiKey: [] }],
  // Scope first; the handler sets the version as ETag and etag() answers If-None-Match with 304.
  middleware: [requireScope('glossaries:read'), etag()] as const,
  request: {
    params: GlossaryIdParamsSchema,
    query: z.object({
      format: z
        .enum(['json', 'tsv', 'csv', 'tbx', 'tbx-v2', 'tbx-precis', 'deepl'])
        .default('json')
        .openapi({
          description:
            "TSV uses the syntax of `glossaries/*.tsv`. `tbx` is TBX-Basic v3 and `tbx-v2` TBX-Basic in TBX v2 (`martif`): both leave out flags and inflected forms, which TBX-Basic cannot carry; `tbx-precis` is the private dialect TBX-Precis that keeps them. `deepl` is a two-column TSV (no header) for DeepL's v3 glossary API, for the pair `source` → `target`.",
        }),
      source: LanguageCodeSchema.optional().openapi({
        description: 'Source language of a DeepL entry list (`format=deepl`).',
      }),
      target: LanguageCodeSchema.optional().openapi({
        description: 'Target language of a DeepL entry list (`format=deepl`).',
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
        'application/x-tbx': textBody('TBX-Basic (ISO 30042) XML, or TBX-Precis.'),
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
  summary: 'Create or replace a glossary of the caller’s tenant',
  description:
    'The body is TSV, CSV, TBX or JSON (by `Content-Type`), validated like the repository files. `If-Match: "<version>"` makes the write conditional and `If-None-Match: *` makes it a create; writes to one glossary are serialized, so of simultaneous writes with the same precondition exactly one wins. The glossary belongs to the caller’s tenant (the operator’s token writes tenant `default`). Bundled glossaries are read-only.',
  security: writeSecurity,
  // Authentication before validation: no token, no hint about what a valid request looks like.
  middleware: [requireScope('glossaries:write')] as const,
  request: {
    params: GlossaryIdParamsSchema,
    query: z.object({
      format: z.enum(['deepl', 'google']).optional().openapi({
        description:
          "Another tool's layout of a TSV or CSV body: `deepl`, an entry list (`source<TAB>target` a line, optional header naming the two languages; sources sharing a target become one concept, a second target for one source is reported in `warnings`); `google`, Google's equivalent term sets (CSV, a header row of language codes).",
      }),
      source: LanguageCodeSchema.optional().openapi({
        description: 'Source language of a DeepL entry list without a header row.',
      }),
      target: LanguageCodeSchema.optional().openapi({
        description: 'Target language of a DeepL entry list without a header row.',
      }),
    }),
    headers: z.object({
      'if-match': z
        .string()
        .optional()
        .openapi({ description: 'Write only if the current version matches.' }),
      'if-none-match': z
        .string()
        .optional()
        .openapi({ description: '`*`: create only; 412 if the glossary exists.' }),
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
        'application/x-tbx': textBody(
          'TBX v3 or v2 XML; a DOCTYPE may only name an external DTD (no internal subset, no entities).'
        ),
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
    401: problemSpec('No credentials, or an unknown or revoked key.'),
    403: problemSpec('The key lacks `glossaries:write` (`insufficient_scope`).'),
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
  summary: 'Delete a glossary of the caller’s tenant',
  security: writeSecurity,
  // Authentication before validation: no token, no hint about what a valid request looks like.
  middleware: [requireScope('glossaries:write')] as const,
  request: {
    params: GlossaryIdParamsSchema,
    headers: z.object({ 'if-match': z.string().optional() }),
  },
  responses: {
    204: { description: 'Deleted.' },
    401: problemSpec('No credentials, or an unknown or revoked key.'),
    403: problemSpec('The key lacks `glossaries:write` (`insufficient_scope`).'),
    409: problemSpec('The glossary is bundled, hence read-only.'),
    412: problemSpec('`If-Match` does not match the current version.'),
    ...problemResponses,
  },
})
