/**
 * Glossary interchange with machine-translation services' own formats:
 *
 * - DeepL entry lists (`source<TAB>target` or `source,target[,source_lang,target_lang]`, one
 *   entry a line, optionally under a header naming the two languages): in, and out as the
 *   two-column TSV that DeepL's v3 glossary API takes for one language pair.
 * - Google's equivalent-term-set CSV (a header row of language codes, one concept a row): in.
 *
 * An entry list is source→target pairs, not concepts, so the import rebuilds concepts: the source
 * terms that share a target (compared the way the matcher compares terms) become one concept, the
 * first of them its preferred term and the rest variants ("Astana International Financial Centre"
 * and "…Center" → one Spanish name). A source term listed with a second, different target keeps
 * its first one; the others are reported as warnings, not errors, because DeepL itself would take
 * only one.
 *
 * @module
 */
import { matchKey } from './fold'
import { canonicalLanguage, resolveColumn } from './languages'
import { GLOSSARY_LIMITS } from './limits'
import { entryTermsIn } from './model'
import {
  isQuoted,
  quotedIssue,
  splitCsv,
  splitTsv,
  type TableRow,
  wrongSeparatorIssue,
} from './table'
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

/** Languages of an entry list when its file has no header (`?source=en&target=es`). */
export type EntryListOptions = { readonly source?: string; readonly target?: string }

type Pair = { readonly source: string; readonly target: string; readonly line: number }

function languageOf(value: string): string | undefined {
  const check = canonicalLanguage(value.trim())
  return check.ok ? check.code : undefined
}

/**
 * Parses a DeepL-style entry list into a two-language glossary.
 *
 * @param separator - `tab` for TSV, `comma` for CSV (RFC 4180 quoting, optional third and fourth
 *   columns with the source and target language, as DeepL's CSV allows).
 * @param options - the languages, required unless the file names them.
 * @returns the glossary (with `warnings` for entries left out), or every problem found.
 */
