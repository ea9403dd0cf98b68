/**
 * Glossary decisions for translation: which terms are protected, what the output must contain,
 * and the little morphology needed to verify and repair inflecting terms.
 *
 * @module
 */
import { resolveColumn } from '../glossary/languages'
import { type EntryTerms, entryTermsIn } from '../glossary/model'
import type { Glossary, GlossaryEntry, TermMatch } from '../glossary/types'
import { primarySubtag } from '../text/language'

/** How a term is enforced. */
export type Strategy = 'mask' | 'verify'

/** One source occurrence the translation must honour. */
export type PlannedTerm = {
  readonly match: TermMatch
  readonly strategy: Strategy
  /** The term the output must contain (the target's preferred term; for `dnt`, see below). */
  readonly target: string
  /**
   * Inflected forms of the target term listed in the glossary (`~yuanes`): accepted in the
   * output like the term itself.
   */
  readonly forms: readonly string[]
  /** Whether the source occurrence is plural (decides the repaired form). */
  readonly plural: boolean
  /** Case-sensitive verification (invariable terms and entries flagged `case`). */
  readonly caseSensitive: boolean
  /** Source spellings the engine may have passed through untranslated (for repair). */
  readonly sourceForms: readonly string[]
}

/**
 * An entry's terms for a text in `language`: the glossary column for that language (exact tag,
 * else the same primary language: `pt-BR` → `pt`), with the glossary's do-not-translate fallback
 * (a `dnt` entry without a term in that column keeps its term from the first filled column).
 */
export function entryTermsFor(
  glossary: Glossary,
  entry: GlossaryEntry,
  language: string
): EntryTerms | undefined {
  const column = resolveColumn(glossary.languages, language) ?? language
  return entryTermsIn(glossary, entry, column)
}

const CASED_OR_DIGIT = /[\p{Lu}\p{Lt}\p{Nd}]/u

/**
 * Whether an entry is invariable (protected by a placeholder) or inflecting (translated, then
 * verified). Flags decide first: `dnt` and `fixed` protect, `inflect` translates. Without a flag
 * the rule is general, with no per-name knowledge: a term that carries a capital letter or a
 * digit in the source or the target (names, organisations, acronyms, codes — "Xi'an",
 * "Financial Times", "NATO"/"OTAN", "G20") is invariable; an all-lowercase term on both sides
 * ("yuan"/"yuanes", "summit"/"cumbre") is a common noun that must agree with its sentence, so
 * masking it would break gender and number.
 */
export function strategyFor(
  entry: GlossaryEntry,
  sourceTerm: string,
  targetTerm: string
): Strategy {
  if (entry.flags.includes('dnt') || entry.flags.includes('fixed')) return 'mask'
  if (entry.flags.includes('inflect')) return 'verify'
  return CASED_OR_DIGIT.test(sourceTerm) || CASED_OR_DIGIT.test(targetTerm) ? 'mask' : 'verify'
}

/**
 * Turns matcher output into the list of terms to enforce, in text order. The target term is the
 * target column's preferred term; a `dnt` entry with no term there keeps its term from the first
 * filled column (usually the source term), as the glossary format defines. Occurrences whose
 * entry has no term for the target are skipped: the glossary says nothing about them for this
 * pair. Overlapping matches (the matcher does not produce them) keep the first.
 */
export function planTerms(
  text: string,
  matches: readonly TermMatch[],
  glossary: Glossary,
  source: string,
  target: string
): PlannedTerm[] {
  const planned: PlannedTerm[] = []
  let lastEnd = -1
  const ordered = [...matches].sort((a, b) => a.start - b.start || b.end - a.end)
  for (const match of ordered) {
    if (match.start < lastEnd) continue
    const entry = glossary.entries[match.entry]
    if (!entry) continue
    const sourceTerms = entryTermsFor(glossary, entry, source)
    const targetTerms = entryTermsFor(glossary, entry, target)
    const targetTerm = targetTerms?.preferred
    if (!targetTerm) continue
    const sourcePreferred = match.preferred || sourceTerms?.preferred || match.found
    const strategy = strategyFor(entry, sourcePreferred, targetTerm)
    lastEnd = match.end
    planned.push({
      match,
      strategy,
      target: targetTerm,
      forms: targetTerms.forms,
      plural: strategy === 'verify' && isPluralOccurrence(text, match, sourcePreferred),
      caseSensitive: strategy === 'mask' || entry.flags.includes('case'),
      sourceForms: unique([
        match.found,
        sourcePreferred,
        ...(sourceTerms
          ? [sourceTerms.preferred, ...sourceTerms.variants, ...sourceTerms.forms]
          : []),
      ]),
    })
  }
  return planned
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v.trim() !== ''))]
}

