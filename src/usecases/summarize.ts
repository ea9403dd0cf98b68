/**
 * Summarize an article: detect → glossary terms → summaries (with preferred terms shown) →
 * optional translations, computed once per distinct request and cached.
 *
 * @module
 */

import { z } from 'zod'
import {
  type Content,
  type ContentFormat,
  convertSpan,
  type OffsetUnit,
  offsetConverter,
  summaryText,
} from '../content/index'
import { findTermSpans, type TermSpans } from '../glossary/match'
import { preferredDisplay, type TermOccurrence, termOccurrences } from '../glossary/terms'
import type { Glossary } from '../glossary/types'
import type { Detection } from '../langid/detect'
import { detectLanguage } from '../langid/detect'
import { type Length, resolveLengths, type SummaryLength } from '../summarize/lengths'
import { summaryItems } from '../summarize/presets'
import {
  type Display,
  renderSummary,
  type SummarizeResult,
  type SummarySelection,
  summarize,
} from '../summarize/summarize'
import { inTypography, type Typography, typographyOf } from '../text/typography'
import { countWords } from '../text/words'
import { type TargetTranslation, translateToTargets } from '../translate/batch'
import type { ProviderName } from '../translate/engines'
import { isProviderError } from '../translate/errors'
import type { TranslationProvider } from '../translate/types'
import { ALGORITHM_VERSIONS } from '../version'
import { cacheAside } from './cache-aside'
import { textCacheKey } from './cache-key'
import { readSubmitted } from './content'
import type { CacheDirectives, UseCaseDeps } from './deps'
import { declaredLanguage } from './detect'
import { invalidField, UseCaseError, withEngineErrors } from './errors'
import {
  type PackedTerms,
  PackedTermsSchema,
  packTermSpans,
  packTerms,
  spansOfPacked,
  unpackTerms,
} from './packed-terms'
import { canonicalTag, resolveEngine, resolveGlossary } from './resolve'
import { DetectionStored, TargetTranslationStored } from './stored'

export type SummarizeInput = {
  readonly text: string
  readonly title?: string
  /** `auto` detects; a BCP 47 code skips detection. */
  readonly language: string
  readonly lengths: readonly SummaryLength[]
  /** How `text` is written (default `text`). */
  readonly format?: ContentFormat
  /** Unit of the offsets in the output (default `utf16`). */
  readonly offsetUnit?: OffsetUnit
  /** Order of each summary's sentences (default `offset`, article order). */
  readonly sortBy?: 'offset' | 'rank'
  /** Absent: the deployment default; `null`: none. */
  readonly glossary?: string | null
  /** Languages to translate every summary into. */
  readonly translate?: readonly string[]
  readonly provider?: ProviderName
  readonly cache?: CacheDirectives
}

/** One summary as a reader gets it. */
export type SummaryOutput = {
  name: string
  text: string
  wordCount: number
  characterCount: number
  truncated: boolean
  sentences: { index: number; text: string; offset: number; length: number; score: number }[]
  items?: string[]
  translations?: Record<
    string,
    {
      text: string
      terminology: {
        expected: number
        applied: number
        missed: { source: string; target: string }[]
      }
    }
  >
}

export type SummarizeOutput = {
  language: Detection & { alternatives: { language: string; confidence: number }[] }
  glossary: { id: string; version: string } | null
  terms: TermOccurrence[]
  sentenceCount: number
  summaries: SummaryOutput[]
}

/** What is cached: the computed result, before the texts are sliced out of the input. */
type StoredSummaries = {
  detection: Detection
  result: SummarizeResult
  /** Glossary occurrences in the input (offsets into the text as sent), packed. */
  terms: PackedTerms
  /** Per target language, one translation per summary (in summary order). */
  translations: Record<string, TargetTranslation[]> | null
}

const StoredSummariesSchema: z.ZodType<StoredSummaries> = z.object({
  detection: DetectionStored,
  result: z.object({
    sentenceCount: z.number().int(),
    summaries: z.array(
      z.object({
        name: z.string(),
        truncated: z.boolean(),
        sentences: z.array(
          z.object({
            index: z.number().int(),
            offset: z.number().int(),
            length: z.number().int(),
            score: z.number(),
          })
        ),
      })
    ),
  }),
  terms: PackedTermsSchema,
  translations: z.record(z.string(), z.array(TargetTranslationStored)).nullable(),
})