export function parseDeeplEntries(
  id: string,
  text: string,
  separator: 'tab' | 'comma',
  options: EntryListOptions = {}
): BuildResult {
  const issues: GlossaryIssue[] = []
  let rows: TableRow[]
  if (separator === 'tab') {
    rows = splitTsv(text)
  } else {
    const split = splitCsv(text)
    rows = split.rows
    issues.push(...split.issues)
  }
  const content = rows.filter((r) => r.cells.some((c) => c.trim() !== ''))
  const first = content[0]
  if (first === undefined) {
    return {
      ok: false,
      issues: [
        makeIssue(
          'empty_document',
          'the entry list is empty: write one "source<TAB>target" entry a line',
          [],
          () => ({ line: 1 })
        ),
      ],
    }
  }
  const wrong = wrongSeparatorIssue(first, separator)
  if (wrong !== undefined) return { ok: false, issues: [wrong] }

  // Languages: a header row naming two languages, the language columns of a 4-column CSV, or the
  // options; when several are given they must agree.
  let source = options.source !== undefined ? languageOf(options.source) : undefined
  let target = options.target !== undefined ? languageOf(options.target) : undefined
  for (const [name, raw, code] of [
    ['source', options.source, source],
    ['target', options.target, target],
  ] as const) {
    if (raw !== undefined && code === undefined) {
      const check = canonicalLanguage(raw)
      issues.push(
        makeIssue('unknown_language', `${name}: ${check.ok ? '' : check.message}`, [
          'languages',
          name === 'source' ? 0 : 1,
        ])
      )
    }
  }
  let entryRows = content
  const headerSource = first.cells.length >= 2 ? languageOf(first.cells[0] ?? '') : undefined
  const headerTarget = first.cells.length >= 2 ? languageOf(first.cells[1] ?? '') : undefined
  if (
    headerSource !== undefined &&
    headerTarget !== undefined &&
    headerSource !== headerTarget &&
    (first.cells.length === 2 || first.cells.slice(2).every((c) => languageOf(c) !== undefined))
  ) {
    entryRows = content.slice(1)
    const agree = (given: string | undefined, named: string): boolean =>
      given === undefined || given === named
    if (!agree(source, headerSource) || !agree(target, headerTarget)) {
      issues.push(
        makeIssue(
          'unknown_language',
          `the header names ${headerSource} → ${headerTarget} but the request says ${source ?? headerSource} → ${target ?? headerTarget}`,
          ['languages'],
          () => ({ line: first.line })
        )
      )
    }
    source = headerSource
    target = headerTarget
  }
  if (separator === 'comma') {
    // DeepL CSV: optional third and fourth columns repeat the languages on every row.
    const withLanguages = entryRows.find((r) => r.cells.length === 4)
    if (withLanguages !== undefined) {
      const s = languageOf(withLanguages.cells[2] ?? '')
      const t = languageOf(withLanguages.cells[3] ?? '')
      if (s !== undefined && t !== undefined) {
        source ??= s
        target ??= t
      }
    }
  }
  if (source === undefined || target === undefined) {
    if (issues.length === 0) {
      issues.push(
        makeIssue(
          'missing_language_column',
          'the entry list does not say its languages: start it with a header row such as "en<TAB>es", or pass source and target (e.g. ?source=en&target=es)',
          ['languages']
        )
      )
    }
    return { ok: false, issues: sortIssues(issues) }
  }
  if (source === target) {
    return {
      ok: false,
      issues: [
        makeIssue('duplicate_column', `source and target are both ${source}`, ['languages']),
      ],
    }
  }

  const pairs: Pair[] = []
  const width = separator === 'tab' ? 'a tab' : 'a comma'
  for (const row of entryRows) {
    const cells = row.cells
    const fourColumns =
      separator === 'comma' &&
      cells.length === 4 &&
      languageOf(cells[2] ?? '') === source &&
      languageOf(cells[3] ?? '') === target
    if (cells.length !== 2 && !fourColumns) {
      const hint =
        cells.length === 1 && /[;,\t]/.test(cells[0] ?? '')
          ? `: it looks ${cells[0]?.includes(';') ? 'semicolon' : cells[0]?.includes('\t') ? 'tab' : 'comma'}-separated; separate source and target with ${width}`
          : `: write source${separator === 'tab' ? '<TAB>' : ','}target`
      issues.push(
        makeIssue(
          'column_count',
          `this entry has ${cells.length} field${cells.length === 1 ? '' : 's'}, expected 2${hint}`,
          ['entries', pairs.length],
          () => ({ line: row.line })
        )
      )
      continue
    }
    const [s = '', t = ''] = cells
    let bad = false
    for (const [value, language, k] of [
      [s, source, 0],
      [t, target, 1],
    ] as const) {
      const locate: Locator = () => ({ line: row.line, column: language })
      if (value.trim() === '') {
        issues.push(
          makeIssue(
            'empty_term',
            `the ${k === 0 ? 'source' : 'target'} term is empty`,
            ['entries', pairs.length, 'terms', language],
            locate
          )
        )
        bad = true
      } else if (separator === 'tab' && isQuoted(value)) {
        issues.push(quotedIssue(value, 'tab', ['entries', pairs.length, 'terms', language], locate))
        bad = true
      }
    }
    if (!bad) pairs.push({ source: s.trim(), target: t.trim(), line: row.line })
  }
  if (pairs.length > GLOSSARY_LIMITS.maxEntries * 4) {
    issues.push(makeIssue('too_many_entries', `too many entries (${pairs.length})`, ['entries']))
  }
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) }
  return conceptsFromPairs(id, source, target, pairs)
}