/** Quantity words after which a noun is plural ("26 billion yuan", "varios millones"). */
const QUANTITY_WORDS = new Set([
  // en
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'million',
  'millions',
  'billion',
  'billions',
  'trillion',
  'trillions',
  'bn',
  'mn',
  'dozen',
  'dozens',
  'several',
  'many',
  'few',
  // es / ca / pt / fr / it
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'mil',
  'miles',
  'millones',
  'milions',
  'milhões',
  'millions',
  'milliards',
  'miliardi',
  'milioni',
  'varios',
  'varias',
  'muchos',
  'muchas',
  'plusieurs',
])

/**
 * Whether a source occurrence is plural: the found form adds an `s` to the preferred term
 * ("summits"), or the word before it is a number other than one or a quantity word
 * ("26 billion yuan", "3 yuan"). A general rule for count nouns, not a list of terms.
 */
export function isPluralOccurrence(text: string, match: TermMatch, preferred: string): boolean {
  const found = match.found.toLowerCase()
  const base = preferred.toLowerCase()
  if (found !== base && found.startsWith(base) && /^(?:e?s)$/.test(found.slice(base.length)))
    return true
  const before = text.slice(Math.max(0, match.start - 40), match.start)
  const previous = /([\p{L}\p{N}][\p{L}\p{N}.,]*)[^\p{L}\p{N}]*$/u.exec(before)?.[1]
  if (!previous) return false
  const word = previous.toLowerCase().replace(/[.,]+$/, '')
  if (/^\d[\d.,]*$/.test(word)) return !/^0*1$/.test(word)
  return QUANTITY_WORDS.has(word)
}

/**
 * The plural of a one-word target term, by the regular rule of the target language; the term
 * itself for multi-word terms, terms already ending in `s`, and languages without a rule here.
 */
export function pluralize(term: string, language: string): string {
  if (/\s/u.test(term) || term === '') return term
  const lower = term.toLowerCase()
  const last = lower.at(-1) ?? ''
  switch (primarySubtag(language)) {
    case 'es': {
      if (/[sx]$/.test(lower)) return term
      if (last === 'z') return `${term.slice(0, -1)}ces`
      if (/[aeoáéó]$/.test(lower)) return `${term}s`
      // "camión" → "camiones": the written accent goes when a syllable is added
      const unaccented = /[áéíóú][ns]$/.test(lower) ? stripLastAccent(term) : term
      return `${unaccented}es`
    }
    case 'pt':
      if (/s$/.test(lower)) return term
      if (/ão$/.test(lower)) return `${term.slice(0, -2)}ões`
      if (last === 'm') return `${term.slice(0, -1)}ns`
      if (/[rz]$/.test(lower)) return `${term}es`
      if (/l$/.test(lower)) return `${term.slice(0, -1)}is`
      return `${term}s`
    case 'ca':
      if (/s$/.test(lower)) return term
      if (last === 'a') return `${term.slice(0, -1)}es`
      return `${term}s`
    case 'fr':
      if (/[sxz]$/.test(lower)) return term
      if (/(?:au|eu)$/.test(lower)) return `${term}x`
      if (/al$/.test(lower)) return `${term.slice(0, -2)}aux`
      return `${term}s`
    case 'en':
      if (/(?:s|x|z|ch|sh)$/.test(lower)) return `${term}es`
      if (/[^aeiou]y$/.test(lower)) return `${term.slice(0, -1)}ies`
      return `${term}s`
    default:
      return term
  }
}

const ACUTE: Readonly<Record<string, string>> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' }
function stripLastAccent(term: string): string {
  for (let i = term.length - 1; i >= 0; i--) {
    const plain = ACUTE[term[i] ?? '']
    if (plain) return term.slice(0, i) + plain + term.slice(i + 1)
  }
  return term
}
