/**
 * Translation routes: `POST /v1/translate` (glossary enforced, terminology report per text) and
 * `GET /v1/languages` (the pairs of every configured engine).
 *
 * Caching is per text, not per request: each translation is stored in KV under (text, source,
 * target, provider, glossary id@version, pipeline version), so a batch that repeats texts from
 * an earlier one — a CMS re-sending its headlines with one changed — only sends the new ones to
 * the engine, and `source: "auto"` shares entries with the explicit source it detects. Entries
 * are written only after the whole batch succeeded: a failed batch answers with a problem and
 * stores nothing. The response still gets a strong ETag (304 on `If-None-Match`) from
 * `cachedResult`, and `X-Cache` says HIT, MISS or PARTIAL.
 *
 * @module
 */
import { createRoute, z } from '@hono/zod-openapi'
import { textCacheKey } from '../cache/key'
import { cachedResult, requestDirectives } from '../http/conditional'
import { problemResponses, problemSpec } from '../http/openapi'
import { ApiError, type FieldError } from '../http/problem'
import { engineFailure, providerApiError, withProviderErrors } from '../http/provider-error'
import { createRouter } from '../http/router'
import { detectLanguage } from '../langid/detect'
import { sameLanguage, translateItems } from '../translate/batch'
import { isProviderError, type ProviderError } from '../translate/errors'
import { listLanguages } from '../translate/list-languages'
import { PROVIDER_NAMES } from '../translate/providers/index'
import type { LanguageSupport, Translation, TranslationProvider } from '../translate/types'
import { ALGORITHM_VERSIONS } from '../version'
import { canonicalTag, resolveEngine, resolveGlossary } from './resolve'
import { LanguageCodeSchema, TerminologySchema } from './schemas'

/** Most texts in one request. */
export const MAX_TRANSLATE_ITEMS = 50
/** Longest single text, in UTF-16 units. */
export const MAX_TRANSLATE_ITEM_LENGTH = 50_000
/** Longest total of all texts of one request, in UTF-16 units. */
export const MAX_TRANSLATE_TOTAL_LENGTH = 100_000

const ItemSchema = z
  .string()
  .max(MAX_TRANSLATE_ITEM_LENGTH, `must be at most ${MAX_TRANSLATE_ITEM_LENGTH} characters`)
  .refine((s) => /[^\s\u200B-\u200D\u2060\uFEFF]/u.test(s), 'must contain non-blank text')

export const TranslateRequestSchema = z
  .object({
    text: z
      .union([
        ItemSchema,
        z
          .array(ItemSchema)
          .min(1, 'must hold at least one text')
          .max(MAX_TRANSLATE_ITEMS, `must hold at most ${MAX_TRANSLATE_ITEMS} texts`),
      ])
      .openapi({
        description: `One text, or up to ${MAX_TRANSLATE_ITEMS} texts translated together (each at most ${MAX_TRANSLATE_ITEM_LENGTH} characters, ${MAX_TRANSLATE_TOTAL_LENGTH} in total). Paragraph breaks are kept.`,
        example: 'Temur Umarov, a researcher at the Carnegie Russia Eurasia Center, told the FT.',
      }),
    source: z
      .union([z.literal('auto'), LanguageCodeSchema])
      .default('auto')
      .openapi({
        description: '`auto` detects the language of each text; a code skips detection.',
      }),
    target: LanguageCodeSchema.openapi({ example: 'es' }),
    glossary: z.string().min(1).max(64).nullable().optional().openapi({
      description:
        'Glossary id to enforce. Absent: the deployment default (`DEFAULT_GLOSSARY`); `null`: none.',
      example: 'news-central-asia',
    }),
    provider: z.enum(PROVIDER_NAMES).optional().openapi({
      description:
        'Translation engine. Absent: the deployment default (`TRANSLATION_PROVIDER`). `GET /v1/languages` lists the configured ones.',
    }),
    debug: z.boolean().default(false).openapi({
      description:
        'Adds `debug` to each translation: segment and placeholder counters and how each glossary occurrence was handled. Not part of the cache key.',
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    const texts = typeof body.text === 'string' ? [body.text] : body.text
    const total = texts.reduce((sum, t) => sum + t.length, 0)
    if (total > MAX_TRANSLATE_TOTAL_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: `the texts total ${total} characters; the limit is ${MAX_TRANSLATE_TOTAL_LENGTH}`,
      })
    }
  })
  .openapi('TranslateRequest')

const DebugSchema = z
  .object({
    cached: z.boolean().openapi({ description: 'Whether this text came from the KV cache.' }),
    segments: z.number().int().openapi({ description: 'Pieces sent to the engine.' }),
    segmentsRetried: z
      .number()
      .int()
      .openapi({ description: 'Pieces translated again without placeholders.' }),
    placeholders: z.number().int(),
    placeholdersLost: z
      .number()
      .int()
      .openapi({ description: 'Placeholders the engine lost, duplicated or glued to a word.' }),
    terms: z.array(
      z.object({
        concept: z.string(),
        source: z.string(),
        target: z.string(),
        strategy: z.enum(['mask', 'verify']),
        method: z.enum(['mask', 'engine', 'postedit', 'missed']),
      })
    ),
  })
  .openapi('TranslationDebug')

