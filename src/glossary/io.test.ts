import { describe, expect, it } from 'vitest'
import { BUNDLED_GLOSSARIES } from './bundled.generated'
import {
  exportGlossary,
  formatFromMediaType,
  GLOSSARY_EXPORT_FORMATS,
  GLOSSARY_FORMATS,
  GLOSSARY_MEDIA_TYPES,
  type GlossaryExportFormat,
  type GlossaryFormat,
  glossaryToJson,
  importGlossary,
  LOSSLESS_FORMATS,
} from './io'
import { entryTermsIn, glossaryVersion } from './model'
import type { Glossary } from './types'

function tsv(text: string): Glossary {
  const result = importGlossary('test', text, 'tsv')
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.glossary
}

// Exercises every part of the syntax: ids and no ids, variants, forms, forbidden-only cells,
// escapes, flags, notes with commas and quotes, empty cells.
const tricky = tsv(
  [
    'id\ten\tes\tru\tflags\tnote',
    "xi-an\tXi'an|Xian\tXi'an|!Xi'un\tСиань\tfixed\tCity, \"old\" capital",
    '\tAC\\|DC|\\!Kung\t\t\t\t',
    '\tyuan\tyuan|~yuanes\tюань|~юаня\tinflect\t',
    'ft\tFinancial Times\t!Tiempo Financiero\t\tdnt\tNewspaper; keep as is',
    '\tUS\tEE. UU.\t\tcase\t',
  ].join('\n')
)

/**
 * What a TBX-Basic export keeps: everything but flags and inflected forms, with a dnt concept's
 * source terms written out in every language that had none.
 */
function withoutPrecisOnly(glossary: Glossary): Glossary {
  const entries = glossary.entries.map((e) => {
    const { forms: _forms, ...rest } = e
    const terms: Record<string, readonly string[]> = {}
    for (const language of glossary.languages) {
      const own = e.terms[language] ?? []
      const source = entryTermsIn(glossary, e, language)
      if (own.length > 0) terms[language] = own
      else if (e.flags.includes('dnt') && source !== undefined)
        terms[language] = [source.preferred, ...source.variants]
    }
    return { ...rest, terms, flags: [] }
  })
  const content = { languages: glossary.languages, entries }
  return { id: glossary.id, version: glossaryVersion(content), ...content }
}

const importFormat = (format: GlossaryExportFormat): GlossaryFormat =>
  format === 'tbx-v2' || format === 'tbx-precis' ? 'tbx' : format