/** Groups pairs into concepts by target; see the module comment. */
function conceptsFromPairs(
  id: string,
  source: string,
  target: string,
  pairs: readonly Pair[]
): BuildResult {
  type Concept = { sources: Pair[]; target: Pair }
  const concepts: Concept[] = []
  const byTarget = new Map<string, Concept>()
  const bySource = new Map<string, Pair>()
  const warnings: GlossaryIssue[] = []
  for (const pair of pairs) {
    const sourceKey = matchKey(pair.source, true)
    const targetKey = matchKey(pair.target, true)
    const seen = bySource.get(sourceKey)
    if (seen !== undefined) {
      const sameTarget = matchKey(seen.target, true) === targetKey
      warnings.push(
        makeIssue(
          'ignored_entry',
          sameTarget
            ? `'${pair.source}' → '${pair.target}' repeats the entry on line ${seen.line}; it was skipped`
            : `'${pair.source}' already translates as '${seen.target}' (line ${seen.line}); a source term has one target, so '${pair.target}' was ignored`,
          ['entries'],
          () => ({ line: pair.line, column: source })
        )
      )
      continue
    }
    bySource.set(sourceKey, pair)
    let concept = byTarget.get(targetKey)
    if (concept === undefined) {
      concept = { sources: [], target: pair }
      byTarget.set(targetKey, concept)
      concepts.push(concept)
    }
    concept.sources.push(pair)
  }
  const locate: Locator = (path: DocumentPath) => {
    const [, i, , language, k] = path
    const concept = typeof i === 'number' ? concepts[i] : undefined
    if (concept === undefined) return {}
    const pair =
      language === target
        ? concept.target
        : (concept.sources[typeof k === 'number' ? k : 0] ?? concept.sources[0])
    return {
      ...(pair !== undefined ? { line: pair.line } : {}),
      ...(typeof language === 'string' ? { column: language } : {}),
    }
  }
  const built = buildGlossary(
    id,
    {
      languages: [source, target],
      entries: concepts.map((c) => ({
        terms: { [source]: c.sources.map((p) => p.source), [target]: [c.target.target] },
      })),
    },
    locate
  )
  if (!built.ok) return built
  return warnings.length > 0 ? { ...built, warnings: sortIssues(warnings) } : built
}

/**
 * Parses Google's equivalent-term-set CSV: a header row of language codes (plus optional `pos`
 * and `description` columns), then one concept a row with one term per language.
 */
export function parseGoogleTermSets(id: string, text: string): BuildResult {
  const split = splitCsv(text)
  const content = split.rows.filter((r) => r.cells.some((c) => c.trim() !== ''))
  const header = content[0]
  if (header === undefined) {
    return {
      ok: false,
      issues: [
        makeIssue(
          'empty_document',
          'the term-set file is empty: the first row must name the languages, e.g. "en,es,fr"',
          [],
          () => ({ line: 1 })
        ),
      ],
    }
  }
  const wrong = wrongSeparatorIssue(header, 'comma')
  if (wrong !== undefined) return { ok: false, issues: [wrong] }
  const issues: GlossaryIssue[] = [...split.issues]
  type Column = { kind: 'language'; code: string } | { kind: 'description' } | { kind: 'ignored' }
  const columns: Column[] = header.cells.map((cell, j) => {
    const name = cell.trim()
    const lower = name.toLowerCase()
    if (lower === 'description') return { kind: 'description' }
    if (lower === 'pos') return { kind: 'ignored' }
    const check = canonicalLanguage(name)
    if (!check.ok) {
      issues.push(
        makeIssue(
          'unknown_language',
          `column ${j + 1}: ${check.message} (or pos, description)`,
          ['languages', j],
          () => ({ line: header.line })
        )
      )
      return { kind: 'ignored' }
    }
    return { kind: 'language', code: check.code }
  })
  const languages = columns.flatMap((c) => (c.kind === 'language' ? [c.code] : []))
  const lines: number[] = []
  const entries: { terms: Record<string, string[]>; note?: string }[] = []
  for (const row of content.slice(1)) {
    if (row.cells.length !== header.cells.length) {
      issues.push(
        makeIssue(
          'column_count',
          `this row has ${row.cells.length} fields but the header has ${header.cells.length}`,
          ['entries', entries.length],
          () => ({ line: row.line })
        )
      )
      continue
    }
    const terms: Record<string, string[]> = {}
    let note: string | undefined
    row.cells.forEach((cell, j) => {
      const column = columns[j]
      if (column?.kind === 'description' && cell.trim() !== '') note = cell.trim()
      if (column?.kind !== 'language' || cell.trim() === '') return
      if (isQuoted(cell)) {
        issues.push(
          quotedIssue(cell, 'comma', ['entries', entries.length, 'terms', column.code, 0], () => ({
            line: row.line,
            column: column.code,
          }))
        )
      }
      terms[column.code] = [cell.trim()]
    })
    entries.push({ terms, ...(note !== undefined ? { note } : {}) })
    lines.push(row.line)
  }
  const locate: Locator = (path) => {
    const i = path[1]
    const line = path[0] === 'entries' && typeof i === 'number' ? lines[i] : header.line
    return {
      ...(line !== undefined ? { line } : {}),
      ...(path[2] === 'terms' && typeof path[3] === 'string' ? { column: path[3] } : {}),
    }
  }
  const built = buildGlossary(id, { languages, entries }, locate)
  if (built.ok && issues.length === 0) return built
  return { ok: false, issues: sortIssues([...issues, ...(built.ok ? [] : built.issues)]) }
}

