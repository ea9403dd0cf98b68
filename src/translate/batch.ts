/**
 * Batches over {@link translateTexts}: items with different source languages (a `source: "auto"`
 * request), and one set of texts into several targets (summaries with `"translate": [...]`).
 *
 * Both are all or nothing, like `translateTexts`: the groups run concurrently, the first failure
 * cancels the others and is rethrown, so a caller never sees — or caches — part of a batch.
 * Items already in the target language are not sent to the engine: they go through the same
 * pipeline with an identity engine, so the glossary's preferred terms are still applied and the
 * terminology report is still computed from the text.
 *
 * @module
 */
import { primarySubtag } from '../text/language'
import { type TranslateOptions, translateTexts } from './pipeline'
import type { TerminologyReport, Translation, TranslationProvider } from './types'

/**
 * Whether two language tags name the same language for translation purposes: equal, or one is
 * the bare primary subtag of the other (`en` and `en-GB`; not `pt-BR` and `pt-PT`).
 */
export function sameLanguage(a: string, b: string): boolean {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  if (x === y) return true
  if (primarySubtag(x) !== primarySubtag(y)) return false
  return x === primarySubtag(x) || y === primarySubtag(y)
}

/** The engine for texts already in the target language: returns every segment unchanged. */
const IDENTITY: TranslationProvider = {
  name: 'identity',
  maxSegmentChars: 100_000,
  translate: async (segments) => segments,
  languages: async () => ({ sources: [], targets: [] }),
}

/** One text and the language it is in (detected or declared). */
export type BatchItem = { readonly text: string; readonly source: string }

/** Options of {@link translateItems}: everything but the source, which each item carries. */
export type BatchOptions = Omit<TranslateOptions, 'source'>

/**
 * Runs tasks concurrently, all or nothing: the first rejection aborts the shared signal (so the
 * others stop waiting on their engines) and is the one rethrown.
 */
async function allOrNothing<T>(
  external: AbortSignal | undefined,
  tasks: ReadonlyArray<(signal: AbortSignal) => Promise<T>>
): Promise<T[]> {
  const controller = new AbortController()
  const signal = external ? AbortSignal.any([external, controller.signal]) : controller.signal
  let first: { error: unknown } | undefined
  const results = await Promise.allSettled(
    tasks.map((task) =>
      task(signal).catch((error: unknown) => {
        if (!first) {
          first = { error }
          controller.abort(new Error('another part of the batch failed'))
        }
        throw error
      })
    )
  )
  if (first) throw first.error
  return results.map((r) => (r as PromiseFulfilledResult<T>).value)
}

/**
 * Translates items whose sources may differ into `options.target`, one engine call per source
 * language (items in the target language skip the engine). Results are in input order.
 *
 * @throws ProviderError from the first group that failed; no result at all in that case.
 * @example
 * const translations = await translateItems(
 *   [{ text: 'The summit.', source: 'en' }, { text: 'La cumbre.', source: 'es' }],
 *   { provider, target: 'es', glossary },
 * )
 */
export async function translateItems(
  items: readonly BatchItem[],
  options: BatchOptions
): Promise<Translation[]> {
  const groups = new Map<string, number[]>()
  items.forEach((item, index) => {
    const group = groups.get(item.source)
    if (group) group.push(index)
    else groups.set(item.source, [index])
  })
  const entries = [...groups.entries()]
  const batches = await allOrNothing(
    options.signal,
    entries.map(([source, indexes]) => (signal: AbortSignal) => {
      const identity = sameLanguage(source, options.target)
      return translateTexts(
        indexes.map((i) => (items[i] as BatchItem).text),
        {
          ...options,
          source,
          signal,
          ...(identity ? { provider: IDENTITY } : {}),
        }
      )
    })
  )
  const out = new Array<Translation>(items.length)
  entries.forEach(([, indexes], g) => {
    const translations = batches[g]?.translations ?? []
    indexes.forEach((itemIndex, k) => {
      const translation = translations[k]
      if (!translation) throw new Error('translateTexts returned fewer translations than texts')
      out[itemIndex] = translation
    })
  })
  return out
}

/** One text in one target language: what a summary shows under `translations[target]`. */
export type TargetTranslation = {
  readonly text: string
  readonly terminology: TerminologyReport
}

/**
 * Translates the same texts (e.g. the summaries of one article) into several targets, all or
 * nothing. A target in the source language returns the texts with the glossary's preferred
 * terms applied, without an engine call.
 *
 * @returns target → one {@link TargetTranslation} per text, in input order.
 * @throws ProviderError from the first target that failed (then nothing is returned).
 * @example
 * const byTarget = await translateToTargets(summaries.map((s) => s.text), 'en', ['es', 'ca'], {
 *   provider, glossary, timeoutMs: config.translation.timeoutMs,
 * })
 * byTarget.es[0] // { text: 'La cumbre …', terminology: { expected: 2, applied: 2, missed: [] } }
 */
export async function translateToTargets(
  texts: readonly string[],
  source: string,
  targets: readonly string[],
  options: Omit<TranslateOptions, 'source' | 'target'>
): Promise<Record<string, TargetTranslation[]>> {
  const unique = [...new Set(targets)]
  const results = await allOrNothing(
    options.signal,
    unique.map(
      (target) => (signal: AbortSignal) =>
        translateItems(
          texts.map((text) => ({ text, source })),
          { ...options, target, signal }
        )
    )
  )
  const byTarget: Record<string, TargetTranslation[]> = {}
  unique.forEach((target, i) => {
    byTarget[target] = (results[i] ?? []).map((t) => ({ text: t.text, terminology: t.terminology }))
  })
  return byTarget
}
