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
import type { Context } from 'hono'
import {
  checkTerminology,
  exportGlossary,
  formatFromMediaType,
  GLOSSARY_LIMITS,
  GLOSSARY_MEDIA_TYPES,
  type Glossary,
  type GlossaryFormat,
  type GlossaryIssue,
  glossaryToJson,
  importGlossary,
  isGlossaryId,
  type StoredGlossary,
} from '../glossary'
import { requireAdmin } from '../http/admin'
import type { AppEnv } from '../http/env'
import { problemResponses, problemSpec } from '../http/openapi'
import { ApiError, type FieldError } from '../http/problem'
import { createRouter } from '../http/router'
import { detectLanguage } from '../langid/detect'
import { LanguageCodeSchema, TextSchema } from './schemas'

const IdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'news-central-asia' }),
})

const GlossarySummarySchema = z
  .object({
    id: z.string().openapi({ example: 'news-central-asia' }),
    languages: z.array(z.string()).openapi({ example: ['en', 'es', 'ru', 'zh', 'fr', 'de'] }),
    entries: z.number().int().openapi({ description: 'Number of concepts.' }),
    version: z.string().openapi({
      description: 'Content hash; changes with any edit.',
      example: 'fed18f01297eb312',
    }),
    source: z
      .enum(['bundled', 'api'])
      .openapi({ description: '`bundled`: from the repository, read-only; `api`: managed here.' }),
  })
  .openapi('GlossarySummary')

const TermRecordSchema = z
  .record(z.string(), z.array(z.string()))
  .openapi({ example: { en: ["Xi'an", 'Xian'], es: ["Xi'an"] } })

const GlossaryEntrySchema = z
  .object({
    id: z.string().optional().openapi({ description: 'Stable concept id.', example: 'xi-an' }),
    terms: TermRecordSchema.openapi({
      description: 'Language → terms; the first is preferred, the others are variants.',
    }),
    forms: TermRecordSchema.optional().openapi({
      description: 'Language → inflected forms of the preferred term (matched, never replaced).',
    }),
    forbidden: TermRecordSchema.optional().openapi({
      description: 'Language → terms that must not be used.',
    }),
    flags: z.array(z.enum(['dnt', 'case', 'inflect', 'fixed'])).optional(),
    note: z.string().optional(),
  })
  .openapi('GlossaryEntry')

const GlossarySchema = z
  .object({
    id: z.string(),
    languages: z.array(z.string()),
    version: z.string(),
    source: z.enum(['bundled', 'api']),
    entries: z.array(GlossaryEntrySchema),
  })
  .openapi('Glossary')

/** A JSON upload: the shape of `GET` (whose `id`, `version` and `source` are ignored). */
const GlossaryUploadSchema = z
  .object({
    id: z.string().optional(),
    version: z.string().optional(),
    source: z.string().optional(),
    languages: z
      .array(z.string())
      .optional()
      .openapi({ description: 'Column order; default: order of appearance in the entries.' }),
    entries: z.array(GlossaryEntrySchema),
  })
  .openapi('GlossaryUpload')

const WrittenSchema = GlossarySummarySchema.openapi('GlossaryWritten')

const FindingSchema = z
  .object({
    kind: z.enum(['variant', 'forbidden']),
    term: z.string().openapi({ description: 'The text as found.' }),
    preferred: z.string().openapi({ description: 'What to write instead.' }),
    concept: z.string(),
    offset: z.number().int().openapi({ description: 'UTF-16 offset into the text.' }),
    length: z.number().int(),
  })
  .openapi('TerminologyFinding')

const CheckRequestSchema = z
  .object({
    text: TextSchema,
    language: z
      .union([z.literal('auto'), LanguageCodeSchema])
      .openapi({ description: 'Language of the text; `auto` detects it.' }),
  })
  .strict()
  .openapi('TerminologyCheckRequest')

const CheckResponseSchema = z
  .object({
    glossary: z.string(),
    version: z.string(),
    language: z.string().openapi({ description: 'The language the text was checked in.' }),
    findings: z.array(FindingSchema),
  })
  .openapi('TerminologyCheckResponse')