/**
 * The lengths of a request with their names, refusing two with the same name: a client could
 * not tell the two summaries apart. Unnamed custom lengths are named after their budget, so two
 * unnamed equal budgets collide too.
 */
export function namedLengths(requests: readonly SummaryLength[]): Length[] {
  const lengths = resolveLengths(requests)
  const seen = new Set<string>()
  lengths.forEach((length, i) => {
    if (seen.has(length.name)) {
      throw invalidField(
        `#/lengths/${i}`,
        'length names must be unique',
        `Two lengths are named '${length.name}'; give one a different "name".`
      )
    }
    seen.add(length.name)
  })
  return lengths
}

/** Summarizes an article per the input; `hit` says whether it came from the cache. */
export async function summarizeArticle(
  deps: UseCaseDeps,
  input: SummarizeInput
): Promise<{ value: SummarizeOutput; hit: boolean }> {
  const lengths = namedLengths(input.lengths)
  const format = input.format ?? 'text'
  // Markup is read before anything else: a page with no text is refused before any other work.
  const content = readSubmitted(input.text, format)
  const title = input.title?.normalize('NFC')
  const glossary = await resolveGlossary(deps, input.glossary)
  const targets = (input.translate ?? []).map(canonicalTag)
  const provider = targets.length > 0 ? resolveEngine(deps, input.provider) : undefined
  const key = await textCacheKey(
    'summarize',
    `${ALGORITHM_VERSIONS.summarize}+${ALGORITHM_VERSIONS.detect}+${ALGORITHM_VERSIONS.translate}`,
    {
      title: title ?? null,
      format,
      language: input.language,
      lengths,
      glossary: glossary ? `${glossary.id}@${glossary.version}` : null,
      translate: targets,
      provider: provider?.name ?? null,
    },
    input.text
  )
  const { value: stored, hit } = await cacheAside(deps, {
    key,
    schema: StoredSummariesSchema,
    ...(input.cache ? { directives: input.cache } : {}),
    compute: () =>
      computeSummaries(
        deps,
        content,
        { title, language: input.language, lengths },
        {
          glossary,
          targets,
          provider,
        }
      ),
  })
  return {
    value: renderOutput(content, glossary, stored, {
      unit: input.offsetUnit ?? 'utf16',
      sortBy: input.sortBy ?? 'offset',
    }),
    hit,
  }
}

async function computeSummaries(
  deps: UseCaseDeps,
  content: Content,
  request: { title: string | undefined; language: string; lengths: readonly Length[] },
  translation: {
    glossary: Glossary | null
    targets: readonly string[]
    provider: TranslationProvider | undefined
  }
): Promise<StoredSummaries> {
  const { glossary, provider, targets } = translation
  const { text } = content
  const detection =
    request.language === 'auto' ? detectLanguage(text) : declaredLanguage(request.language)
  const spans = glossary ? findTermSpans(glossary, text, detection.language) : undefined
  const display = spans ? preferredTerms(text, spans) : undefined
  // Headings are blanked (same offsets): never summary sentences. The document's own h1 is the
  // title when the request sends none.
  const title = request.title ?? content.title
  const result = summarize(summaryText(content), {
    language: detection.language,
    // Already named: passing the names keeps them (and the budgets) exactly as keyed.
    lengths: request.lengths.map((l) => ({ name: l.name, ...l.budget })),
    ...(title !== undefined ? { title } : {}),
    ...(display ? { display } : {}),
  })
  let translations: StoredSummaries['translations'] = null
  if (provider) {
    if (detection.language === 'und') {
      throw new UseCaseError(
        'language_not_detected',
        'The language of the text could not be detected, so it cannot be translated; send "language".',
        { fields: [{ pointer: '#/text', message: 'language not detected' }] }
      )
    }
    const texts = result.summaries.map((s) => renderSummary(text, s, display))
    translations = await translateSummaries(deps, texts, detection.language, targets, {
      provider,
      glossary,
    })
  }
  return { detection, result, terms: spans ? packTermSpans(spans) : packTerms([]), translations }
}

