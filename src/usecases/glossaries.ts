/**
 * Glossary administration and the terminology check. Authentication is the caller's job (the
 * HTTP edge checks the admin token before anything here runs); ids are checked here, before
 * the store sees them.
 *
 * @module
 */
import { type ContentFormat, convertSpan, type OffsetUnit, offsetConverter } from '../content/index'
import { type CandidateResult, findCandidates, formatCandidatesTsv } from '../glossary/candidates'
import { deeplEntries } from '../glossary/interchange'
import {
  exportGlossary,
  type GlossaryExportFormat,
  type GlossaryFormat,
  type GlossaryImportFormat,
  glossaryToJson,
  importGlossary,
} from '../glossary/io'
import { GLOSSARY_LIMITS } from '../glossary/limits'
import type { GlossarySummary, StoredGlossary } from '../glossary/store'
import { checkTerminology, type TerminologyFinding } from '../glossary/terms'
import type { Glossary } from '../glossary/types'
import type { GlossaryIssue } from '../glossary/validate'
import { detectLanguage } from '../langid/detect'
import { readSubmitted } from './content'
import type { UseCaseDeps } from './deps'
import { type FieldIssue, UseCaseError } from './errors'
import { assertGlossaryId } from './identifiers'

/** Where a path id is reported. */
const ID_POINTER = '#/id'
const MAX_REPORTED_ISSUES = 100

/** A glossary in a listing or a write's answer. */
export type GlossaryListing = {
  id: string
  languages: string[]
  entries: number
  version: string
  source: 'bundled' | 'api'
}

export async function listGlossaries(deps: UseCaseDeps): Promise<GlossaryListing[]> {
  const all: GlossarySummary[] = await deps.glossaries.list()
  return all.map((g) => ({ ...g, languages: [...g.languages] }))
}

/** One glossary with its origin. @throws UseCaseError `invalid_request` or `not_found`. */
export async function getGlossary(deps: UseCaseDeps, id: string): Promise<StoredGlossary> {
  assertGlossaryId(id, ID_POINTER)
  const stored = await deps.glossaries.get(id)
  if (stored === undefined) throw new UseCaseError('not_found', `No glossary '${id}'.`)
  return stored
}

/** What `GET /v1/glossaries/{id}?format=` can ask for: an export format, or a DeepL entry list. */
export type GlossaryOutputFormat = GlossaryExportFormat | 'deepl'

/**
 * A glossary as JSON, or exported as text: TSV, CSV, TBX (TBX-Basic v3, v2 `martif`, or the
 * private TBX-Precis dialect), or a DeepL entry list for one language pair (`source`, `target`).
 */
export async function exportGlossaryAs(
  deps: UseCaseDeps,
  id: string,
  format: GlossaryOutputFormat,
  pair: { readonly source?: string | undefined; readonly target?: string | undefined } = {}
): Promise<{ glossary: Glossary; body: unknown; text: string | undefined }> {
  if (format === 'deepl') {
    const missing = (['source', 'target'] as const).filter((k) => pair[k] === undefined)
    if (missing.length > 0) {
      throw new UseCaseError(
        'invalid_request',
        'A DeepL entry list is for one language pair: pass source and target (e.g. ?format=deepl&source=en&target=es).',
        {
          fields: missing.map((k) => ({
            pointer: `#/${k}`,
            message: 'required with format=deepl',
          })),
        }
      )
    }
  }
  const { glossary, source } = await getGlossary(deps, id)
  if (format === 'json') {
    return { glossary, body: { ...glossaryToJson(glossary), source }, text: undefined }
  }
  if (format === 'deepl') {
    const entries = deeplEntries(glossary, pair.source ?? '', pair.target ?? '')
    if (!entries.ok) {
      throw new UseCaseError(
        'invalid_request',
        `Cannot export a DeepL entry list: ${entries.message}.`,
        {
          fields: [{ pointer: `#/${entries.field}`, message: entries.message }],
        }
      )
    }
    return { glossary, body: undefined, text: entries.tsv }
  }
  return { glossary, body: undefined, text: exportGlossary(glossary, format) }
}

export function listingOf(glossary: Glossary, source: 'bundled' | 'api'): GlossaryListing {
  return {
    id: glossary.id,
    languages: [...glossary.languages],
    entries: glossary.entries.length,
    version: glossary.version,
    source,
  }
}

/** An `If-Match` header with export tags reduced to the version they name. */
function versionTags(ifMatch: string | undefined): string | undefined {
  return ifMatch?.replace(
    /"([0-9a-f]{16})-(?:tsv|csv|tbx|tbx-v2|tbx-precis|deepl-[A-Za-z0-9-]+)"/g,
    '"$1"'
  )
}

/** Validation issues → fields: model pointers, plus the line for text formats. */
function issueFields(issues: readonly GlossaryIssue[]): FieldIssue[] {
  return issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
    const where =
      issue.line !== undefined
        ? `line ${issue.line}${issue.column !== undefined ? `, column ${issue.column}` : ''}: `
        : ''
    return {
      pointer: `#${issue.pointer}`,
      message: where + issue.message,
      ...(issue.line !== undefined ? { line: issue.line } : {}),
    }
  })
}

