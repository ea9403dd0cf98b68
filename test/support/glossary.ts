/**
 * Compact glossary construction for tests, the evaluation script and the benchmark. Rows go
 * through the real TSV importer and validation, so a test glossary has a real content version
 * (the matcher caches compiled glossaries by id and version) and the cell syntax of
 * `glossaries/README.md` (`Xi'an|Xian`, `yuan|~yuanes`, `!Xi'un`).
 *
 * @module
 */
import { parseTsvGlossary } from '../../src/glossary/table'
import type { Glossary } from '../../src/glossary/types'

/** One row: language cells in the TSV cell syntax, optional flags (`dnt`, `inflect`, …). */
export type Row = Readonly<Record<string, string>> & { readonly flags?: string }

/** The rows as a TSV document (languages in order of first appearance, then `flags`). */
export function rowsToTsv(rows: readonly Row[]): string {
  const languages: string[] = []
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (key !== 'flags' && !languages.includes(key)) languages.push(key)
    }
  }
  const lines = [[...languages, 'flags'].join('\t')]
  for (const row of rows)
    lines.push([...languages.map((l) => row[l] ?? ''), row.flags ?? ''].join('\t'))
  return `${lines.join('\n')}\n`
}

/**
 * Builds a {@link Glossary} from rows such as `{ en: 'yuan', es: 'yuan|~yuanes', flags: 'inflect' }`.
 *
 * @throws Error listing every validation problem (a test glossary must be valid).
 */
export function glossaryFrom(rows: readonly Row[], id = 'test'): Glossary {
  const built = parseTsvGlossary(id, rowsToTsv(rows))
  if (!built.ok) {
    throw new Error(
      `invalid test glossary: ${built.issues.map((i) => `line ${i.line}: ${i.message}`).join('; ')}`
    )
  }
  return built.glossary
}
