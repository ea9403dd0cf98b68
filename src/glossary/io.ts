/**
 * Import and export in every supported format: TSV (the `glossaries/` syntax), CSV (RFC 4180),
 * TBX (TBX-Basic v3, TBX-Basic in v2 `martif`, and the private TBX-Precis dialect out; v3 and v2
 * in) and JSON (the API's entries shape).
 *
 * Imports are bounded before any parsing (bytes), decoded strictly as UTF-8, and validated by
 * the same rules as the files in the repository. TSV, CSV, JSON and TBX-Precis round-trip without
 * loss (`import(export(g))` equals `g`); TBX-Basic (v3 and v2) round-trips everything but flags
 * and inflected forms, which that dialect has no data category for.
 *
 * @module
 */
import { type EntryListOptions, parseDeeplEntries, parseGoogleTermSets } from './interchange'
import { GLOSSARY_LIMITS } from './limits'
import { GLOSSARY_FLAGS } from './model'
import { formatCsvGlossary, formatTsvGlossary, parseCsvGlossary, parseTsvGlossary } from './table'
import { formatTbxGlossary, parseTbxGlossary } from './tbx'
import type { Glossary, GlossaryFlag } from './types'
import { type BuildResult, buildGlossary, makeIssue } from './validate'

/** The formats a glossary can be imported from (by `Content-Type`) and exported to. */
export type GlossaryFormat = 'tsv' | 'csv' | 'tbx' | 'json'

/** Every format, in documentation order. */
export const GLOSSARY_FORMATS: readonly GlossaryFormat[] = ['tsv', 'csv', 'tbx', 'json']

/**
 * Export formats: the import formats plus the TBX flavours. `tbx` is TBX-Basic v3, `tbx-v2` is
 * TBX-Basic content in TBX v2 (`martif`) — both leave out flags and inflected forms, which
 * TBX-Basic cannot carry — and `tbx-precis` is the private dialect that keeps everything.
 */
export type GlossaryExportFormat = GlossaryFormat | 'tbx-v2' | 'tbx-precis'

/** Every export format, in documentation order. */
export const GLOSSARY_EXPORT_FORMATS: readonly GlossaryExportFormat[] = [
  ...GLOSSARY_FORMATS,
  'tbx-v2',
  'tbx-precis',
]

/** Export formats whose import gives back exactly the exported glossary. */
export const LOSSLESS_FORMATS: readonly GlossaryExportFormat[] = [
  'tsv',
  'csv',
  'json',
  'tbx-precis',
]

/**
 * Import formats: the export formats' readers plus other tools' layouts, chosen by the caller
 * (the `Content-Type` says TSV or CSV, not whose columns): `deepl-tsv`/`deepl-csv` entry lists
 * and Google's `google-csv` equivalent term sets (see `interchange.ts`).
 */
export type GlossaryImportFormat = GlossaryFormat | 'deepl-tsv' | 'deepl-csv' | 'google-csv'

/** Every import format, in documentation order. */
export const GLOSSARY_IMPORT_FORMATS: readonly GlossaryImportFormat[] = [
  ...GLOSSARY_FORMATS,
  'deepl-tsv',
  'deepl-csv',
  'google-csv',
]

/** The media type each format is served with. */
export const GLOSSARY_MEDIA_TYPES: Readonly<Record<GlossaryExportFormat, string>> = {
  tsv: 'text/tab-separated-values; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  tbx: 'application/x-tbx; charset=utf-8',
  json: 'application/json; charset=utf-8',
  'tbx-v2': 'application/x-tbx; charset=utf-8',
  'tbx-precis': 'application/x-tbx; charset=utf-8',
}

/**
 * The format of a request body from its `Content-Type`: `text/tab-separated-values`,
 * `text/csv`, `application/x-tbx` (or `application/xml`, `text/xml`), `application/json` (or any
 * `+json` type).
 *
 * @returns `undefined` for anything else.
 */
export function formatFromMediaType(
  contentType: string | null | undefined
): GlossaryFormat | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === 'text/tab-separated-values') return 'tsv'
  if (type === 'text/csv') return 'csv'
  if (type === 'application/x-tbx' || type === 'application/xml' || type === 'text/xml')
    return 'tbx'
  if (type === 'application/json' || /^application\/[a-z.-]+\+json$/.test(type)) return 'json'
  return undefined
}

/** One entry in the API's JSON shape. */
export type GlossaryEntryJson = {
  id?: string
  terms: Record<string, string[]>
  forms?: Record<string, string[]>
  forbidden?: Record<string, string[]>
  flags: GlossaryFlag[]
  note?: string
}

