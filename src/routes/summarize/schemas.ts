/**
 * Request and response schemas of `POST /v1/summarize`.
 *
 * @module
 */
import { z } from '@hono/zod-openapi'
import { DEFAULT_LENGTHS, type SummaryLength } from '../../summarize/lengths'
import { PROVIDER_NAMES } from '../../translate/engines'
import {
  ContentTextSchema,
  DetectionSchema,
  FormatSchema,
  GlossaryIdSchema,
  LanguageCodeSchema,
  OffsetUnitSchema,
  TerminologySchema,
} from '../schemas'

/** Most target languages for the translations of one summarize request. */
export const MAX_SUMMARY_TARGETS = 5

const BudgetSchema = z
  .object({
    name: z.string().min(1).max(64).optional(),
    sentences: z.number().int().min(1).max(100).optional(),
    words: z.number().int().min(1).max(10_000).optional(),
    characters: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .refine(
    (b) => b.sentences !== undefined || b.words !== undefined || b.characters !== undefined,
    'set at least one of sentences, words, characters'
  )
  .openapi('LengthBudget', {
    description:
      'A custom length. Every limit that is set holds; `characters` limits the summary text length.',
  })

const LengthSchema = z
  .union([
    z.enum(['short', 'medium', 'long', 'meta', 'social', 'keyPoints', 'standfirst']),
    BudgetSchema,
  ])
  .openapi('Length', {
    description:
      '`short` = 1 sentence ≤ 60 words; `medium` = ≤ 3 sentences, ≤ 120 words; `long` = ≤ 7 sentences, ≤ 250 words. Publishing presets: `meta` = ≤ 160 characters for a meta description (whole sentences when one fits, else the best one cut at a word with "…", never a dangling quotation mark or bracket); `social` = ≤ 280 as X counts a post (URLs 23, CJK and emoji 2); `keyPoints` = up to 5 points (3 or more when the article has them), each one sentence of ≤ 35 words, in article order, also as `items`; `standfirst` = the opening 1–2 sentences, ≤ 50 words. Or a custom budget.',
  })

export const SummarizeRequestSchema = z
  .object({
    text: ContentTextSchema,
    format: FormatSchema,
    offsetUnit: OffsetUnitSchema,
    sortBy: z.enum(['offset', 'rank']).default('offset').openapi({
      description:
        "Order of each summary's `sentences`: `offset` (article order, default) or `rank` (highest score first). The summary `text` is always in article order.",
    }),
    title: z
      .string()
      .max(1_000)
      .optional()
      .openapi({ description: 'Headline, if sent apart from the body.' }),
    language: z
      .union([z.literal('auto'), LanguageCodeSchema])
      .default('auto')
      .openapi({ description: '`auto` detects the language; a code skips detection.' }),
    lengths: z
      .array(LengthSchema)
      .min(1)
      .max(10)
      .default([...DEFAULT_LENGTHS] as SummaryLength[])
      .openapi({ description: 'One summary per entry, in this order.' }),
    glossary: GlossaryIdSchema.nullable().optional().openapi({
      description:
        'Glossary whose terms are reported in `terms` and written as preferred terms in the summaries. Absent: the deployment default (`DEFAULT_GLOSSARY`); `null`: none.',
      example: 'news-central-asia',
    }),
    translate: z
      .array(LanguageCodeSchema)
      .max(MAX_SUMMARY_TARGETS)
      .refine((targets) => new Set(targets).size === targets.length, 'must not repeat a language')
      .optional()
      .openapi({
        description: `Up to ${MAX_SUMMARY_TARGETS} languages to translate every summary into, with the glossary enforced.`,
        example: ['es'],
      }),
    provider: z.enum(PROVIDER_NAMES).optional().openapi({
      description: 'Translation engine for `translate`. Absent: the deployment default.',
    }),
  })
  .strict()
// Unnamed: the documented body is the route's (`SummarizeRouteBodySchema`, text or items).

const SentenceSchema = z
  .object({
    index: z
      .number()
      .int()
      .openapi({ description: 'Position of the sentence in the article (0-based).' }),
    text: z.string().openapi({ description: 'The sentence as plain text.' }),
    offset: z.number().int().openapi({
      description: 'Offset into the submitted `text`, in `offsetUnit` (UTF-16 by default).',
    }),
    length: z.number().int().openapi({
      description:
        "Length in `offsetUnit`. Plain text: `text === input.slice(offset, offset + length)`. HTML/Markdown: the span runs from the sentence's first to its last character in the source; stripping its tags (Markdown: its inline syntax), decoding references and collapsing whitespace gives `text`.",
    }),
    score: z.number().min(0).max(1),
  })
  .openapi('SummarySentence')

const SummarySchema = z
  .object({
    name: z.string(),
    text: z.string(),
    wordCount: z.number().int(),
    characterCount: z.number().int(),
    truncated: z.boolean().openapi({
      description:
        'True when no whole sentence fit the budget and the best one was cut at a word boundary ("…").',
    }),
    sentences: z.array(SentenceSchema),
    items: z.array(z.string()).optional().openapi({
      description: 'Only for `keyPoints`: the points as a list, one sentence each.',
    }),
    translations: z
      .record(z.string(), z.object({ text: z.string(), terminology: TerminologySchema }))
      .optional()
      .openapi({ description: 'Only when `translate` was sent: the summary in each language.' }),
  })
  .openapi('Summary')

const TermSchema = z
  .object({
    concept: z.string().openapi({ example: 'xi-an' }),
    preferred: z
      .string()
      .openapi({ description: 'The glossary’s preferred term.', example: "Xi'an" }),
    found: z
      .string()
      .openapi({ description: 'The text as written in the input.', example: 'Xian' }),
    offset: z
      .number()
      .int()
      .openapi({ description: 'Offset into the submitted `text`, in `offsetUnit`.' }),
    length: z.number().int().openapi({ description: 'Length in `offsetUnit`.' }),
  })
  .openapi('TermOccurrence')

export const SummarizeResponseSchema = z
  .object({
    language: DetectionSchema,
    glossary: z
      .object({ id: z.string(), version: z.string() })
      .nullable()
      .openapi({ description: 'The glossary applied, or `null`.' }),
    terms: z.array(TermSchema).openapi({
      description: 'Every glossary term occurrence in the input, in text order.',
    }),
    sentenceCount: z.number().int(),
    summaries: z.array(SummarySchema),
  })
  .openapi('SummarizeResponse')

export type SummarizeResponse = z.infer<typeof SummarizeResponseSchema>
