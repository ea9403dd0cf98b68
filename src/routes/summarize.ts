import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { textCacheKey } from '../cache/key'
import { findTerms, replaceWithPreferred, termOccurrences } from '../glossary'
import type { Glossary, TermMatch } from '../glossary/types'
import { cachedResult } from '../http/conditional'
import type { AppEnv } from '../http/env'
import { cachedResultHeaders, problemResponses, problemSpec } from '../http/openapi'
import { ApiError } from '../http/problem'
import { withProviderErrors } from '../http/provider-error'
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
import { type TargetTranslation, translateToTargets } from '../translate/batch'
import { PROVIDER_NAMES } from '../translate/providers/index'
import type { TranslationProvider } from '../translate/types'
import { ALGORITHM_VERSIONS } from '../version'
import { canonicalTag, resolveEngine, resolveGlossary } from './resolve'
import { DetectionSchema, LanguageCodeSchema, TerminologySchema, TextSchema } from './schemas'

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
    glossary: z.string().min(1).max(64).nullable().optional().openapi({
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
    offset: z.number().int().openapi({ description: 'UTF-16 offset into the submitted text.' }),
    length: z.number().int(),
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
    422: problemSpec(
      '`invalid_request` (schema; `errors` names each field), `unknown_glossary` (`#/glossary`), and with `translate`: `language_not_detected`, `unsupported_language_pair`, `provider_not_configured`.'
    ),
    502: problemSpec('With `translate`: the engine is unreachable (`provider_unavailable`).'),
    504: problemSpec('With `translate`: the engine did not answer in time (`provider_timeout`).'),
  },
})

/** What is stored in KV: the computed result, before the texts are sliced out of the input. */
type StoredSummaries = {
  detection: Detection
  result: SummarizeResult
  /** Glossary occurrences in the input (offsets into the text as sent). */
  matches: TermMatch[]
  /** Per target language, one translation per summary (in summary order). */
  translations: Record<string, TargetTranslation[]> | null
}

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
  const glossary = await resolveGlossary(c, body.glossary)
  const targets = (body.translate ?? []).map(canonicalTag)
  const provider = targets.length > 0 ? resolveEngine(c, body.provider) : undefined
  const key = await textCacheKey(
    'summarize',
    `${ALGORITHM_VERSIONS.summarize}+${ALGORITHM_VERSIONS.detect}+${ALGORITHM_VERSIONS.translate}`,
    {
      title: title ?? null,
      language: body.language,
      lengths,
      glossary: glossary ? `${glossary.id}@${glossary.version}` : null,
      translate: targets,
      provider: provider?.name ?? null,
    },
    body.text
  )
  return cachedResult<StoredSummaries>(c, {
    key,
    compute: async () => {
      const detection =
        body.language === 'auto' ? detectLanguage(body.text) : declaredLanguage(body.language)
      const matches = glossary ? findTerms(glossary, body.text, detection.language) : []
      const display = preferredTerms(body.text, matches)
      const result = summarize(body.text, {
        language: detection.language,
        lengths: body.lengths,
        ...(title !== undefined ? { title } : {}),
        ...(display ? { display } : {}),
      })
      let translations: StoredSummaries['translations'] = null
      if (provider) {
        if (detection.language === 'und') {
          throw new ApiError(
            'language_not_detected',
            'The language of the text could not be detected, so it cannot be translated; send "language".',
            { errors: [{ pointer: '#/text', message: 'language not detected' }] }
          )
        }
        const texts = result.summaries.map((s) => renderSummary(body.text, s, display))
        translations = await translateSummaries(c, texts, detection.language, targets, {
          provider,
          glossary,
        })
      }
      return { detection, result, matches, translations }
    },
    render: (stored): SummarizeResponse => {
      const display = preferredTerms(body.text, stored.matches)
      return {
        language: { ...stored.detection, alternatives: [...stored.detection.alternatives] },
        glossary: glossary ? { id: glossary.id, version: glossary.version } : null,
        terms: termOccurrences(stored.matches),
        sentenceCount: stored.result.sentenceCount,
        summaries: stored.result.summaries.map((s, i) => ({
          ...render(body.text, s, stored.detection.language, display),
          ...(stored.translations ? { translations: translationsOf(stored.translations, i) } : {}),
        })),
      }
    },
  })
})

/**
 * How a sentence is shown: its input slice with glossary variants and forbidden terms replaced
 * by the preferred term. `undefined` when there is nothing to replace.
 */
function preferredTerms(
  text: string,
  matches: readonly TermMatch[]
): ((offset: number, length: number) => string) | undefined {
  if (!matches.some((m) => m.kind !== 'preferred')) return undefined
  return (offset, length) =>
    replaceWithPreferred(text.slice(offset, offset + length), matches, offset)
}

/** Translates the summaries (empty ones stay empty), turning engine failures into problems. */
async function translateSummaries(
  c: Context<AppEnv>,
  texts: readonly string[],
  source: string,
  targets: readonly string[],
  options: { provider: TranslationProvider; glossary: Glossary | null }
): Promise<Record<string, TargetTranslation[]>> {
  const nonEmpty = texts.flatMap((t, i) => (t.trim() === '' ? [] : [i]))
  const translated = await withProviderErrors(c.var.services.log, () =>
    translateToTargets(
      nonEmpty.map((i) => texts[i] ?? ''),
      source,
      targets,
      { ...options, timeoutMs: c.var.services.config.translation.timeoutMs }
    )
  )
  const empty: TargetTranslation = {
    text: '',
    terminology: { expected: 0, applied: 0, missed: [] },
  }
  const out: Record<string, TargetTranslation[]> = {}
  for (const target of targets) {
    const byIndex = new Map(nonEmpty.map((i, k) => [i, translated[target]?.[k] ?? empty]))
    out[target] = texts.map((_, i) => byIndex.get(i) ?? empty)
  }
  return out
}

function translationsOf(
  translations: Record<string, TargetTranslation[]>,
  summary: number
): NonNullable<SummarizeResponse['summaries'][number]['translations']> {
  const out: NonNullable<SummarizeResponse['summaries'][number]['translations']> = {}
  for (const [target, list] of Object.entries(translations)) {
    const t = list[summary]
    if (!t) continue
    const { expected, applied, missed } = t.terminology
    out[target] = {
      text: t.text,
      terminology: {
        expected,
        applied,
        missed: missed.map((m) => ({ source: m.source, target: m.target })),
      },
    }
  }
  return out
}

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
  language: string,
  display: ((offset: number, length: number) => string) | undefined
): Omit<SummarizeResponse['summaries'][number], 'translations'> {
  const text = renderSummary(input, selection, display)
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
