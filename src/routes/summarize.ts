import { createRoute, z } from '@hono/zod-openapi'
import { textCacheKey } from '../cache/key'
import { cachedResult } from '../http/conditional'
import { cachedResultHeaders, problemResponses } from '../http/openapi'
import { ApiError } from '../http/problem'
import { createRouter } from '../http/router'
import { languageByCode } from '../langid/codes'
import { type Detection, detectLanguage } from '../langid/detect'
import { DEFAULT_LENGTHS, type LengthRequest, resolveLengths } from '../summarize/lengths'
import {
  renderSummary,
  type SummarizeResult,
  type SummarySelection,
  summarize,
} from '../summarize/summarize'
import { countWords } from '../text/words'
import { ALGORITHM_VERSIONS } from '../version'
import { DetectionSchema, LanguageCodeSchema, TextSchema } from './schemas'

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
  .union([z.enum(['short', 'medium', 'long']), BudgetSchema])
  .openapi('Length', {
    description:
      '`short` = 1 sentence ≤ 60 words; `medium` = ≤ 3 sentences, ≤ 120 words; `long` = ≤ 7 sentences, ≤ 250 words; or a custom budget.',
  })

export const SummarizeRequestSchema = z
  .object({
    text: TextSchema,
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
      .default([...DEFAULT_LENGTHS] as LengthRequest[])
      .openapi({ description: 'One summary per entry, in this order.' }),
  })
  .strict()
  .openapi('SummarizeRequest')

const SentenceSchema = z
  .object({
    index: z
      .number()
      .int()
      .openapi({ description: 'Position of the sentence in the article (0-based).' }),
    text: z.string(),
    offset: z.number().int().openapi({ description: 'UTF-16 offset into the submitted text.' }),
    length: z
      .number()
      .int()
      .openapi({ description: 'UTF-16 length; `text === input.slice(offset, offset + length)`.' }),
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
  })
  .openapi('Summary')

export const SummarizeResponseSchema = z
  .object({
    language: DetectionSchema,
    sentenceCount: z.number().int(),
    summaries: z.array(SummarySchema),
  })
  .openapi('SummarizeResponse')

export type SummarizeResponse = z.infer<typeof SummarizeResponseSchema>

const route = createRoute({
  method: 'post',
  path: '/v1/summarize',
  operationId: 'summarize',
  tags: ['Summaries'],
  summary: 'Extractive summaries in several lengths',
  request: {
    body: { required: true, content: { 'application/json': { schema: SummarizeRequestSchema } } },
  },
  responses: {
    200: {
      description: 'One summary per requested length, in request order.',
      headers: cachedResultHeaders,
      content: { 'application/json': { schema: SummarizeResponseSchema } },
    },
    304: { description: 'Not modified (If-None-Match matched).' },
    ...problemResponses,
  },
})

/** What is stored in KV: the computed result, before the texts are sliced out of the input. */
type StoredSummaries = { detection: Detection; result: SummarizeResult }

export const summarizeRoutes = createRouter().openapi(route, async (c) => {
  const body = c.req.valid('json')
  const names = body.lengths.map((l) => (typeof l === 'string' ? l : l.name)).filter((n) => n)
  const duplicate = names.find((n, i) => names.indexOf(n) !== i)
  if (duplicate !== undefined) {
    throw new ApiError('invalid_request', `Two lengths are named '${duplicate}'.`, {
      errors: [
        {
          pointer: `#/lengths/${names.lastIndexOf(duplicate)}`,
          message: 'length names must be unique',
        },
      ],
    })
  }
  const title = body.title?.normalize('NFC')
  const lengths = resolveLengths(body.lengths)
  const key = await textCacheKey(
    'summarize',
    `${ALGORITHM_VERSIONS.summarize}+${ALGORITHM_VERSIONS.detect}`,
    { title: title ?? null, language: body.language, lengths },
    body.text
  )
  return cachedResult<StoredSummaries>(c, {
    key,
    compute: () => {
      const detection =
        body.language === 'auto' ? detectLanguage(body.text) : declaredLanguage(body.language)
      const result = summarize(body.text, {
        language: detection.language,
        lengths: body.lengths,
        ...(title !== undefined ? { title } : {}),
      })
      return { detection, result }
    },
    render: (stored): SummarizeResponse => ({
      language: { ...stored.detection, alternatives: [...stored.detection.alternatives] },
      sentenceCount: stored.result.sentenceCount,
      summaries: stored.result.summaries.map((s) =>
        render(body.text, s, stored.detection.language)
      ),
    }),
  })
})

/** The caller named the language: no detection, full confidence. */
function declaredLanguage(code: string): Detection {
  const known = languageByCode(code)
  return {
    language: code,
    iso639_3: known?.iso639_3 ?? 'und',
    script: known?.script ?? 'Zyyy',
    confidence: 1,
    reliable: true,
    alternatives: [],
  }
}

/** Adds the texts and counts a reader needs to a selection. */
function render(
  input: string,
  selection: SummarySelection,
  language: string
): SummarizeResponse['summaries'][number] {
  const text = renderSummary(input, selection)
  return {
    name: selection.name,
    text,
    wordCount: countWords(text, language),
    characterCount: text.length,
    truncated: selection.truncated,
    sentences: selection.sentences.map((s) => ({
      index: s.index,
      text: input.slice(s.offset, s.offset + s.length),
      offset: s.offset,
      length: s.length,
      score: s.score,
    })),
  }
}