describe('import and export', () => {
  it.each(LOSSLESS_FORMATS)('round-trips %s without loss', (format) => {
    for (const glossary of [tricky, ...BUNDLED_GLOSSARIES]) {
      const back = importGlossary(
        glossary.id,
        exportGlossary(glossary, format),
        importFormat(format)
      )
      expect(back.ok, format).toBe(true)
      if (!back.ok) return
      expect(back.glossary).toEqual(glossary)
    }
  })

  it.each(['tbx', 'tbx-v2'] as const)(
    'round-trips %s (TBX-Basic) without loss except flags and inflected forms',
    (format) => {
      for (const glossary of [tricky, ...BUNDLED_GLOSSARIES]) {
        const back = importGlossary(glossary.id, exportGlossary(glossary, format), 'tbx')
        expect(back.ok, format).toBe(true)
        if (!back.ok) return
        expect(back.glossary).toEqual(withoutPrecisOnly(glossary))
      }
    }
  )

  it('lists every export format with a media type', () => {
    for (const format of GLOSSARY_EXPORT_FORMATS) {
      expect(GLOSSARY_MEDIA_TYPES[format]).toMatch(/charset=utf-8$/)
      expect(exportGlossary(tricky, format).length).toBeGreaterThan(0)
    }
    expect(GLOSSARY_FORMATS.every((f) => GLOSSARY_EXPORT_FORMATS.includes(f))).toBe(true)
  })

  it('goes TSV → JSON → TSV, CSV and TBX-Precis and back to the same version', () => {
    const json = importGlossary('test', exportGlossary(tricky, 'json'), 'json')
    if (!json.ok) throw new Error('json')
    for (const format of ['tsv', 'csv', 'tbx-precis'] as const) {
      const back = importGlossary(
        'test',
        exportGlossary(json.glossary, format),
        importFormat(format)
      )
      expect(back.ok && back.glossary.version).toBe(tricky.version)
    }
    expect(exportGlossary(json.glossary, 'tsv')).toBe(exportGlossary(tricky, 'tsv'))
  })

  it('writes the API JSON shape', () => {
    const json = glossaryToJson(tricky)
    expect(json).toMatchObject({
      id: 'test',
      languages: ['en', 'es', 'ru'],
      version: tricky.version,
    })
    expect(json.entries[0]).toEqual({
      id: 'xi-an',
      terms: { en: ["Xi'an", 'Xian'], es: ["Xi'an"], ru: ['Сиань'] },
      forbidden: { es: ["Xi'un"] },
      flags: ['fixed'],
      note: 'City, "old" capital',
    })
    expect(json.entries[1]).toEqual({ terms: { en: ['AC|DC', '!Kung'] }, flags: [] })
  })

  it('writes RFC 4180 CSV', () => {
    const csv = exportGlossary(tricky, 'csv')
    expect(csv.split('\r\n')[1]).toBe(
      `xi-an,Xi'an|Xian,Xi'an|!Xi'un,Сиань,fixed,"City, ""old"" capital"`
    )
  })

  it('reads CSV with quoted fields spanning lines and reports the line of a problem', () => {
    const result = importGlossary(
      't',
      'en,es,note\r\nXian,"Xi\'an",x\r\n"Kremlin",Kremlin,"two\r\nlines"\r\n,OTAN,\r\n',
      'csv'
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'bad_character'],
      [5, 'empty_preferred_term'],
    ])
  })

  it('changes the version on any edit and not on a format change', () => {
    const edited = tsv(exportGlossary(tricky, 'tsv').replace('Newspaper', 'Daily'))
    expect(edited.version).not.toBe(tricky.version)
    expect(tsv(exportGlossary(tricky, 'tsv').replace('\tfixed\t', '\tdnt\t')).version).not.toBe(
      tricky.version
    )
    expect(tricky.version).toMatch(/^[0-9a-f]{16}$/)
  })

  it('validates JSON with pointers to the row', () => {
    const body = JSON.stringify({
      entries: [
        { terms: { en: ["Xi'an"] }, flags: [] },
        { terms: { en: ['Kremlin', ''] }, flags: ['dnt', 'shout'] },
        { terms: { en: ['XI’AN'] } },
        { terms: { xx: ['nope'] }, extra: true },
      ],
    })
    const result = importGlossary('t', body, 'json')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => [i.pointer, i.code])).toEqual(
      expect.arrayContaining([
        ['/entries/1/terms/en/1', 'empty_term'],
        ['/entries/1/flags/1', 'unknown_flag'],
        ['/entries/2/terms/en/0', 'duplicate_term'],
        ['/entries/3', 'invalid_structure'],
        ['/entries/3/terms/xx', 'unknown_language'],
      ])
    )
  })

  it('refuses oversized, non-UTF-8 and malformed documents before parsing', () => {
    const big = importGlossary('t', `en\n${'x\n'.repeat(100)}`, 'tsv', 100)
    expect(!big.ok && big.issues[0]?.code).toBe('too_large')
    const latin1 = importGlossary(
      't',
      new Uint8Array([0x65, 0x6e, 0x0a, 0x43, 0x61, 0x66, 0xe9]),
      'tsv'
    )
    expect(!latin1.ok && latin1.issues[0]?.code).toBe('invalid_encoding')
    const json = importGlossary('t', '{"entries": [', 'json')
    expect(!json.ok && json.issues[0]?.code).toBe('malformed')
  })

  it('picks the format from the media type', () => {
    expect(formatFromMediaType('text/tab-separated-values; charset=utf-8')).toBe('tsv')
    expect(formatFromMediaType('text/csv')).toBe('csv')
    expect(formatFromMediaType('application/x-tbx')).toBe('tbx')
    expect(formatFromMediaType('application/xml')).toBe('tbx')
    expect(formatFromMediaType('application/json')).toBe('json')
    expect(formatFromMediaType('text/plain')).toBeUndefined()
  })
})