const TranslationSchema = z
  .object({
    text: z.string(),
    detectedSource: z.string().openapi({
      description: 'The language translated from: detected when `source` is `auto`, else `source`.',
      example: 'en',
    }),
    terminology: TerminologySchema,
    debug: DebugSchema.optional(),
  })
  .openapi('Translation')

export const TranslateResponseSchema = z
  .object({
    provider: z.string().openapi({ example: 'apertium' }),
    target: z.string().openapi({ example: 'es' }),
    glossary: z
      .object({ id: z.string(), version: z.string() })
      .nullable()
      .openapi({ description: 'The glossary enforced, or `null`.' }),
    translations: z.array(TranslationSchema).openapi({ description: 'One per text, in order.' }),
  })
  .openapi('TranslateResponse')

export type TranslateResponse = z.infer<typeof TranslateResponseSchema>

const translateHeaders = z.object({
  ETag: z.string().openapi({ description: 'Strong validator of the representation.' }),
  'X-Cache': z.enum(['HIT', 'MISS', 'PARTIAL']).openapi({
    description: 'HIT: every text came from the KV cache; PARTIAL: some did; MISS: none.',
  }),
  'Cache-Control': z.string(),
  'X-Request-Id': z.string(),
})

const translateRoute = createRoute({
  method: 'post',
  path: '/v1/translate',
  operationId: 'translate',
  tags: ['Translation'],
  summary: 'Translate with the glossary enforced and a terminology report per text',
  description:
    'Invariable glossary terms (names, organisations, `dnt`) are protected during translation and restored in the target form; inflecting terms are translated, then verified and repaired where possible. The report is computed from the output. A batch is all or nothing: on any engine failure the answer is a problem and nothing is cached.',
  request: {
    body: { required: true, content: { 'application/json': { schema: TranslateRequestSchema } } },
  },
  responses: {
    200: {
      description: 'One translation per text, in input order.',
      headers: translateHeaders,
      content: { 'application/json': { schema: TranslateResponseSchema } },
    },
    304: { description: 'Not modified (If-None-Match matched).' },
    ...problemResponses,
    422: problemSpec(
      '`invalid_request` (schema; `errors` names each field), `unknown_glossary` (`#/glossary`), `language_not_detected`, `unsupported_language_pair` (with `supportedTargets`) or `provider_not_configured` (with `availableProviders`).'
    ),
    502: problemSpec(
      '`provider_unavailable` (engine unreachable or failing, after one retry) or `provider_bad_response`.'
    ),
    503: problemSpec('`provider_rate_limited`: the engine’s own limit; see `Retry-After`.'),
    504: problemSpec('`provider_timeout`: no answer within `TRANSLATION_TIMEOUT_MS`.'),
  },
})

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

