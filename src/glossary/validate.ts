/**
 * Turns importer output (or an API client's JSON) into a validated {@link Glossary}, collecting
 * every problem in one pass so that one run tells a translator everything that is wrong.
 *
 * Per-value rules come from the zod schemas in `schema.ts`; this module adds the rules that span
 * entries: language codes, a term used by two concepts (compared the way the matcher compares
 * them), duplicate ids, flags that contradict each other.
 *
 * @module
 */
import type { z } from 'zod'
import { matchKey } from './fold'
import { canonicalLanguage } from './languages'
import { GLOSSARY_LIMITS } from './limits'
import { compileMatcher } from './match'
import { GLOSSARY_FLAGS, glossaryVersion } from './model'
import { GlossaryInputSchema, quoteTerm } from './schema'
import type { Glossary, GlossaryEntry, GlossaryFlag } from './types'

/** Stable, machine-readable problem codes (snake_case). */
export type GlossaryIssueCode =
  | 'bad_character'
  | 'bad_escape'
  | 'column_count'
  | 'conflicting_flags'
  | 'doctype_not_allowed'
  | 'duplicate_column'
  | 'duplicate_id'
  | 'duplicate_term'
  | 'empty_document'
  | 'empty_preferred_term'
  | 'empty_term'
  | 'invalid_encoding'
  | 'invalid_id'
  | 'invalid_structure'
  | 'ignored_entry'
  | 'missing_language_column'
  | 'missing_preferred_term'
  | 'misplaced_term'
  | 'note_too_long'
  | 'quoted_cell'
  | 'term_too_long'
  | 'too_large'
  | 'too_many_entries'
  | 'too_many_nested_terms'
  | 'too_many_terms'
  | 'unknown_flag'
  | 'unknown_language'
  | 'wrong_separator'
  | 'malformed'

/** One problem found in a glossary. */
export type GlossaryIssue = {
  readonly code: GlossaryIssueCode
  /** Plain-language description, for translators as much as for engineers. */
  readonly message: string
  /** JSON pointer into the glossary document (`/entries/3/terms/en/0`). */
  readonly pointer: string
  /** 1-based line of the source document (TSV, CSV, TBX), when it has lines. */
  readonly line?: number
  /** The column (language code or `id`/`note`/`flags`) in a table source. */
  readonly column?: string
}

/** A path into the glossary document, as zod reports it. */
export type DocumentPath = readonly (string | number)[]

/** Where a path of the document came from in the source (lines and columns of a table). */
export type Locator = (path: DocumentPath) => { line?: number; column?: string } | undefined

/** Result of {@link buildGlossary}. */
export type BuildResult =
  | {
      readonly ok: true
      readonly glossary: Glossary
      /** What an import left out on purpose (e.g. a second target for one source term). */
      readonly warnings?: readonly GlossaryIssue[]
    }
  | { readonly ok: false; readonly issues: readonly GlossaryIssue[] }

/** Builds a JSON pointer (RFC 6901) from a path. */
export function toPointer(path: DocumentPath): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

/** Creates an issue located through `locate`. */
export function makeIssue(
  code: GlossaryIssueCode,
  message: string,
  path: DocumentPath,
  locate?: Locator
): GlossaryIssue {
  const where = locate?.(path)
  return {
    code,
    message,
    pointer: toPointer(path),
    ...(where?.line !== undefined ? { line: where.line } : {}),
    ...(where?.column !== undefined ? { column: where.column } : {}),
  }
}

