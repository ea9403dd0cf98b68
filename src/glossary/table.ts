/**
 * Glossaries as tables: the TSV files in `glossaries/` (and TSV/CSV imports and exports).
 *
 * A header row names the columns: one per language (BCP 47 code) plus optional `id`, `note` and
 * `flags`; each following row is one concept; each language cell uses the syntax of `cell.ts`.
 * Blank rows are skipped. Line numbers are 1-based, as an editor shows them.
 *
 * @module
 */
import { formatCell, parseCell } from './cell'
import { canonicalLanguage } from './languages'
import { GLOSSARY_LIMITS } from './limits'
import { GLOSSARY_FLAGS } from './model'
import type { GlossaryEntryInput } from './schema'
import type { Glossary } from './types'
import {
  type BuildResult,
  buildGlossary,
  type DocumentPath,
  type GlossaryIssue,
  type Locator,
  makeIssue,
  sortIssues,
} from './validate'

/** One row of a table source, with the line it starts on. */
export type TableRow = { readonly line: number; readonly cells: readonly string[] }

const SPECIAL_COLUMNS = ['id', 'note', 'flags'] as const
type SpecialColumn = (typeof SPECIAL_COLUMNS)[number]
type Column = { kind: 'language'; code: string } | { kind: SpecialColumn } | { kind: 'ignored' }

/** The column separator a table source was split on. */
export type TableSeparator = 'tab' | 'comma'

const SEPARATOR_NAMES: Readonly<Record<string, string>> = {
  '\t': 'tab',
  ',': 'comma',
  ';': 'semicolon',
}

/** `true` when `name` could head a column: a language code or one of the special columns. */
function looksLikeColumnName(name: string): boolean {
  const trimmed = name.trim().replace(/^"(.*)"$/, '$1')
  if (SPECIAL_COLUMNS.some((s) => s === trimmed.toLowerCase())) return true
  return canonicalLanguage(trimmed).ok
}

/**
 * Recognises a table split on the wrong separator: a header that is one cell holding column
 * names joined by another separator (`en;es;flags` in a TSV, as spreadsheet programs in many
 * European locales write "CSV"). Every later problem would be noise, so this is reported alone.
 */
export function wrongSeparatorIssue(
  header: TableRow,
  separator: TableSeparator
): GlossaryIssue | undefined {
  if (header.cells.length !== 1) return undefined
  const cell = header.cells[0] ?? ''
  const candidates = separator === 'tab' ? [';', ','] : [';', '\t']
  for (const other of candidates) {
    const parts = cell.split(other)
    if (parts.length < 2 || !parts.every(looksLikeColumnName)) continue
    const found = SEPARATOR_NAMES[other] ?? other
    const expected = separator === 'tab' ? 'tabs (TSV)' : 'commas (CSV)'
    const fix =
      separator === 'tab'
        ? `save it as "Tab-separated values"${other === ',' ? ', or send it as text/csv' : ''}`
        : other === '\t'
          ? 'send it as text/tab-separated-values'
          : 'save it with commas as the separator (or as "Tab-separated values")'
    return makeIssue(
      'wrong_separator',
      `the header '${cell.trim()}' looks ${found}-separated, but this file is read with ${expected}: ${fix}`,
      ['columns'],
      () => ({ line: header.line })
    )
  }
  return undefined
}

/** A term (or header cell) wrapped in straight double quotes, as some exports write text cells. */
export function isQuoted(value: string): boolean {
  const t = value.trim()
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"')
}

/** The `quoted_cell` problem for `value`, with the fix for the file's separator. */
export function quotedIssue(
  value: string,
  separator: TableSeparator,
  path: DocumentPath,
  locate: Locator
): GlossaryIssue {
  const bare = value.trim().slice(1, -1)
  const fix =
    separator === 'tab'
      ? 'TSV needs no quotes: remove them (in a spreadsheet, save as "Tab-separated values" without quoting text)'
      : 'the quotes are part of the value after CSV unquoting: remove the extra pair'
  return makeIssue(
    'quoted_cell',
    `${value.trim()} is wrapped in double quotes, which would be stored as part of the term; write ${bare === '' ? 'the term' : bare} without them. ${fix}`,
    path,
    locate
  )
}

/**
 * Builds a glossary from table rows (the first non-blank row is the header).
 *
 * @param separator - what the rows were split on, for the separator and quoting hints.
 * @returns the glossary, or every problem found, each with its line.
 */