/** Import problems as one error: unreadable → malformed, too large, invalid → invalid_request. */
function importError(issues: readonly GlossaryIssue[], format: GlossaryImportFormat): UseCaseError {
  const first = issues[0]
  if (first?.code === 'too_large') return new UseCaseError('payload_too_large', first.message)
  if (first?.code === 'invalid_encoding' || first?.code === 'malformed') {
    return new UseCaseError(
      format === 'json' ? 'malformed_json' : 'malformed_document',
      `The ${format.toUpperCase()} document could not be read: ${first.message}.`,
      { fields: issueFields(issues) }
    )
  }
  const more =
    issues.length > MAX_REPORTED_ISSUES ? ` (the first ${MAX_REPORTED_ISSUES} are listed)` : ''
  return new UseCaseError(
    'invalid_request',
    `The glossary has ${issues.length} problem${issues.length === 1 ? '' : 's'}${more}.`,
    { fields: issueFields(issues) }
  )
}

/** Other tools' layouts a `PUT` may name with `?format=` (the media type says TSV or CSV). */
export type GlossaryLayout = 'deepl' | 'google'

export type PutGlossaryInput = {
  readonly id: string
  /** `undefined` when the media type is not one of the glossary formats. */
  readonly format: GlossaryFormat | undefined
  /** `deepl` (entry list) or `google` (equivalent term sets); absent for Précis' own layout. */
  readonly layout?: GlossaryLayout | undefined
  /** Languages of a DeepL entry list without a header row. */
  readonly source?: string | undefined
  readonly target?: string | undefined
  readonly bytes: Uint8Array
  readonly ifMatch?: string | undefined
  /** `*` makes the write a create (RFC 9110 §13.1.2). */
  readonly ifNoneMatch?: string | undefined
}

/** The importer for a media type and a layout. @throws UseCaseError when they do not fit. */
function importFormatOf(
  format: GlossaryFormat,
  layout: GlossaryLayout | undefined
): GlossaryImportFormat {
  if (layout === undefined) return format
  if (layout === 'deepl' && (format === 'tsv' || format === 'csv')) return `deepl-${format}`
  if (layout === 'google' && format === 'csv') return 'google-csv'
  throw new UseCaseError(
    'unsupported_media_type',
    layout === 'deepl'
      ? 'A DeepL entry list is sent as text/tab-separated-values or text/csv.'
      : "Google's equivalent term sets are sent as text/csv."
  )
}

/** Creates or replaces an API glossary. */
export async function putGlossary(
  deps: UseCaseDeps,
  input: PutGlossaryInput
): Promise<{ created: boolean; glossary: Glossary; warnings: readonly FieldIssue[] }> {
  const { id } = input
  assertGlossaryId(id, ID_POINTER)
  if ((await deps.glossaries.get(id))?.source === 'bundled') {
    throw new UseCaseError(
      'conflict',
      `The glossary '${id}' is bundled and read-only: edit glossaries/${id}.tsv in the repository.`
    )
  }
  if (input.format === undefined) {
    throw new UseCaseError(
      'unsupported_media_type',
      'Send the glossary as text/tab-separated-values, text/csv, application/x-tbx or application/json.'
    )
  }
  const format = importFormatOf(input.format, input.layout)
  const maxBytes = Math.min(deps.config.maxBodyBytes, GLOSSARY_LIMITS.maxImportBytes)
  const imported = importGlossary(id, input.bytes, format, maxBytes, {
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...(input.target !== undefined ? { target: input.target } : {}),
  })
  if (!imported.ok) throw importError(imported.issues, format)
  const result = await deps.glossaries.put(imported.glossary, {
    ifMatch: versionTags(input.ifMatch),
    ifNoneMatch: versionTags(input.ifNoneMatch),
  })
  switch (result.kind) {
    case 'read_only':
      throw new UseCaseError('conflict', `The glossary '${id}' is bundled and read-only.`)
    case 'precondition_failed':
      throw new UseCaseError(
        'precondition_failed',
        result.current === undefined
          ? `The glossary '${id}' does not exist, so If-Match cannot match.`
          : input.ifNoneMatch !== undefined && input.ifNoneMatch.trim() === '*'
            ? `The glossary '${id}' already exists (version "${result.current}"); If-None-Match: * only creates.`
            : `The current version of '${id}' is "${result.current}"; fetch it again and retry.`
      )
    default:
      return {
        created: result.kind === 'created',
        glossary: result.glossary,
        warnings: issueFields(imported.warnings ?? []),
      }
  }
}

/** Deletes an API glossary. */
export async function deleteGlossary(
  deps: UseCaseDeps,
  id: string,
  ifMatch?: string | undefined
): Promise<void> {
  assertGlossaryId(id, ID_POINTER)
  const result = await deps.glossaries.delete(id, { ifMatch: versionTags(ifMatch) })
  switch (result.kind) {
    case 'read_only':
      throw new UseCaseError('conflict', `The glossary '${id}' is bundled and read-only.`)
    case 'not_found':
      throw new UseCaseError('not_found', `No glossary '${id}'.`)
    case 'precondition_failed':
      throw new UseCaseError(
        'precondition_failed',
        `The current version of '${id}' is "${result.current}"; fetch it again and retry.`
      )
    case 'deleted':
      return
  }
}