/** Sorts issues top to bottom (by line, then pointer) and drops exact duplicates. */
export function sortIssues(issues: readonly GlossaryIssue[]): GlossaryIssue[] {
  const seen = new Set<string>()
  return [...issues]
    .sort(
      (a, b) =>
        (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
        a.pointer.localeCompare(b.pointer, 'en', { numeric: true })
    )
    .filter((i) => {
      const key = `${i.line}|${i.pointer}|${i.code}|${i.message}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
}

const ROLES = ['terms', 'forms', 'forbidden'] as const
type Role = (typeof ROLES)[number]

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function zodIssue(issue: z.core.$ZodIssue, locate?: Locator): GlossaryIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  const params = (issue as { params?: { code?: GlossaryIssueCode } }).params
  let code: GlossaryIssueCode = params?.code ?? 'invalid_structure'
  let message = issue.message
  if (code === 'invalid_structure') {
    if (path[0] === 'entries' && path.length === 1 && issue.code === 'too_big') {
      code = 'too_many_entries'
    } else if (path.includes('flags') && issue.code === 'invalid_value') {
      code = 'unknown_flag'
    } else if (path[2] === 'id' && path.length === 3) {
      code = 'invalid_id'
    } else if (issue.code === 'too_big' && path.length === 5) {
      code = 'too_many_terms'
    }
  }
  // The first term of a language is its preferred term: say so, it is what a translator sees.
  if (code === 'empty_term' && path[2] === 'terms' && path[4] === 0) {
    code = 'empty_preferred_term'
    message = 'the preferred term (the first in the cell) is empty'
  }
  return makeIssue(code, message, path, locate)
}

/** What the duplicate check remembers about a term it has seen. */
type SeenTerm = {
  readonly entry: number
  readonly path: DocumentPath
  readonly term: string
  readonly caseSensitive: boolean
  readonly cased: string
}

/**
 * Validates a glossary document and builds the glossary.
 *
 * @param id - the glossary id (not validated here: the caller owns its namespace).
 * @param input - JSON-shaped input (see `GlossaryInputSchema`), from any importer.
 * @param locate - maps document paths to source lines, for table and XML sources.
 * @returns the glossary, or every issue found (sorted top to bottom).
 */
export function buildGlossary(id: string, input: unknown, locate?: Locator): BuildResult {
  const issues: GlossaryIssue[] = []
  const parsed = GlossaryInputSchema.safeParse(input)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push(zodIssue(issue, locate))
  }
  // Cross-entry rules run on the raw input too, so that one run reports everything.
  const raw = isRecord(input) ? input : {}
  const rawEntries = Array.isArray(raw.entries) ? (raw.entries as unknown[]) : []

  // Languages: the declared columns, or the keys of the entries in order of appearance.
  const languages: string[] = []
  const canonicalOf = new Map<string, string>()
  const declared = Array.isArray(raw.languages) ? (raw.languages as unknown[]) : undefined
  const addLanguage = (code: string, path: DocumentPath, declaredColumn: boolean): void => {
    if (canonicalOf.has(code)) return
    const check = canonicalLanguage(code)
    if (!check.ok) {
      issues.push(makeIssue('unknown_language', check.message, path, locate))
      return
    }
    canonicalOf.set(code, check.code)
    if (languages.includes(check.code)) {
      if (declaredColumn) {
        issues.push(
          makeIssue(
            'duplicate_column',
            `the language '${check.code}' has two columns`,
            path,
            locate
          )
        )
      }
      return
    }
    languages.push(check.code)
  }
  if (declared !== undefined) {
    declared.forEach((code, i) => {
      if (typeof code === 'string') addLanguage(code, ['languages', i], true)
    })
  } else {
    rawEntries.forEach((entry, i) => {
      if (!isRecord(entry)) return
      for (const role of ROLES) {
        const record = entry[role]
        if (isRecord(record)) {
          for (const code of Object.keys(record))
            addLanguage(code, ['entries', i, role, code], false)
        }
      }
    })
  }
  if (languages.length === 0 && issues.length === 0) {
    issues.push(
      makeIssue(
        'missing_language_column',
        'the glossary has no language column: the header needs at least one language code such as en',
        declared !== undefined ? ['languages'] : ['entries'],
        locate
      )
    )
  }
  if (languages.length > GLOSSARY_LIMITS.maxLanguages) {
    issues.push(
      makeIssue(
        'too_many_entries',
        `too many languages (the limit is ${GLOSSARY_LIMITS.maxLanguages})`,
        ['languages'],
        locate
      )
    )
  }
  const firstLanguage = languages[0]

  const ids = new Map<string, number>()
  // Per language: match key → where it was first seen.
  const seen = new Map<string, Map<string, SeenTerm[]>>()
  rawEntries.forEach((entry, i) => {
    if (!isRecord(entry)) return
    const flags = Array.isArray(entry.flags) ? entry.flags.filter((f) => typeof f === 'string') : []
    const caseSensitive = flags.includes('case')
    const dnt = flags.includes('dnt')
    if (flags.includes('inflect') && (flags.includes('fixed') || dnt)) {
      issues.push(
        makeIssue(
          'conflicting_flags',
          `the flags ${dnt ? 'dnt' : 'fixed'} and inflect contradict each other: a term either inflects or is kept as is`,
          ['entries', i, 'flags'],
          locate
        )
      )
    }
    if (typeof entry.id === 'string' && entry.id.trim() !== '') {
      const idValue = entry.id.trim()
      const first = ids.get(idValue)
      if (first !== undefined) {
        const where = locate?.(['entries', first])
        issues.push(
          makeIssue(
            'duplicate_id',
            `the id '${idValue}' is already used by ${where?.line !== undefined ? `line ${where.line}` : `entry ${first}`}`,
            ['entries', i, 'id'],
            locate
          )
        )
      } else {
        ids.set(idValue, i)
      }
    }
    const records: Partial<Record<Role, Record<string, unknown>>> = {}
    for (const role of ROLES) {
      const record = entry[role]
      if (isRecord(record)) records[role] = record
    }
    // Every row needs its term in the first language: it names the concept.
    if (firstLanguage !== undefined) {
      const termRecord = records.terms ?? {}
      const firstKey = Object.keys(termRecord).find((k) => canonicalOf.get(k) === firstLanguage)
      const firstTerms = firstKey !== undefined ? termRecord[firstKey] : undefined
      if (!Array.isArray(firstTerms) || firstTerms.length === 0) {
        issues.push(
          makeIssue(
            'empty_preferred_term',
            `the ${firstLanguage} term is empty: every row needs its preferred term in the first language column (${firstLanguage})`,
            ['entries', i, 'terms', firstLanguage],
            locate
          )
        )
      }
    }
    const termLanguages = new Set(
      Object.keys(records.terms ?? {})
        .filter((k) => {
          const v = records.terms?.[k]
          return Array.isArray(v) && v.length > 0
        })
        .map((k) => canonicalOf.get(k) ?? k)
    )
    for (const role of ROLES) {
      const record = records[role]
      if (record === undefined) continue
      for (const [code, list] of Object.entries(record)) {
        const language = canonicalOf.get(code)
        if (language === undefined) {
          // Unknown keys of a declared column set; undeclared ones were reported above.
          if (declared !== undefined) {
            issues.push(
              makeIssue(
                'unknown_language',
                `'${code}' is not one of the glossary's languages (${languages.join(', ')})`,
                ['entries', i, role, code],
                locate
              )
            )
          }
          continue
        }
        if (!Array.isArray(list)) continue
        const orphan = role !== 'terms' && list.length > 0 && !termLanguages.has(language)
        // A do-not-translate concept keeps its source term everywhere, so it may forbid
        // renderings in a language without writing the term again.
        if (orphan && !(dnt && role === 'forbidden')) {
          issues.push(
            makeIssue(
              'missing_preferred_term',
              `the ${language} cell has ${role === 'forms' ? 'inflected forms (~)' : 'forbidden terms (!)'} but no preferred term: put the preferred term first`,
              ['entries', i, role, code],
              locate
            )
          )
        }
        let bucket = seen.get(language)
        if (bucket === undefined) {
          bucket = new Map()
          seen.set(language, bucket)
        }
        list.forEach((term, k) => {
          if (typeof term !== 'string') return
          const folded = matchKey(term, true)
          if (folded === '') return
          const here: SeenTerm = {
            entry: i,
            path: ['entries', i, role, code, k],
            term: term.trim(),
            caseSensitive,
            cased: matchKey(term, false),
          }
          const others = bucket.get(folded) ?? []
          // Two case-sensitive entries may share a folded key when their cased forms differ
          // (`US` the country, `us` the pronoun); anything else is the same term twice.
          const clash = others.find(
            (o) => !(o.caseSensitive && caseSensitive && o.cased !== here.cased)
          )
          if (clash === undefined) {
            others.push(here)
            bucket.set(folded, others)
            return
          }
          const where = locate?.(clash.path)
          const message =
            clash.entry === i
              ? `${quoteTerm(here.term)} appears twice in this row (${quoteTerm(clash.term)}); the matcher ignores case, apostrophe style and spacing, so one is enough`
              : `${quoteTerm(here.term)} is already a term of the concept '${conceptLabel(rawEntries[clash.entry], firstLanguage)}' (${where?.line !== undefined ? `line ${where.line}` : `entry ${clash.entry}`}): a term can belong to only one concept`
          issues.push(makeIssue('duplicate_term', message, here.path, locate))
        })
      }
    }
  })

  if (issues.length > 0 || !parsed.success) return { ok: false, issues: sortIssues(issues) }

  const entries: GlossaryEntry[] = parsed.data.entries.map((e) => {
    const flags = GLOSSARY_FLAGS.filter((f: GlossaryFlag) => e.flags?.includes(f))
    const record = (r: Record<string, string[]> | undefined): Record<string, string[]> => {
      const out: Record<string, string[]> = {}
      if (r === undefined) return out
      for (const language of languages) {
        const key = Object.keys(r).find((k) => canonicalOf.get(k) === language)
        const list = key !== undefined ? r[key] : undefined
        if (list !== undefined && list.length > 0) out[language] = list
      }
      return out
    }
    const forms = record(e.forms)
    return {
      ...(e.id !== undefined ? { id: e.id } : {}),
      terms: record(e.terms),
      forbidden: record(e.forbidden),
      ...(Object.keys(forms).length > 0 ? { forms } : {}),
      flags,
      ...(e.note !== undefined && e.note !== '' ? { note: e.note } : {}),
    }
  })
  const content = { languages, entries }
  const glossary = { id, version: glossaryVersion(content), ...content }
  const nesting = nestingIssues(glossary, locate)
  if (nesting.length > 0) return { ok: false, issues: nesting }
  return { ok: true, glossary }
}