export function glossaryFromRows(
  id: string,
  rows: readonly TableRow[],
  separator: TableSeparator = 'tab'
): BuildResult {
  const content = rows.filter((r) => r.cells.some((c) => c.trim() !== ''))
  const header = content[0]
  if (header !== undefined) {
    const wrong = wrongSeparatorIssue(header, separator)
    if (wrong !== undefined) return { ok: false, issues: [wrong] }
  }
  if (header === undefined) {
    return {
      ok: false,
      issues: [
        makeIssue(
          'empty_document',
          'the glossary is empty: the first line must be a header such as "en<TAB>es<TAB>flags"',
          [],
          () => ({ line: 1 })
        ),
      ],
    }
  }
  const issues: GlossaryIssue[] = []
  const columns: Column[] = []
  const languages: string[] = []
  const headerLocate: Locator = (path) => ({
    line: header.line,
    ...(typeof path[1] === 'number' && path[0] === 'languages'
      ? { column: languages[path[1]] ?? '' }
      : {}),
  })
  header.cells.forEach((cell, j) => {
    const name = cell.trim()
    const lower = name.toLowerCase()
    const special = SPECIAL_COLUMNS.find((s) => s === lower)
    if (special !== undefined) {
      if (columns.some((c) => c.kind === special)) {
        issues.push(
          makeIssue(
            'duplicate_column',
            `the header has two '${special}' columns`,
            ['columns', j],
            headerLocate
          )
        )
        columns.push({ kind: 'ignored' })
      } else {
        columns.push({ kind: special })
      }
      return
    }
    if (isQuoted(name)) {
      issues.push(quotedIssue(name, separator, ['columns', j], headerLocate))
      columns.push({ kind: 'ignored' })
      return
    }
    const check = canonicalLanguage(name)
    if (!check.ok) {
      issues.push(
        makeIssue(
          'unknown_language',
          `column ${j + 1}: ${name === '' ? 'the header cell is empty; name the column with a language code or id, note, flags' : `${check.message} (or one of id, note, flags)`}`,
          ['columns', j],
          headerLocate
        )
      )
      columns.push({ kind: 'ignored' })
      return
    }
    if (languages.includes(check.code)) {
      issues.push(
        makeIssue(
          'duplicate_column',
          `column ${j + 1}: the header has two '${check.code}' columns`,
          ['columns', j],
          headerLocate
        )
      )
      columns.push({ kind: 'ignored' })
      return
    }
    languages.push(check.code)
    columns.push({ kind: 'language', code: check.code })
  })

  // flags stay plain strings here: validation names the unknown ones
  const entries: (Omit<GlossaryEntryInput, 'flags'> & { flags?: string[] })[] = []
  const lines: number[] = []
  for (const row of content.slice(1)) {
    const index = entries.length
    const rowLocate: Locator = () => ({ line: row.line })
    if (row.cells.length !== header.cells.length) {
      issues.push(
        makeIssue(
          'column_count',
          `this row has ${row.cells.length} column${row.cells.length === 1 ? '' : 's'} but the header has ${header.cells.length}: check for a missing or extra tab`,
          ['entries', index],
          rowLocate
        )
      )
      continue
    }
    if (entries.length >= GLOSSARY_LIMITS.maxEntries) {
      issues.push(
        makeIssue(
          'too_many_entries',
          `too many rows (the limit is ${GLOSSARY_LIMITS.maxEntries.toLocaleString('en-US')})`,
          ['entries', index],
          rowLocate
        )
      )
      break
    }
    const terms: Record<string, string[]> = {}
    const forms: Record<string, string[]> = {}
    const forbidden: Record<string, string[]> = {}
    let entryId: string | undefined
    let note: string | undefined
    let flags: string[] = []
    row.cells.forEach((cell, j) => {
      const column = columns[j]
      if (column === undefined || column.kind === 'ignored') return
      if (column.kind === 'language') {
        const parsed = parseCell(cell)
        for (const problem of parsed.problems) {
          issues.push(
            makeIssue(
              problem.code,
              problem.message,
              ['entries', index, 'terms', column.code],
              () => ({
                line: row.line,
                column: column.code,
              })
            )
          )
        }
        const roles = [
          ['terms', parsed.terms],
          ['forms', parsed.forms],
          ['forbidden', parsed.forbidden],
        ] as const
        for (const [role, list] of roles) {
          list.forEach((term, k) => {
            if (!isQuoted(term)) return
            issues.push(
              quotedIssue(term, separator, ['entries', index, role, column.code, k], () => ({
                line: row.line,
                column: column.code,
              }))
            )
          })
        }
        if (parsed.terms.length > 0) terms[column.code] = [...parsed.terms]
        if (parsed.forms.length > 0) forms[column.code] = [...parsed.forms]
        if (parsed.forbidden.length > 0) forbidden[column.code] = [...parsed.forbidden]
      } else if (column.kind === 'id') {
        if (cell.trim() !== '') entryId = cell.trim()
      } else if (column.kind === 'note') {
        if (cell.trim() !== '') note = cell
      } else {
        flags = cell
          .split(/[,;\s]+/)
          .map((f) => f.trim().toLowerCase())
          .filter((f) => f !== '')
      }
    })
    entries.push({
      ...(entryId !== undefined ? { id: entryId } : {}),
      terms,
      ...(Object.keys(forms).length > 0 ? { forms } : {}),
      ...(Object.keys(forbidden).length > 0 ? { forbidden } : {}),
      ...(flags.length > 0 ? { flags } : {}),
      ...(note !== undefined ? { note } : {}),
    })
    lines.push(row.line)
  }

  const locate: Locator = (path: DocumentPath) => {
    if (path[0] === 'languages') return headerLocate(path)
    if (path[0] !== 'entries' || typeof path[1] !== 'number') return { line: header.line }
    const line = lines[path[1]]
    const part = path[2]
    const column =
      part === 'terms' || part === 'forms' || part === 'forbidden'
        ? String(path[3] ?? '')
        : part === 'id' || part === 'note' || part === 'flags'
          ? part
          : undefined
    return {
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined && column !== '' ? { column } : {}),
    }
  }
  const built = buildGlossary(id, { languages, entries }, locate)
  if (built.ok && issues.length === 0) return built
  return { ok: false, issues: sortIssues([...issues, ...(built.ok ? [] : built.issues)]) }
}

