/**
 * Translate texts with the glossary enforced, caching per text: each translation is stored
 * under (text, source, target, provider, glossary id@version, pipeline version), so a batch that
 * repeats texts from an earlier one — a CMS re-sending its headlines with one changed — only
 * sends the new ones to the engine, and `source: "auto"` shares entries with the explicit source
 * it detects. Entries are written only after the whole batch succeeded: a failed batch stores
 * nothing.
 *
 * @module
 */
import { type ContentFormat, hasNoText, readContent } from '../content/index'
import { detectLanguage } from '../langid/detect'
import { sameLanguage, translateItems } from '../translate/batch'
import type { ProviderName } from '../translate/engines'
import { isProviderError } from '../translate/errors'
import { layoutOf, translateMarkupItems } from '../translate/markup'
import type { Translation } from '../translate/types'
import { ALGORITHM_VERSIONS } from '../version'
import { readChecked, writeValue } from './cache-aside'
import { textCacheKey } from './cache-key'
import { refuseComplexMarkdown } from './content'
import { type CacheDirectives, USE_CACHE, type UseCaseDeps } from './deps'
import { type FieldIssue, invalidField, noText, UseCaseError, withEngineErrors } from './errors'
import { canonicalTag, resolveEngine, resolveGlossary } from './resolve'
import { TranslationStored } from './stored'

/** Longest single text, in UTF-16 units (for HTML and Markdown: of its extracted text). */
export const MAX_TRANSLATE_ITEM_LENGTH = 50_000
/** Longest total of all texts of one request (HTML and Markdown: of their extracted texts). */
export const MAX_TRANSLATE_TOTAL_LENGTH = 100_000

export type TranslateInput = {
  readonly texts: readonly string[]
  /** How the texts are written (all the same way); markup is kept, its text translated. */
  readonly format?: ContentFormat
  /** Whether the caller sent one text rather than a list (field pointers differ). */
  readonly single: boolean
  /** `auto` detects each text's language; a code skips detection. */
  readonly source: string
  readonly target: string
  /** Absent: the deployment default; `null`: none. */
  readonly glossary?: string | null
  readonly provider?: ProviderName
  readonly cache?: CacheDirectives
}

/** One text's translation and whether it came from the cache. */
export type TranslatedText = {
  readonly translation: Translation
  readonly source: string
  readonly cached: boolean
}

export type TranslateOutput = {
  readonly provider: string
  readonly target: string
  readonly glossary: { id: string; version: string } | null
  readonly results: readonly TranslatedText[]
}

/**
 * The readable text of each markup document, refused before any work when there is none or when
 * it is over the limits plain text has (the markup itself only counts against the body limit).
 */
function readableTexts(texts: readonly string[], format: ContentFormat, single: boolean): string[] {
  if (format === 'text') return [...texts]
  const pointer = (i: number) => (single ? '#/text' : `#/text/${i}`)
  for (const [i, text] of texts.entries()) refuseComplexMarkdown(text, format, pointer(i))
  // What gets translated: every block's text (navigation and asides too, unlike a summary).
  const readable = texts.map((text) =>
    layoutOf(text, format)
      .blocks.map((runs) => runs.map((run) => run.text).join(''))
      .join('\n\n')
  )
  const articles = texts.map((text) => readContent(text, format))
  // Text kept as it is (`translate="no"`, code) is still text: only a page of nothing but markup
  // is refused.
  const empty = readable.findIndex(
    (text, i) => text.trim().length === 0 && hasNoText(articles[i] ?? readContent('', 'text'))
  )
  if (empty >= 0) throw noText(pointer(empty))
  const long = readable.findIndex((text) => text.length > MAX_TRANSLATE_ITEM_LENGTH)
  if (long >= 0) {
    throw invalidField(
      pointer(long),
      `its text (markup left out) must be at most ${MAX_TRANSLATE_ITEM_LENGTH} characters`
    )
  }
  const total = readable.reduce((sum, text) => sum + text.length, 0)
  if (total > MAX_TRANSLATE_TOTAL_LENGTH) {
    throw invalidField(
      '#/text',
      `the texts (markup left out) total ${total} characters; the limit is ${MAX_TRANSLATE_TOTAL_LENGTH}`
    )
  }
  // Languages are detected on what a reader reads: the article without its page furniture.
  return readable.map((text, i) => {
    const article = articles[i]
    return article === undefined || hasNoText(article) ? text : article.text
  })
}

