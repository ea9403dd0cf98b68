/**
 * `Intl.Segmenter` instances, built once per language and granularity: constructing one costs
 * more than segmenting a sentence.
 *
 * @module
 */
import { languageKey } from './language'

/** Bounds the per-isolate cache of each granularity: language codes come from requests. */
const MAX_CACHED_LOCALES = 32

const caches: Record<Intl.SegmenterOptions['granularity'] & string, Map<string, Intl.Segmenter>> = {
  grapheme: new Map(),
  word: new Map(),
  sentence: new Map(),
}

/**
 * The segmenter of `granularity` for `language`, keyed by the primary subtag only (so arbitrary
 * codes from requests cannot grow the cache); a locale `Intl` refuses falls back to `und`.
 */
export function segmenterFor(
  language: string,
  granularity: 'grapheme' | 'word' | 'sentence'
): Intl.Segmenter {
  // Word counting asks once per word of an unspaced script, always with the same tag: the last
  // answer per granularity skips reducing the tag (a slice, a lowercase copy, a regex test).
  const last = lastAnswer[granularity]
  if (last.language === language && last.segmenter !== undefined) return last.segmenter
  const segmenter = cachedSegmenter(language, granularity)
  last.language = language
  last.segmenter = segmenter
  return segmenter
}

const lastAnswer: Record<
  Intl.SegmenterOptions['granularity'] & string,
  { language: string; segmenter: Intl.Segmenter | undefined }
> = {
  grapheme: { language: '', segmenter: undefined },
  word: { language: '', segmenter: undefined },
  sentence: { language: '', segmenter: undefined },
}

function cachedSegmenter(
  language: string,
  granularity: 'grapheme' | 'word' | 'sentence'
): Intl.Segmenter {
  const cache = caches[granularity]
  const key = languageKey(language)
  let segmenter = cache.get(key)
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(key, { granularity })
    } catch {
      segmenter = new Intl.Segmenter('und', { granularity })
    }
    if (cache.size < MAX_CACHED_LOCALES) cache.set(key, segmenter)
  }
  return segmenter
}

/*
 * The first `Intl.Segmenter` of an isolate loads ICU's break-iteration data (≈ 18 ms of CPU in
 * Node, measured by `npm run bench -- cold-start`); later ones, in any locale and granularity,
 * cost microseconds. Paying it while the module loads moves it from the first request to isolate
 * startup, which has its own budget.
 */
segmenterFor('en', 'sentence')