/** Strips a UTF-8 byte-order mark, which spreadsheet programs like to add. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Splits TSV text into rows: one per line, cells separated by tabs, no quoting. */
export function splitTsv(text: string): TableRow[] {
  return stripBom(text)
    .split(/\r\n|\n|\r/)
    .map((line, i) => ({ line: i + 1, cells: line.split('\t') }))
}

/** Result of {@link splitCsv}. */
export type CsvSplit = { readonly rows: TableRow[]; readonly issues: GlossaryIssue[] }

/**
 * Splits CSV text into rows (RFC 4180: comma-separated, fields optionally in double quotes, `""`
 * for a quote inside a quoted field, CRLF or LF line ends). Each row keeps the line it starts on.
 */
export function splitCsv(text: string): CsvSplit {
  const source = stripBom(text)
  const rows: TableRow[] = []
  const issues: GlossaryIssue[] = []
  let cells: string[] = []
  let field = ''
  let line = 1
  let rowLine = 1
  let quoted = false
  let quoteLine = 1
  let i = 0
  const endField = (): void => {
    cells.push(field)
    field = ''
  }
  const endRow = (): void => {
    endField()
    rows.push({ line: rowLine, cells })
    cells = []
  }
  while (i < source.length) {
    const c = source[i] as string
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      if (c === '\n') line++
      field += c
      i++
      continue
    }
    if (c === '"' && field === '') {
      quoted = true
      quoteLine = line
      i++
    } else if (c === ',') {
      endField()
      i++
    } else if (c === '\r' || c === '\n') {
      endRow()
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1
      line++
      rowLine = line
    } else {
      field += c
      i++
    }
  }
  if (quoted) {
    issues.push(
      makeIssue('malformed', 'a quoted field is never closed (a " is missing)', [], () => ({
        line: quoteLine,
      }))
    )
  }
  if (field !== '' || cells.length > 0) endRow()
  return { rows, issues }
}

/** Parses a TSV glossary (the `glossaries/*.tsv` syntax). */
export function parseTsvGlossary(id: string, text: string): BuildResult {
  return glossaryFromRows(id, splitTsv(text))
}

/** Parses a CSV glossary (same columns and cell syntax as TSV, RFC 4180 quoting). */
export function parseCsvGlossary(id: string, text: string): BuildResult {
  const { rows, issues } = splitCsv(text)
  const built = glossaryFromRows(id, rows, 'comma')
  if (issues.length === 0) return built
  return { ok: false, issues: sortIssues([...issues, ...(built.ok ? [] : built.issues)]) }
}

/** The columns of a glossary as a table: `id` (if used), languages, `flags`, `note` (if used). */
function tableRows(glossary: Glossary): string[][] {
  const hasId = glossary.entries.some((e) => e.id !== undefined)
  const hasFlags = glossary.entries.some((e) => e.flags.length > 0)
  const hasNote = glossary.entries.some((e) => e.note !== undefined)
  const header = [
    ...(hasId ? ['id'] : []),
    ...glossary.languages,
    ...(hasFlags ? ['flags'] : []),
    ...(hasNote ? ['note'] : []),
  ]
  const rows = glossary.entries.map((e) => [
    ...(hasId ? [e.id ?? ''] : []),
    ...glossary.languages.map((l) => formatCell(e.terms[l], e.forms?.[l], e.forbidden[l])),
    ...(hasFlags ? [GLOSSARY_FLAGS.filter((f) => e.flags.includes(f)).join(',')] : []),
    ...(hasNote ? [e.note ?? ''] : []),
  ])
  return [header, ...rows]
}

/** Writes a glossary as TSV in the syntax of the `glossaries/` files (LF line ends). */
export function formatTsvGlossary(glossary: Glossary): string {
  return `${tableRows(glossary)
    .map((r) => r.join('\t'))
    .join('\n')}\n`
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Writes a glossary as CSV (RFC 4180, CRLF line ends), same columns and cells as TSV. */
export function formatCsvGlossary(glossary: Glossary): string {
  return `${tableRows(glossary)
    .map((r) => r.map(csvField).join(','))
    .join('\r\n')}\r\n`
}
