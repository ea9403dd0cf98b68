/**
 * Stopwords for the languages the summarizer supports, from the maintained `stopwords-iso`
 * collection.
 *
 * The package is one JSON object keyed by language; importing named keys lets the bundler
 * (esbuild, used by wrangler and vitest) drop every other language, so the Worker carries only
 * these lists (~64 KB of JSON before compression) instead of the whole 207 KB file.
 *
 * @module
 */
import {
  ar,
  de,
  en,
  es,
  fr,
  it,
  ja,
  ko,
  nl,
  pl,
  pt,
  ru,
  tr,
  uk,
  zh,
} from 'stopwords-iso/stopwords-iso.json'

const LISTS: Readonly<Record<string, readonly string[]>> = {
  ar,
  de,
  en,
  es,
  fr,
  it,
  ja,
  ko,
  nl,
  pl,
  pt,
  ru,
  tr,
  uk,
  zh,
}

/** Languages with a stopword list. */
export const STOPWORD_LANGUAGES: readonly string[] = Object.keys(LISTS).sort()

const EMPTY: ReadonlySet<string> = new Set()
const sets = new Map<string, ReadonlySet<string>>()

/**
 * The stopwords of a language (lowercase, apostrophes as U+0027), or an empty set for a language
 * without a list: the summarizer then runs the same algorithm on every word, which IDF weighting
 * tolerates.
 *
 * @param language - BCP 47 code; only the primary subtag is used (`pt-BR` → `pt`).
 */
export function stopwordsFor(language: string): ReadonlySet<string> {
  const base = primaryTag(language)
  const list = Object.hasOwn(LISTS, base) ? LISTS[base] : undefined
  // Only known languages are cached, so arbitrary codes from requests cannot grow the map.
  if (list === undefined) return EMPTY
  let set = sets.get(base)
  if (set === undefined) {
    // Built on first use, once per isolate: most requests use one or two languages.
    set = new Set(list.map((w) => w.toLowerCase().replace(/[’ʼ]/g, "'")))
    sets.set(base, set)
  }
  return set
}

function primaryTag(language: string): string {
  const dash = language.indexOf('-')
  return (dash < 0 ? language : language.slice(0, dash)).toLowerCase()
}