/**
 * The one glossary shape the matcher cannot scan in time linear with a small constant: many
 * terms that end one another (`b a`, `c b a`, `d c b a`…). Wherever the longest of them ends,
 * the scan looks at every one, so a column may hold at most `GLOSSARY_LIMITS.maxNestedTerms` of them.
 * Compiling each column is what the first request would do anyway, a few milliseconds.
 */
function nestingIssues(glossary: Glossary, locate: Locator | undefined): GlossaryIssue[] {
  const issues: GlossaryIssue[] = []
  // A chain longer than the limit needs more terms than the limit: small glossaries (most, and
  // every one the tests build) need no compiling here.
  let terms = 0
  for (const entry of glossary.entries) {
    for (const language of glossary.languages) {
      terms += (entry.terms[language]?.length ?? 0) + (entry.forms?.[language]?.length ?? 0)
      terms += entry.forbidden[language]?.length ?? 0
    }
  }
  if (terms <= GLOSSARY_LIMITS.maxNestedTerms) return issues
  for (const language of glossary.languages) {
    const { nesting } = compileMatcher(glossary, language)
    if (nesting.depth <= GLOSSARY_LIMITS.maxNestedTerms) continue
    const entry = glossary.entries[nesting.entry]
    const roles = ['terms', 'forms', 'forbidden'] as const
    const role = roles.find((r) => entry?.[r]?.[language]?.includes(nesting.term)) ?? 'terms'
    const index = Math.max(0, entry?.[role]?.[language]?.indexOf(nesting.term) ?? 0)
    issues.push(
      makeIssue(
        'too_many_nested_terms',
        `${quoteTerm(nesting.term)} ends with ${nesting.depth - 1} other ${language} terms of this glossary (each one the ending of the next); at most ${GLOSSARY_LIMITS.maxNestedTerms} terms may end one another, so that matching stays fast`,
        ['entries', nesting.entry, role, language, index],
        locate
      )
    )
  }
  return issues
}

function conceptLabel(entry: unknown, firstLanguage: string | undefined): string {
  if (!isRecord(entry)) return '?'
  if (typeof entry.id === 'string' && entry.id.trim() !== '') return entry.id.trim()
  const terms = isRecord(entry.terms) ? entry.terms : {}
  const list = firstLanguage !== undefined ? terms[firstLanguage] : Object.values(terms)[0]
  const first = Array.isArray(list) ? list[0] : undefined
  return typeof first === 'string' ? first.trim() : '?'
}