const languagesRoute = createRoute({
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

/** The source language of each text: detected for `auto`, else the declared one. */
function resolveSources(texts: readonly string[], source: string, single: boolean): string[] {
  if (source !== 'auto') return texts.map(() => canonicalTag(source))
  const errors: FieldError[] = []
  const sources = texts.map((text, i) => {
    const detected = detectLanguage(text).language
    if (detected === 'und') {
      errors.push({
        pointer: single ? '#/text' : `#/text/${i}`,
        message: 'too short or too mixed to detect its language',
      })
    }
    return detected
  })
  if (errors.length > 0) {
    throw new ApiError(
      'language_not_detected',
      `The language of ${errors.length === 1 ? 'a text' : `${errors.length} texts`} could not be detected; send "source".`,
      { errors }
    )
  }
  return sources
}

/** A stored translation, or `undefined` when absent or not what we stored. */
function parseStored(raw: string | null): Translation | undefined {
  if (raw === null) return undefined
  try {
    const value = JSON.parse(raw) as Partial<Translation> | null
    if (
      value &&
      typeof value.text === 'string' &&
      value.terminology &&
      Array.isArray(value.terms) &&
      value.stats
    ) {
      return value as Translation
    }
  } catch {
    // corrupt entry: a miss, overwritten below
  }
  return undefined
}

function renderTranslation(
  translation: Translation,
  detectedSource: string,
  cached: boolean,
  debug: boolean
): TranslateResponse['translations'][number] {
  return {
    text: translation.text,
    detectedSource,
    terminology: {
      expected: translation.terminology.expected,
      applied: translation.terminology.applied,
      missed: translation.terminology.missed.map((m) => ({ source: m.source, target: m.target })),
    },
    ...(debug
      ? {
          debug: {
            cached,
            ...translation.stats,
            terms: translation.terms.map((t) => ({
              concept: t.concept,
              source: t.source,
              target: t.target,
              strategy: t.strategy,
              method: t.method,
            })),
          },
        }
      : {}),
  }
}

function describeSupport(support: LanguageSupport) {
  return {
    sources: [...support.sources],
    targets: [...support.targets],
    ...(support.pairs ? { pairs: support.pairs.map((p) => ({ ...p })) } : {}),
  }
}

export const translateRoutes = createRouter()
  .openapi(translateRoute, async (c) => {
    const body = c.req.valid('json')
    const { cache, config } = c.var.services
    const single = typeof body.text === 'string'
    const texts = typeof body.text === 'string' ? [body.text] : body.text
    const target = canonicalTag(body.target)
    const glossary = await resolveGlossary(c, body.glossary)
    const provider: TranslationProvider = resolveEngine(c, body.provider)
    const sources = resolveSources(texts, body.source, single)

    // Per-text cache: look every text up, translate only the misses, store only after success.
    const directives = requestDirectives(c)
    const parameters = (source: string) => ({
      source,
      target,
      provider: provider.name,
      glossary: glossary ? `${glossary.id}@${glossary.version}` : null,
    })
    // Texts already in the target language never reach the engine: not worth a KV round trip.
    const cacheable = sources.map((source) => !sameLanguage(source, target))
    const keys = await Promise.all(
      texts.map((text, i) =>
        cacheable[i]
          ? textCacheKey(
              'translate',
              ALGORITHM_VERSIONS.translate,
              parameters(sources[i] ?? ''),
              text
            )
          : Promise.resolve(undefined)
      )
    )
    const stored = await Promise.all(
      keys.map(async (key) =>
        key !== undefined && directives.read ? parseStored(await cache.get(key)) : undefined
      )
    )
    const missing = stored.flatMap((s, i) => (s === undefined ? [i] : []))
    const fresh: Translation[] =
      missing.length === 0
        ? []
        : await withProviderErrors(c.var.services.log, () =>
            translateItems(
              missing.map((i) => ({ text: texts[i] ?? '', source: sources[i] ?? '' })),
              { provider, target, glossary, timeoutMs: config.translation.timeoutMs }
            )
          )

    // The whole batch is complete: store what the engine translated, answer in input order.
    const fromEngine = new Map<number, Translation>()
    missing.forEach((index, k) => {
      const translation = fresh[k]
      if (!translation) throw new Error('translateItems returned fewer translations than texts')
      fromEngine.set(index, translation)
      const key = keys[index]
      if (key !== undefined && directives.write) {
        cache.put(key, JSON.stringify(translation), config.cacheTtlSeconds)
      }
    })
    const results = texts.map((_, i) => {
      const hit = stored[i]
      return hit
        ? { translation: hit, cached: true }
        : { translation: fromEngine.get(i) as Translation, cached: false }
    })
    const hits = results.filter((r) => r.cached).length
    const response: TranslateResponse = {
      provider: provider.name,
      target,
      glossary: glossary ? { id: glossary.id, version: glossary.version } : null,
      translations: results.map((r, i) =>
        renderTranslation(r.translation, sources[i] ?? '', r.cached, body.debug)
      ),
    }
    const res = await cachedResult(c, {
      key: undefined,
      compute: () => response,
      render: (value) => value,
    })
    res.headers.set('X-Cache', hits === 0 ? 'MISS' : hits === texts.length ? 'HIT' : 'PARTIAL')
    return res
  })
  .openapi(languagesRoute, async (c) => {
    const { translators, config } = c.var.services
    const { provider: only } = c.req.valid('query')
    if (only !== undefined && !translators.configured.includes(only)) {
      throw new ApiError(
        'provider_not_configured',
        `The provider '${only}' is not configured here; available: ${translators.configured.join(', ')}.`,
        { extensions: { availableProviders: [...translators.configured] } }
      )
    }
    const names = only !== undefined ? [only] : translators.configured
    const failures: ProviderError[] = []
    const providers = await Promise.all(
      names.map(async (name) => {
        const base = { name, default: name === translators.defaultProvider }
        const choice = translators.resolve(name)
        if (!choice.ok) return { ...base, available: false }
        try {
          const support = await listLanguages(choice.provider, {
            timeoutMs: config.translation.timeoutMs,
          })
          return { ...base, available: true, ...describeSupport(support) }
        } catch (error) {
          if (!isProviderError(error)) throw error
          failures.push(error)
          const problem = engineFailure(c.var.services.log, error)
          return {
            ...base,
            available: false,
            error: { code: problem.code, status: problem.status, detail: problem.detail },
          }
        }
      })
    )
    const first = failures[0]
    if (first && providers.every((p) => !p.available)) {
      // Nobody answered: the endpoint cannot say anything useful, so it is the engine's problem.
      const problem = providerApiError(first)
      throw new ApiError(problem.code, problem.detail, {
        ...problem.options,
        extensions: { ...problem.options.extensions, providers },
      })
    }
    return c.json({ defaultProvider: translators.defaultProvider, providers }, 200, {
      'Cache-Control': failures.length === 0 ? 'public, max-age=300' : 'no-store',
    })
  })