/** A glossary in the API's JSON shape (`GET /v1/glossaries/{id}`). */
export type GlossaryJson = {
  id: string
  languages: string[]
  version: string
  entries: GlossaryEntryJson[]
}

function plainRecord(
  record: Readonly<Record<string, readonly string[]>> | undefined
): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [language, terms] of Object.entries(record ?? {})) {
    if (terms.length > 0) out[language] = [...terms]
  }
  return out
}

/** A glossary in the API's JSON shape; empty `forms`/`forbidden` and absent notes are left out. */
export function glossaryToJson(glossary: Glossary): GlossaryJson {
  return {
    id: glossary.id,
    languages: [...glossary.languages],
    version: glossary.version,
    entries: glossary.entries.map((e) => {
      const forms = plainRecord(e.forms)
      const forbidden = plainRecord(e.forbidden)
      return {
        ...(e.id !== undefined ? { id: e.id } : {}),
        terms: plainRecord(e.terms),
        ...(Object.keys(forms).length > 0 ? { forms } : {}),
        ...(Object.keys(forbidden).length > 0 ? { forbidden } : {}),
        flags: GLOSSARY_FLAGS.filter((f) => e.flags.includes(f)),
        ...(e.note !== undefined ? { note: e.note } : {}),
      }
    }),
  }
}

/**
 * Builds a glossary from JSON text in the API's shape (`{ languages?, entries }`; `id` and
 * `version` may be present and are ignored, so a `GET` body can be `PUT` back).
 */
export function parseJsonGlossary(id: string, text: string): BuildResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      issues: [
        makeIssue(
          'malformed',
          `the body is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
          []
        ),
      ],
    }
  }
  return buildGlossary(id, value)
}

function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i)
    if (u < 0x80) bytes += 1
    else if (u < 0x800) bytes += 2
    else if (u >= 0xd800 && u <= 0xdbff && i + 1 < text.length) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/**
 * Imports a glossary from a document in `format`.
 *
 * @param body - the document: bytes (decoded as strict UTF-8) or text.
 * @param maxBytes - size limit (default `GLOSSARY_LIMITS.maxImportBytes`), checked first.
 * @param options - the languages of an entry list without a header (`deepl-*` only).
 * @returns the glossary, or every problem found. Codes `too_large`, `invalid_encoding` and
 *   `malformed` mean the document could not be read at all; the rest are content problems.
 */
export function importGlossary(
  id: string,
  body: string | Uint8Array,
  format: GlossaryImportFormat,
  maxBytes: number = GLOSSARY_LIMITS.maxImportBytes,
  options: EntryListOptions = {}
): BuildResult {
  const size = typeof body === 'string' ? utf8Length(body) : body.byteLength
  if (size > maxBytes) {
    return {
      ok: false,
      issues: [
        makeIssue(
          'too_large',
          `the document is ${size.toLocaleString('en-US')} bytes; the limit is ${maxBytes.toLocaleString('en-US')}`,
          []
        ),
      ],
    }
  }
  let text: string
  if (typeof body === 'string') {
    text = body
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body)
    } catch {
      return {
        ok: false,
        issues: [
          makeIssue('invalid_encoding', 'the document is not valid UTF-8: save it as UTF-8', []),
        ],
      }
    }
  }
  switch (format) {
    case 'tsv':
      return parseTsvGlossary(id, text)
    case 'csv':
      return parseCsvGlossary(id, text)
    case 'tbx':
      return parseTbxGlossary(id, text)
    case 'json':
      return parseJsonGlossary(id, text)
    case 'deepl-tsv':
      return parseDeeplEntries(id, text, 'tab', options)
    case 'deepl-csv':
      return parseDeeplEntries(id, text, 'comma', options)
    case 'google-csv':
      return parseGoogleTermSets(id, text)
  }
}

/** Exports a glossary in `format` (JSON: the API shape, pretty-printed). */
export function exportGlossary(glossary: Glossary, format: GlossaryExportFormat): string {
  switch (format) {
    case 'tsv':
      return formatTsvGlossary(glossary)
    case 'csv':
      return formatCsvGlossary(glossary)
    case 'tbx':
      return formatTbxGlossary(glossary, 'basic')
    case 'tbx-v2':
      return formatTbxGlossary(glossary, 'v2')
    case 'tbx-precis':
      return formatTbxGlossary(glossary, 'precis')
    case 'json':
      return `${JSON.stringify(glossaryToJson(glossary), null, 2)}\n`
  }
}
