/**
 * Size limits for glossaries, shared by the file check, the importers and the API.
 *
 * They keep one glossary small enough to compile into a matcher in a few milliseconds and to fit
 * in one KV value (25 MiB) with a wide margin, and they bound the work any single import can
 * cause.
 *
 * @module
 */

/** Every limit in one place, so the README and the API documentation can quote them. */
export const GLOSSARY_LIMITS = {
  /** Characters (Unicode code points, after NFC) per term. */
  maxTermLength: 256,
  /** Characters per note. */
  maxNoteLength: 1000,
  /** Concepts (rows) per glossary. */
  maxEntries: 10_000,
  /** Language columns per glossary. */
  maxLanguages: 32,
  /** Terms (preferred + variants + forms + forbidden) in one cell. */
  maxTermsPerCell: 32,
  /**
   * Terms of one column that end one another (`路`, `之路`, `丝绸之路`): the matcher looks at
   * each of them wherever the longest ends, so this bounds its work per character.
   */
  maxNestedTerms: 32,
  /** Bytes of an imported document (TSV, CSV, TBX or JSON), UTF-8. */
  maxImportBytes: 2 * 1024 * 1024,
  /** Characters of a concept id. */
  maxConceptIdLength: 64,
  /** Nesting depth of an imported XML document. */
  maxXmlDepth: 32,
} as const

/**
 * Glossary ids: the file name without `.tsv` for bundled glossaries, the URL segment in the API.
 * Lowercase ASCII letters, digits and inner hyphens, at most 64 characters.
 */
export const GLOSSARY_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/

/**
 * Concept ids (the optional `id` column): ASCII, starting with a letter so that they are valid
 * XML ids in a TBX export.
 */
export const CONCEPT_ID_PATTERN = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/

/** `true` when `id` can name a glossary. */
export function isGlossaryId(id: string): boolean {
  return GLOSSARY_ID_PATTERN.test(id)
}