/** The source language of each text: detected for `auto`, else the declared one. */
function resolveSources(texts: readonly string[], source: string, single: boolean): string[] {
  if (source !== 'auto') return texts.map(() => canonicalTag(source))
  const fields: FieldIssue[] = []
  const sources = texts.map((text, i) => {
    const detected = detectLanguage(text).language
    if (detected === 'und') {
      fields.push({
        pointer: single ? '#/text' : `#/text/${i}`,
        message: 'too short or too mixed to detect its language',
      })
    }
    return detected
  })
  if (fields.length > 0) {
    throw new UseCaseError(
      'language_not_detected',
      `The language of ${fields.length === 1 ? 'a text' : `${fields.length} texts`} could not be detected; send "source".`,
      { fields }
    )
  }
  return sources
}

/** Translates every text, from the cache where possible, all or nothing. */
export async function translateTexts(
  deps: UseCaseDeps,
  input: TranslateInput
): Promise<TranslateOutput> {
  const { texts } = input
  const format = input.format ?? 'text'
  const readable = readableTexts(texts, format, input.single)
  const directives = input.cache ?? USE_CACHE
  const target = canonicalTag(input.target)
  const glossary = await resolveGlossary(deps, input.glossary)
  const provider = resolveEngine(deps, input.provider)
  const sources = resolveSources(readable, input.source, input.single)

  const parameters = (source: string) => ({
    source,
    target,
    provider: provider.name,
    glossary: glossary ? `${glossary.id}@${glossary.version}` : null,
    // Plain text keeps the keys it always had; markup is a different result for the same bytes.
    ...(format === 'text' ? {} : { format }),
  })
  // Texts already in the target language never reach the engine: not worth a cache round trip.
  const keys = await Promise.all(
    texts.map((text, i) => {
      const source = sources[i] ?? ''
      return sameLanguage(source, target)
        ? Promise.resolve(undefined)
        : textCacheKey('translate', ALGORITHM_VERSIONS.translate, parameters(source), text)
    })
  )
  const stored = await Promise.all(
    keys.map((key) =>
      key !== undefined && directives.read
        ? readChecked(deps, key, TranslationStored)
        : Promise.resolve(undefined)
    )
  )
  const missing = stored.flatMap((s, i) => (s === undefined ? [i] : []))
  const fresh: Translation[] =
    missing.length === 0
      ? []
      : await withEngineErrors(deps.log, isProviderError, () =>
          format === 'text'
            ? translateItems(
                missing.map((i) => ({ text: texts[i] ?? '', source: sources[i] ?? '' })),
                { provider, target, glossary, timeoutMs: deps.config.translation.timeoutMs }
              )
            : translateMarkupItems(
                missing.map((i) => ({ text: texts[i] ?? '', source: sources[i] ?? '' })),
                format,
                { provider, target, glossary, timeoutMs: deps.config.translation.timeoutMs }
              )
        )

  // The whole batch is complete: store what the engine translated, answer in input order.
  const fromEngine = new Map<number, Translation>()
  missing.forEach((index, k) => {
    const translation = fresh[k]
    if (!translation) throw new Error('translateItems returned fewer translations than texts')
    fromEngine.set(index, translation)
    const key = keys[index]
    if (key !== undefined && directives.write) writeValue(deps, key, translation)
  })
  const results = texts.map((_, i): TranslatedText => {
    const hit = stored[i]
    const source = sources[i] ?? ''
    return hit
      ? { translation: hit, source, cached: true }
      : { translation: fromEngine.get(i) as Translation, source, cached: false }
  })
  return {
    provider: provider.name,
    target,
    glossary: glossary ? { id: glossary.id, version: glossary.version } : null,
    results,
  }
}