export type TerminologyCheck = {
  glossary: string
  version: string
  language: string
  findings: TerminologyFinding[]
}

/** Variants and forbidden terms of glossary `id` in `text` (`language: 'auto'` detects it). */
export async function checkGlossaryTerms(
  deps: UseCaseDeps,
  id: string,
  input: {
    readonly text: string
    readonly language: string
    readonly format?: ContentFormat
    readonly offsetUnit?: OffsetUnit
  }
): Promise<TerminologyCheck> {
  // Markup is read before the glossary is fetched: a page without text is refused first.
  const content = readSubmitted(input.text, input.format ?? 'text')
  const { glossary } = await getGlossary(deps, id)
  let language = input.language
  if (language === 'auto') {
    const detected = detectLanguage(content.text).language
    language = detected === 'und' ? (glossary.languages[0] ?? 'und') : detected
  }
  const at = offsetConverter(content.source, input.offsetUnit ?? 'utf16')
  return {
    glossary: glossary.id,
    version: glossary.version,
    language,
    findings: checkTerminology(glossary, content.text, language).map((f) => ({
      ...f,
      ...convertSpan(at, content.span(f.offset, f.offset + f.length)),
    })),
  }
}

/**
 * Candidates with `example.offset` in `unit`. Offsets are converted text by text in ascending
 * order, so each text is walked once.
 */
function inUnit(
  candidates: CandidateResult['candidates'],
  texts: readonly string[],
  unit: OffsetUnit
): CandidateResult['candidates'] {
  const converted = new Map<string, number>()
  const byText = new Map<number, number[]>()
  for (const c of candidates) {
    const list = byText.get(c.example.text) ?? []
    list.push(c.example.offset)
    byText.set(c.example.text, list)
  }
  for (const [text, offsets] of byText) {
    const at = offsetConverter(texts[text] ?? '', unit)
    for (const offset of [...new Set(offsets)].sort((a, b) => a - b)) {
      converted.set(`${text}:${offset}`, at(offset))
    }
  }
  return candidates.map((c) => ({
    ...c,
    example: {
      text: c.example.text,
      offset: converted.get(`${c.example.text}:${c.example.offset}`) ?? c.example.offset,
    },
  }))
}

/** Limits of the candidates endpoint, checked before any work. */
export const CANDIDATE_LIMITS = {
  /** Texts per request. */
  maxTexts: 50,
  /** Characters over all texts. */
  maxTotalLength: 500_000,
} as const

export type GlossaryCandidates = CandidateResult & {
  glossary: string
  version: string
}

/**
 * Terms in `texts` that look like glossary material and that glossary `id` lacks (see
 * `src/glossary/candidates.ts`); `language: 'auto'` detects the language of the texts together.
 */
export async function suggestGlossaryTerms(
  deps: UseCaseDeps,
  id: string,
  input: {
    readonly texts: readonly string[]
    readonly language: string
    /** The unit of `example.offset` (UTF-16 by default). */
    readonly offsetUnit?: OffsetUnit
  }
): Promise<{ result: GlossaryCandidates; tsv: string }> {
  const { texts } = input
  if (texts.length > CANDIDATE_LIMITS.maxTexts) {
    throw new UseCaseError(
      'invalid_request',
      `At most ${CANDIDATE_LIMITS.maxTexts} texts per request.`,
      {
        fields: [
          {
            pointer: '#/texts',
            message: `has ${texts.length} items; the limit is ${CANDIDATE_LIMITS.maxTexts}`,
          },
        ],
      }
    )
  }
  const total = texts.reduce((n, t) => n + t.length, 0)
  if (total > CANDIDATE_LIMITS.maxTotalLength) {
    throw new UseCaseError(
      'payload_too_large',
      `The texts have ${total} characters together; the limit is ${CANDIDATE_LIMITS.maxTotalLength}.`,
      { fields: [{ pointer: '#/texts', message: 'too long together' }] }
    )
  }
  const { glossary } = await getGlossary(deps, id)
  let language = input.language
  if (language === 'auto') {
    const detected = detectLanguage(texts.join('\n\n').slice(0, 20_000)).language
    if (detected === 'und') {
      throw new UseCaseError(
        'language_not_detected',
        'Could not detect the language of the texts: pass language.',
        {
          fields: [{ pointer: '#/language', message: 'pass the language of the texts' }],
        }
      )
    }
    language = detected
  }
  const found = findCandidates(texts, { language, glossary })
  const unit = input.offsetUnit ?? 'utf16'
  const candidates = unit === 'utf16' ? found.candidates : inUnit(found.candidates, texts, unit)
  return {
    result: { glossary: glossary.id, version: glossary.version, ...found, candidates },
    tsv: formatCandidatesTsv(found),
  }
}
