/**
 * Glossary data model shared by the glossary matcher, the summarizer integration and the
 * translation pipeline. A glossary is concept-oriented (like TBX): one entry per concept, with
 * terms per language.
 *
 * @module
 */

/** Flags a localization team can set on an entry (the `flags` column). */
export type GlossaryFlag =
  /** Do not translate: the source term is kept as is in every language. */
  | 'dnt'
  /** Match case-sensitively (default: case-insensitive). */
  | 'case'
  /** The term inflects (common nouns, currencies: yuan → yuanes): translate it, then verify. */
  | 'inflect'
  /** The term never inflects (names, organisations): protect it during translation. */
  | 'fixed'

/** One concept. */
export type GlossaryEntry = {
  /** Optional stable concept id (the `id` column); otherwise derived from the row. */
  readonly id?: string
  /**
   * Terms per language (BCP 47 code → terms). The first term is the preferred one; the rest are
   * variants: accepted on input, replaced by the preferred term in output.
   */
  readonly terms: Readonly<Record<string, readonly string[]>>
  /** Terms that must not be used, per language (reported by the terminology check). */
  readonly forbidden: Readonly<Record<string, readonly string[]>>
  /**
   * Inflected forms of the preferred term, per language (`yuanes` for `yuan` in Spanish): the
   * matcher recognizes them as the concept (kind `preferred`), and nothing replaces or reports
   * them. Absent when the entry has none.
   */
  readonly forms?: Readonly<Record<string, readonly string[]>>
  readonly flags: readonly GlossaryFlag[]
  readonly note?: string
}

/** A whole glossary. */
export type Glossary = {
  /** The glossary id (file name without `.tsv` for bundled glossaries). */
  readonly id: string
  /** Content hash of the entries: changes whenever any term, flag or note changes. */
  readonly version: string
  /** Languages that have a column, in column order. */
  readonly languages: readonly string[]
  readonly entries: readonly GlossaryEntry[]
}

/** One occurrence of a glossary term in a text. */
export type TermMatch = {
  /** Index of the entry in `glossary.entries`. */
  readonly entry: number
  /** The concept's id, or its preferred term in the glossary's first language. */
  readonly concept: string
  /** Half-open UTF-16 range of the searched text. */
  readonly start: number
  readonly end: number
  /** The text as found (`text.slice(start, end)`). */
  readonly found: string
  /** The preferred term in the searched language. */
  readonly preferred: string
  /**
   * Whether the text used the preferred term (or one of its inflected forms), a variant, or a
   * forbidden term.
   */
  readonly kind: 'preferred' | 'variant' | 'forbidden'
  /** The glossary term that matched, as written in the glossary (`Xian` for a found `XIAN`). */
  readonly term?: string
}
