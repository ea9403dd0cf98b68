/**
 * The syntax of one language cell in a TSV or CSV glossary:
 *
 *     Xi'an|Xian|!Xi'un           preferred | variant | forbidden
 *     yuan|~yuanes                preferred | inflected form
 *     AC\|DC                      a literal | inside a term
 *
 * Terms are separated by `|`. The first is the preferred term; a term starting with `!` is
 * forbidden, one starting with `~` is an inflected form of the preferred term, any other is a
 * variant. A backslash escapes the next character: `\|`, `\\`, and `\!`/`\~` for a term that
 * really starts with `!` or `~`.
 *
 * @module
 */

/** A cell split into roles. */
export type ParsedCell = {
  /** Preferred term first, then variants. Empty strings are kept so validation can name them. */
  readonly terms: readonly string[]
  readonly forms: readonly string[]
  readonly forbidden: readonly string[]
  /** Syntax problems (the cell is still split as well as possible). */
  readonly problems: readonly {
    readonly code: 'bad_escape' | 'misplaced_term'
    readonly message: string
  }[]
}

/**
 * Splits a cell into preferred term, variants, forms and forbidden terms. An empty (or blank)
 * cell gives no terms.
 */
export function parseCell(cell: string): ParsedCell {
  const terms: string[] = []
  const forms: string[] = []
  const forbidden: string[] = []
  const problems: { code: 'bad_escape' | 'misplaced_term'; message: string }[] = []
  if (cell.trim() === '') return { terms, forms, forbidden, problems }

  let current = ''
  let marker: '!' | '~' | undefined
  // Only a `!`/`~` before any other character of the item is a marker; an escaped one is text.
  let atItemStart = true
  const items: { text: string; marker: '!' | '~' | undefined }[] = []
  const finish = (): void => {
    items.push({ text: current, marker })
    current = ''
    marker = undefined
    atItemStart = true
  }
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i] as string
    if (c === '\\') {
      const next = cell[i + 1]
      if (next === '|' || next === '\\' || next === '!' || next === '~') {
        current += next
        atItemStart = false
        i++
      } else {
        problems.push({
          code: 'bad_escape',
          message:
            next === undefined
              ? 'the cell ends with a backslash: write \\\\ for a literal backslash'
              : `unknown escape '\\${next}': a backslash can only escape | \\ ! or ~ (write \\\\ for a literal backslash)`,
        })
        current += c
      }
      continue
    }
    if (c === '|') {
      finish()
      continue
    }
    if (atItemStart && (c === '!' || c === '~')) {
      marker = c
      current = ''
      atItemStart = false
      continue
    }
    if (c.trim() !== '') atItemStart = false
    current += c
  }
  finish()

  // The first item is the preferred term, unless the cell holds only forbidden terms (allowed
  // for do-not-translate concepts: see validation).
  const onlyForbidden = items.every((item) => item.marker === '!')
  items.forEach((item, index) => {
    if (item.marker === '!') forbidden.push(item.text)
    else if (item.marker === '~') forms.push(item.text)
    else terms.push(item.text)
    if (index === 0 && item.marker !== undefined && !onlyForbidden) {
      problems.push({
        code: 'misplaced_term',
        message: `the first term in a cell is the preferred term; it cannot be ${item.marker === '!' ? 'forbidden (!)' : 'an inflected form (~)'}: put the preferred term first`,
      })
    }
  })
  return { terms, forms, forbidden, problems }
}

function escapeTerm(term: string): string {
  const escaped = term.replace(/[\\|]/g, (c) => `\\${c}`)
  return escaped.startsWith('!') || escaped.startsWith('~') ? `\\${escaped}` : escaped
}

/**
 * Writes a cell: preferred term, variants, then `~forms`, then `!forbidden` terms, escaped so
 * that {@link parseCell} gives them back.
 */
export function formatCell(
  terms: readonly string[] | undefined,
  forms: readonly string[] | undefined,
  forbidden: readonly string[] | undefined
): string {
  return [
    ...(terms ?? []).map(escapeTerm),
    ...(forms ?? []).map((t) => `~${escapeTerm(t)}`),
    ...(forbidden ?? []).map((t) => `!${escapeTerm(t)}`),
  ].join('|')
}
