/**
 * Small read helpers over the glossary model: a concept's name, its terms in one language (with
 * the do-not-translate fallback), the canonical JSON and the content version.
 *
 * @module
 */
import { sha256Hex } from './sha256'
import type { Glossary, GlossaryEntry, GlossaryFlag } from './types'

/** Flags in their canonical order (the order of {@link GlossaryFlag}). */
export const GLOSSARY_FLAGS: readonly GlossaryFlag[] = ['dnt', 'case', 'inflect', 'fixed']

/** An entry's terms in one language, split by role. */
export type EntryTerms = {
  /** The language column the terms come from (differs from the asked one for `dnt` entries). */
  readonly language: string
  readonly preferred: string
  readonly variants: readonly string[]
  readonly forms: readonly string[]
  readonly forbidden: readonly string[]
}

/**
 * The terms of `entry` in the column `language`.
 *
 * A `dnt` (do not translate) entry keeps its source term in every language, so when its cell for
 * `language` is empty the terms of its first filled column (in glossary column order) are used.
 * Forbidden terms always come from the asked language.
 *
 * @returns `undefined` when the entry has no term for the language.
 */
export function entryTermsIn(
  glossary: Pick<Glossary, 'languages'>,
  entry: GlossaryEntry,
  language: string
): EntryTerms | undefined {
  let column = language
  let terms = entry.terms[language]
  if ((terms === undefined || terms.length === 0) && entry.flags.includes('dnt')) {
    for (const l of glossary.languages) {
      const t = entry.terms[l]
      if (t !== undefined && t.length > 0) {
        column = l
        terms = t
        break
      }
    }
  }
  const preferred = terms?.[0]
  if (terms === undefined || preferred === undefined) return undefined
  return {
    language: column,
    preferred,
    variants: terms.slice(1),
    forms: entry.forms?.[column] ?? [],
    forbidden: entry.forbidden[language] ?? [],
  }
}

/**
 * The name of a concept in API responses: its `id`, or else its preferred term in the
 * glossary's first language that has one.
 */
export function conceptName(glossary: Pick<Glossary, 'languages'>, entry: GlossaryEntry): string {
  if (entry.id !== undefined) return entry.id
  for (const l of glossary.languages) {
    const preferred = entry.terms[l]?.[0]
    if (preferred !== undefined) return preferred
  }
  return ''
}

/** The parts of a glossary its version covers. */
export type GlossaryContent = Pick<Glossary, 'languages' | 'entries'>

function canonicalRecord(
  record: Readonly<Record<string, readonly string[]>> | undefined,
  languages: readonly string[]
): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {}
  if (record === undefined) return out
  for (const l of languages) {
    const terms = record[l]
    if (terms !== undefined && terms.length > 0) out[l] = terms
  }
  return out
}

/**
 * Canonical JSON of a glossary's content: languages in column order, entries in row order, keys
 * in a fixed order, empty parts left out. Equal content gives byte-equal JSON.
 */
export function canonicalJson(content: GlossaryContent): string {
  return JSON.stringify({
    languages: content.languages,
    entries: content.entries.map((e) => ({
      id: e.id ?? null,
      terms: canonicalRecord(e.terms, content.languages),
      forms: canonicalRecord(e.forms, content.languages),
      forbidden: canonicalRecord(e.forbidden, content.languages),
      flags: GLOSSARY_FLAGS.filter((f) => e.flags.includes(f)),
      note: e.note ?? null,
    })),
  })
}

/**
 * The version of a glossary's content: the first 16 hex digits of the SHA-256 of its canonical
 * JSON. Any change to a term, flag, note, id or column changes it; re-importing the same
 * content in another format does not.
 */
export function glossaryVersion(content: GlossaryContent): string {
  return sha256Hex(canonicalJson(content)).slice(0, 16)
}
