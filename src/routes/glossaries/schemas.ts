/**
 * Schemas of the glossary routes.
 *
 * @module
 */
import { z } from '@hono/zod-openapi'
import {
  ContentTextSchema,
  FormatSchema,
  LanguageCodeSchema,
  OffsetUnitSchema,
  TextSchema,
} from '../schemas'

export const GlossarySummarySchema = z
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

export const GlossarySchema = z
  .object({
    id: z.string(),
    languages: z.array(z.string()),
    version: z.string(),
    source: z.enum(['bundled', 'api']),
    entries: z.array(GlossaryEntrySchema),
  })
  .openapi('Glossary')

/** A JSON upload: the shape of `GET` (whose `id`, `version` and `source` are ignored). */
export const GlossaryUploadSchema = z
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

export const WrittenSchema = GlossarySummarySchema.extend({
  warnings: z
    .array(
      z.object({
        pointer: z.string(),
        message: z.string(),
        line: z.number().int().optional(),
      })
    )
    .optional()
    .openapi({
      description:
        'What the import left out on purpose, e.g. a second target for one source term in a DeepL entry list.',
    }),
}).openapi('GlossaryWritten')

const FindingSchema = z
  .object({
    kind: z.enum(['variant', 'forbidden']),
    term: z.string().openapi({ description: 'The text as found.' }),
    preferred: z.string().openapi({ description: 'What to write instead.' }),
    concept: z.string(),
    offset: z.number().int().openapi({
      description:
        'Offset into the submitted `text`, in `offsetUnit` (UTF-16 by default); for HTML/Markdown the span covers the term in the source, markup inside included.',
    }),
    length: z.number().int().openapi({ description: 'Length in `offsetUnit`.' }),
  })
  .openapi('TerminologyFinding')

export const CheckRequestSchema = z
  .object({
    text: ContentTextSchema,
    format: FormatSchema,
    offsetUnit: OffsetUnitSchema,
    language: z
      .union([z.literal('auto'), LanguageCodeSchema])
      .openapi({ description: 'Language of the text; `auto` detects it.' }),
  })
  .strict()
  .openapi('TerminologyCheckRequest')

export const CheckResponseSchema = z
  .object({
    glossary: z.string(),
    version: z.string(),
    language: z.string().openapi({ description: 'The language the text was checked in.' }),
    findings: z.array(FindingSchema),
  })
  .openapi('TerminologyCheckResponse')

export const etagHeader = z.object({
  ETag: z.string().openapi({ description: 'The glossary version as a strong validator.' }),
})
export const writeSecurity: { [scheme: string]: string[] }[] = [{ apiKey: [] }, { adminToken: [] }]
export const textBody = (description: string) => ({ schema: z.string().openapi({ description }) })

export const CandidatesRequestSchema = z
  .object({
    texts: z
      .array(TextSchema)
      .min(1)
      .max(50)
      .optional()
      .openapi({ description: 'Texts in one language (at most 50, 500,000 characters together).' }),
    text: TextSchema.optional().openapi({ description: 'One text (instead of `texts`).' }),
    language: z
      .union([z.literal('auto'), LanguageCodeSchema])
      .default('auto')
      .openapi({ description: 'Language of the texts; `auto` (default) detects it.' }),
    offsetUnit: OffsetUnitSchema,
  })
  .strict()
  .refine((b) => (b.texts === undefined) !== (b.text === undefined), {
    message: 'send either texts (an array) or text (a string)',
    path: ['texts'],
  })
  .openapi('GlossaryCandidatesRequest')

const CandidateKindSchema = z.enum([
  'organization',
  'person',
  'place',
  'acronym',
  'currency',
  'name',
])

const CandidateSchema = z
  .object({
    term: z.string().openapi({ description: 'The spelling most often written.' }),
    kind: CandidateKindSchema,
    count: z.number().int().openapi({ description: 'Occurrences over all texts.' }),
    texts: z.array(z.number().int()).openapi({ description: 'Indexes of the texts it is in.' }),
    example: z
      .object({ text: z.number().int(), offset: z.number().int() })
      .openapi({ description: 'One occurrence: text index and offset, in `offsetUnit`.' }),
    group: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'Index into `groups` when other spellings were found.' }),
  })
  .openapi('GlossaryCandidate')

export const CandidatesResponseSchema = z
  .object({
    glossary: z.string(),
    version: z.string(),
    language: z.string(),
    candidates: z.array(CandidateSchema),
    groups: z
      .array(
        z.object({
          terms: z.array(z.string()),
          kind: CandidateKindSchema,
          count: z.number().int(),
          texts: z.array(z.number().int()),
        })
      )
      .openapi({ description: 'Spellings that likely name one thing (Tokayev/Tokaev).' }),
  })
  .openapi('GlossaryCandidates')