const etagHeader = z.object({
  ETag: z.string().openapi({ description: 'The glossary version as a strong validator.' }),
})
const adminSecurity = [{ adminToken: [] }]
const textBody = (description: string) => ({ schema: z.string().openapi({ description }) })

const listRoute = createRoute({
  method: 'get',
  path: '/v1/glossaries',
  operationId: 'listGlossaries',
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
    ...problemResponses,
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/v1/glossaries/{id}',
  operationId: 'getGlossary',
  tags: ['Glossaries'],
  summary: 'One glossary, as JSON or exported as TSV, CSV or TBX',
  request: {
    params: IdParamsSchema,
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

const putRoute = createRoute({
  method: 'put',
  path: '/v1/glossaries/{id}',
  operationId: 'putGlossary',
  tags: ['Glossaries'],
  summary: 'Create or replace a glossary (admin)',
  description:
    'The body is TSV, CSV, TBX or JSON (by `Content-Type`), validated like the repository files. `If-Match: "<version>"` makes the write conditional. Bundled glossaries are read-only.',
  security: adminSecurity,
  request: {
    params: IdParamsSchema,
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

const deleteRoute = createRoute({
  method: 'delete',
  path: '/v1/glossaries/{id}',
  operationId: 'deleteGlossary',
  tags: ['Glossaries'],
  summary: 'Delete a glossary (admin)',
  security: adminSecurity,
  request: {
    params: IdParamsSchema,
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

const checkRoute = createRoute({
  method: 'post',
  path: '/v1/glossaries/{id}/check',
  operationId: 'checkTerminology',
  tags: ['Glossaries'],
  summary: 'Terminology QA: variants and forbidden terms in a text',
  request: {
    params: IdParamsSchema,
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

const MAX_REPORTED_ISSUES = 100

/** Validation issues → the `errors[]` of a problem: model pointers, plus the line for text formats. */
function fieldErrors(issues: readonly GlossaryIssue[]): FieldError[] {
  return issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
    const where =
      issue.line !== undefined
        ? `line ${issue.line}${issue.column !== undefined ? `, column ${issue.column}` : ''}: `
        : ''
    return {
      pointer: `#${issue.pointer}`,
      message: where + issue.message,
      ...(issue.line !== undefined ? { line: issue.line } : {}),
    }
  })
}

/** Maps import problems to one API error: unreadable → 400/413, invalid → 422. */
function importError(issues: readonly GlossaryIssue[], format: GlossaryFormat): ApiError {
  const first = issues[0]
  if (first?.code === 'too_large') return new ApiError('payload_too_large', first.message)
  if (first?.code === 'invalid_encoding' || first?.code === 'malformed') {
    return new ApiError(
      format === 'json' ? 'malformed_json' : 'malformed_document',
      `The ${format.toUpperCase()} document could not be read: ${first.message}.`,
      { errors: fieldErrors(issues) }
    )
  }
  const more =
    issues.length > MAX_REPORTED_ISSUES ? ` (the first ${MAX_REPORTED_ISSUES} are listed)` : ''
  return new ApiError(
    'invalid_request',
    `The glossary has ${issues.length} problem${issues.length === 1 ? '' : 's'}${more}.`,
    { errors: fieldErrors(issues) }
  )
}

/** `"<version>"` for JSON, `"<version>-<format>"` for exports: one strong tag per representation. */
function etagOf(glossary: Glossary, format: GlossaryFormat): string {
  return format === 'json' ? `"${glossary.version}"` : `"${glossary.version}-${format}"`
}

/** An `If-Match` header with export tags reduced to the version they name. */
function versionTags(ifMatch: string | undefined): string | undefined {
  return ifMatch?.replace(/"([0-9a-f]{16})-(?:tsv|csv|tbx)"/g, '"$1"')
}

function notModified(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

async function load(c: Context<AppEnv>, id: string): Promise<StoredGlossary> {
  const stored = await c.var.services.glossaries.get(id)
  if (stored === undefined) throw new ApiError('not_found', `No glossary '${id}'.`)
  return stored
}

function summary(glossary: Glossary, source: 'bundled' | 'api') {
  return {
    id: glossary.id,
    languages: [...glossary.languages],
    entries: glossary.entries.length,
    version: glossary.version,
    source,
  }
}

const router = createRouter()
router.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
  type: 'http',
  scheme: 'bearer',
  description: 'The ADMIN_TOKEN secret of the deployment.',
})

export const glossaryRoutes = router
  .openapi(listRoute, async (c) => {
    const glossaries = await c.var.services.glossaries.list()
    return c.json(
      { glossaries: glossaries.map((g) => ({ ...g, languages: [...g.languages] })) },
      200,
      { 'Cache-Control': 'no-cache' }
    )
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { format } = c.req.valid('query')
    const { glossary, source } = await load(c, id)
    const etag = etagOf(glossary, format)
    const headers = { ETag: etag, 'Cache-Control': 'no-cache' }
    if (notModified(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers)
    if (format === 'json') return c.json({ ...glossaryToJson(glossary), source }, 200, headers)
    return c.body(exportGlossary(glossary, format), 200, {
      ...headers,
      'Content-Type': GLOSSARY_MEDIA_TYPES[format],
      'Content-Disposition': `inline; filename="${glossary.id}.${format}"`,
    })
  })
  .openapi(putRoute, async (c) => {
    await requireAdmin(c)
    const { id } = c.req.valid('param')
    const { glossaries, config } = c.var.services
    if ((await glossaries.get(id))?.source === 'bundled') {
      throw new ApiError(
        'conflict',
        `The glossary '${id}' is bundled and read-only: edit glossaries/${id}.tsv in the repository.`
      )
    }
    if (!isGlossaryId(id)) {
      throw new ApiError(
        'invalid_request',
        `'${id}' cannot name a glossary: use lowercase letters, digits and inner hyphens, at most 64 characters.`
      )
    }
    const format = formatFromMediaType(c.req.header('Content-Type'))
    if (format === undefined) {
      throw new ApiError(
        'unsupported_media_type',
        'Send the glossary as text/tab-separated-values, text/csv, application/x-tbx or application/json.'
      )
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer())
    const maxBytes = Math.min(config.maxBodyBytes, GLOSSARY_LIMITS.maxImportBytes)
    const imported = importGlossary(id, bytes, format, maxBytes)
    if (!imported.ok) throw importError(imported.issues, format)
    const result = await glossaries.put(imported.glossary, {
      ifMatch: versionTags(c.req.header('If-Match')),
    })
    switch (result.kind) {
      case 'read_only':
        throw new ApiError('conflict', `The glossary '${id}' is bundled and read-only.`)
      case 'precondition_failed':
        throw new ApiError(
          'precondition_failed',
          result.current === undefined
            ? `The glossary '${id}' does not exist, so If-Match cannot match.`
            : `The current version of '${id}' is "${result.current}"; fetch it again and retry.`
        )
      case 'created':
        return c.json(summary(result.glossary, 'api'), 201, {
          ETag: etagOf(result.glossary, 'json'),
          Location: `/v1/glossaries/${id}`,
        })
      case 'replaced':
        return c.json(summary(result.glossary, 'api'), 200, {
          ETag: etagOf(result.glossary, 'json'),
        })
    }
  })
  .openapi(deleteRoute, async (c) => {
    await requireAdmin(c)
    const { id } = c.req.valid('param')
    const result = await c.var.services.glossaries.delete(id, {
      ifMatch: versionTags(c.req.header('If-Match')),
    })
    switch (result.kind) {
      case 'read_only':
        throw new ApiError('conflict', `The glossary '${id}' is bundled and read-only.`)
      case 'not_found':
        throw new ApiError('not_found', `No glossary '${id}'.`)
      case 'precondition_failed':
        throw new ApiError(
          'precondition_failed',
          `The current version of '${id}' is "${result.current}"; fetch it again and retry.`
        )
      case 'deleted':
        return c.body(null, 204)
    }
  })
  .openapi(checkRoute, async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const { glossary } = await load(c, id)
    let language = body.language
    if (language === 'auto') {
      const detected = detectLanguage(body.text).language
      language = detected === 'und' ? (glossary.languages[0] ?? 'und') : detected
    }
    return c.json(
      {
        glossary: glossary.id,
        version: glossary.version,
        language,
        findings: checkTerminology(glossary, body.text, language),
      },
      200
    )
  })