/**
 * How a sentence is shown: its input slice with glossary variants and forbidden terms replaced
 * by the preferred term. `undefined` when there is nothing to replace.
 */
function preferredTerms(text: string, spans: TermSpans): Display | undefined {
  // A preferred term takes the article's typography ("Xi'an" shown as "Xi’an" in a text that
  // writes ’), so the summary does not mix styles. Read once, when a term is first rewritten.
  let style: Typography | undefined
  return preferredDisplay(text, spans, (preferred) => {
    style ??= typographyOf(text)
    return inTypography(preferred, style)
  })
}

/** Translates the summaries (empty ones stay empty); engine failures become use-case errors. */
async function translateSummaries(
  deps: UseCaseDeps,
  texts: readonly string[],
  source: string,
  targets: readonly string[],
  options: { provider: TranslationProvider; glossary: Glossary | null }
): Promise<Record<string, TargetTranslation[]>> {
  const nonEmpty = texts.flatMap((t, i) => (t.trim() === '' ? [] : [i]))
  const translated = await withEngineErrors(deps.log, isProviderError, () =>
    translateToTargets(
      nonEmpty.map((i) => texts[i] ?? ''),
      source,
      targets,
      { ...options, timeoutMs: deps.config.translation.timeoutMs }
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

/** How offsets are given back: in which unit, and sentences in which order. */
type OutputShape = { readonly unit: OffsetUnit; readonly sortBy: 'offset' | 'rank' }

/**
 * Plain-text range → span of the submitted source in the caller's unit. One converter per
 * output: offsets mostly come in ascending order, which keeps the conversion one pass.
 */
function sourceSpans(content: Content, unit: OffsetUnit) {
  const at = offsetConverter(content.source, unit)
  return (start: number, end: number) => convertSpan(at, content.span(start, end))
}

function renderOutput(
  content: Content,
  glossary: Glossary | null,
  stored: StoredSummaries,
  shape: OutputShape
): SummarizeOutput {
  const { text } = content
  const matches = unpackTerms(text, stored.terms)
  // Recomputed from the stored occurrences (a function cannot be cached), same as at compute time.
  const display = preferredTerms(text, spansOfPacked(stored.terms))
  const span = sourceSpans(content, shape.unit)
  return {
    language: { ...stored.detection, alternatives: [...stored.detection.alternatives] },
    glossary: glossary ? { id: glossary.id, version: glossary.version } : null,
    terms: termOccurrences(matches).map((t) => ({
      ...t,
      ...span(t.offset, t.offset + t.length),
    })),
    sentenceCount: stored.result.sentenceCount,
    summaries: stored.result.summaries.map((s, i) => ({
      ...renderSelection(text, s, stored.detection.language, display, span, shape.sortBy),
      ...(stored.translations ? { translations: translationsOf(stored.translations, i) } : {}),
    })),
  }
}

function translationsOf(
  translations: Record<string, TargetTranslation[]>,
  summary: number
): NonNullable<SummaryOutput['translations']> {
  const out: NonNullable<SummaryOutput['translations']> = {}
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

/** Adds the texts and counts a reader needs to a selection. */
function renderSelection(
  input: string,
  selection: SummarySelection,
  language: string,
  display: Display | undefined,
  span: (start: number, end: number) => { offset: number; length: number },
  sortBy: 'offset' | 'rank'
): Omit<SummaryOutput, 'translations'> {
  const text = renderSummary(input, selection, display)
  const sentences = selection.sentences.map((s) => ({
    index: s.index,
    text: input.slice(s.offset, s.offset + s.length),
    ...span(s.offset, s.offset + s.length),
    score: s.score,
  }))
  if (sortBy === 'rank') sentences.sort((a, b) => b.score - a.score || a.index - b.index)
  return {
    name: selection.name,
    text,
    wordCount: countWords(text, language),
    characterCount: text.length,
    truncated: selection.truncated,
    sentences,
    ...(selection.name === 'keyPoints' ? { items: summaryItems(input, selection, display) } : {}),
  }
}