/** An entry list for one language pair, as DeepL's v3 glossary API takes it. */
export type DeeplEntries =
  | {
      readonly ok: true
      /** `source<TAB>target` lines, LF-terminated, no header. */
      readonly tsv: string
      readonly entries: number
      /** Concepts with no term in the source or target language. */
      readonly skipped: number
    }
  | { readonly ok: false; readonly field: 'source' | 'target'; readonly message: string }

/**
 * The glossary as a DeepL entry list from `source` to `target`: every source term (preferred and
 * variants) → the target's preferred term. Inflected forms are left out (DeepL inflects itself),
 * and so are forbidden terms (DeepL has no way to forbid). A `dnt` concept maps to itself.
 */
export function deeplEntries(glossary: Glossary, source: string, target: string): DeeplEntries {
  const from = resolveColumn(glossary.languages, source)
  if (from === undefined) {
    return {
      ok: false,
      field: 'source',
      message: `the glossary has no ${source} column (it has ${glossary.languages.join(', ')})`,
    }
  }
  const to = resolveColumn(glossary.languages, target)
  if (to === undefined) {
    return {
      ok: false,
      field: 'target',
      message: `the glossary has no ${target} column (it has ${glossary.languages.join(', ')})`,
    }
  }
  if (from === to)
    return { ok: false, field: 'target', message: 'source and target name the same column' }
  const lines: string[] = []
  const seen = new Set<string>()
  let skipped = 0
  for (const entry of glossary.entries) {
    const s = entryTermsIn(glossary, entry, from)
    const t = entryTermsIn(glossary, entry, to)
    if (s === undefined || t === undefined) {
      skipped++
      continue
    }
    for (const term of [s.preferred, ...s.variants]) {
      // DeepL refuses a source listed twice; terms hold no tab or line break (validation).
      if (seen.has(term)) continue
      seen.add(term)
      lines.push(`${term}\t${t.preferred}`)
    }
  }
  return { ok: true, tsv: lines.map((l) => `${l}\n`).join(''), entries: lines.length, skipped }
}

/**
 * The two-column TSV of {@link deeplEntries}.
 *
 * @throws RangeError when the glossary has no column for `source` or `target`.
 */
export function formatDeeplEntries(glossary: Glossary, source: string, target: string): string {
  const result = deeplEntries(glossary, source, target)
  if (!result.ok) throw new RangeError(`${result.field}: ${result.message}`)
  return result.tsv
}
