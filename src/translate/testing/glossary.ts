/**
 * Compact glossary construction for tests, the evaluation script and the benchmark.
 *
 * @module
 */
import type { Glossary, GlossaryEntry, GlossaryFlag } from '../../glossary/types'

/** One row: terms per language (`'Xi’an|Xian'` = preferred + variant), optional flags. */
export type Row = Readonly<Record<string, string>> & { readonly flags?: string }

/** Builds a {@link Glossary} from rows such as `{ en: 'yuan', es: 'yuan', flags: 'inflect' }`. */
export function glossaryFrom(rows: readonly Row[], id = 'test'): Glossary {
  const languages = new Set<string>()
  const entries: GlossaryEntry[] = rows.map((row) => {
    const terms: Record<string, string[]> = {}
    for (const [key, value] of Object.entries(row)) {
      if (key === 'flags' || value === undefined) continue
      languages.add(key)
      terms[key] = value
        .split('|')
        .map((t) => t.trim())
        .filter(Boolean)
    }
    const flags = (row.flags ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean) as GlossaryFlag[]
    return { terms, forbidden: {}, flags }
  })
  return { id, version: `v${rows.length}`, languages: [...languages], entries }
}
