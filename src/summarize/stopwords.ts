/**
 * Stopwords for the languages the summarizer supports, from maintained lists, imported one
 * language at a time so the Worker bundle carries only these.
 *
 * - `@orama/stopwords` (Snowball/NLTK-sized lists, one module per language) for 13 languages.
 *   Lists of that size rank best on the dev set; the much larger English list of `stopwords-iso`
 *   (1,298 words, including "world", "million", "new") removes topic words and costs 4.5
 *   ROUGE-1 points on BBC at reference length (`npm run eval -- --ablation`).
 * - `stopwords-iso` for Polish and Korean, which Orama does not cover. The package is one JSON
 *   object; importing named keys lets the bundler drop every other language.
 *
 * @module
 */

import { stopwords as ar } from '@orama/stopwords/arabic'
import { stopwords as nl } from '@orama/stopwords/dutch'
import { stopwords as en } from '@orama/stopwords/english'
import { stopwords as fr } from '@orama/stopwords/french'
import { stopwords as de } from '@orama/stopwords/german'
import { stopwords as it } from '@orama/stopwords/italian'
import { stopwords as ja } from '@orama/stopwords/japanese'
import { stopwords as zh } from '@orama/stopwords/mandarin'
import { stopwords as pt } from '@orama/stopwords/portuguese'
import { stopwords as ru } from '@orama/stopwords/russian'
import { stopwords as es } from '@orama/stopwords/spanish'
import { stopwords as tr } from '@orama/stopwords/turkish'
import { stopwords as uk } from '@orama/stopwords/ukrainian'
import { ko, pl } from 'stopwords-iso/stopwords-iso.json'
import { primarySubtag } from '../text/language'
import { normalizeWord } from '../text/words'

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

const EMPTY: ReadonlySet<string> = new Set()
const sets = new Map<string, ReadonlySet<string>>()

/**
 * The stopwords of a language (lowercase, apostrophes as U+0027), or an empty set for a language
 * without a list: the summarizer then runs the same algorithm on every word.
 *
 * @param language - BCP 47 code; only the primary subtag is used (`pt-BR` → `pt`).
 */
export function stopwordsFor(language: string): ReadonlySet<string> {
  const base = primarySubtag(language)
  const list = Object.hasOwn(LISTS, base) ? LISTS[base] : undefined
  // Only known languages are cached, so arbitrary codes from requests cannot grow the map.
  if (list === undefined) return EMPTY
  let set = sets.get(base)
  if (set === undefined) {
    // Built on first use, once per isolate: most requests use one or two languages.
    set = new Set(list.map(normalizeWord))
    sets.set(base, set)
  }
  return set
}
