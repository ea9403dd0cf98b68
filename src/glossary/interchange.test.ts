import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { BUNDLED_GLOSSARIES } from './bundled.generated'
import {
  deeplEntries,
  formatDeeplEntries,
  parseDeeplEntries,
  parseGoogleTermSets,
} from './interchange'
import { importGlossary } from './io'

const AIFC = [
  'Astana International Financial Centre\tCentro Financiero Internacional de Astaná',
  'Astana International Financial Center\tCentro Financiero Internacional de Astaná',
  'AIFC\tCentro Financiero Internacional de Astaná',
  'Tokayev\tTokáyev',
  'Tokaev\tTokáyev',
  'Kremlin\tKremlin',
  'Kremlin\tel Kremlin',
]

describe('DeepL entry lists', () => {
  it('imports sources that share a target as one concept with variants', () => {
    const result = parseDeeplEntries('d', `${AIFC.join('\n')}\n`, 'tab', {
      source: 'en',
      target: 'es',
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.glossary.languages).toEqual(['en', 'es'])
    expect(result.glossary.entries.map((e) => e.terms)).toEqual([
      {
        en: [
          'Astana International Financial Centre',
          'Astana International Financial Center',
          'AIFC',
        ],
        es: ['Centro Financiero Internacional de Astaná'],
      },
      { en: ['Tokayev', 'Tokaev'], es: ['Tokáyev'] },
      { en: ['Kremlin'], es: ['Kremlin'] },
    ])
    // a second target for one source: first kept, the other a warning naming its line
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'ignored_entry', line: 7, column: 'en' }),
    ])
    expect(result.warnings?.[0]?.message).toContain("already translates as 'Kremlin' (line 6)")
  })

  it('reads the languages from a header row, and CSV with or without language columns', () => {
    const tsv = parseDeeplEntries('d', `EN\tES\n${AIFC.slice(0, 2).join('\n')}\n`, 'tab')
    expect(tsv.ok && tsv.glossary.entries).toHaveLength(1)
    const csv = parseDeeplEntries(
      'd',
      '"Tokayev","Tokáyev",en,es\r\nTokaev,Tokáyev,en,es\r\n"Smith, John",Juan Smith,en,es\r\n',
      'comma'
    )
    expect(csv.ok).toBe(true)
    if (!csv.ok) return
    expect(csv.glossary.entries.map((e) => e.terms.en)).toEqual([
      ['Tokayev', 'Tokaev'],
      ['Smith, John'],
    ])
    expect(parseDeeplEntries('d', 'en,es\r\nyuan,yuan\r\n', 'comma').ok).toBe(true)
  })

  it('keeps a pipe or a leading ! as plain text (DeepL terms have no cell syntax)', () => {
    const result = parseDeeplEntries('d', 'AC|DC\tAC|DC\n!Kung\t!Kung\n', 'tab', {
      source: 'en',
      target: 'de',
    })
    expect(result.ok && result.glossary.entries.map((e) => e.terms.en)).toEqual([
      ['AC|DC'],
      ['!Kung'],
    ])
  })

  it.each([
    ['no languages', 'a\tb\n', {}, 'missing_language_column', undefined],
    [
      'a header that disagrees',
      'en\tes\na\tb\n',
      { source: 'en', target: 'fr' },
      'unknown_language',
      1,
    ],
    ['a missing tab', 'en\tes\nAstana\n', {}, 'column_count', 2],
    [
      'a semicolon file',
      'Astana;Astaná\nAlmaty;Almatý\n',
      { source: 'en', target: 'es' },
      'column_count',
      1,
    ],
    ['a semicolon header', 'en;es\nAstana;Astaná\n', {}, 'wrong_separator', 1],
    ['a quoted cell', 'en\tes\n"Financial Times"\tFT\n', {}, 'quoted_cell', 2],
    ['an empty target', 'en\tes\nAstana\t \n', {}, 'empty_term', 2],
    ['one language twice', 'a\tb\n', { source: 'en', target: 'en' }, 'duplicate_column', undefined],
  ] as const)('reports %s with its line', (_name, text, options, code, line) => {
    const result = parseDeeplEntries('d', text, 'tab', options)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues[0]).toMatchObject({ code, ...(line !== undefined ? { line } : {}) })
  })

  it('names the separator in the hint for a semicolon-separated entry', () => {
    const result = parseDeeplEntries('d', 'Astana;Astaná\n', 'tab', { source: 'en', target: 'es' })
    expect(!result.ok && result.issues[0]?.message).toContain('semicolon-separated')
  })

  it('reports a source term that is a target-side duplicate of another concept by line', () => {
    // "Tokaev" → two different targets is a warning; a target shared under two case variants of
    // one source is one concept.
    const result = parseDeeplEntries('d', 'Astana\tAstaná\nASTANA\tAstaná\n', 'tab', {
      source: 'en',
      target: 'es',
    })
    expect(result.ok && result.glossary.entries).toHaveLength(1)
    expect(result.ok && result.warnings?.[0]?.message).toContain('repeats the entry on line 1')
  })
})

describe('DeepL export', () => {
  it('writes every source term against the target preferred term, without a header', () => {
    const glossary = BUNDLED_GLOSSARIES[0]
    if (glossary === undefined) throw new Error('no bundled glossary')
    const tsv = formatDeeplEntries(glossary, 'en', 'es')
    const lines = tsv.trimEnd().split('\n')
    expect(lines.every((l) => l.split('\t').length === 2)).toBe(true)
    const sources = lines.map((l) => l.split('\t')[0])
    expect(new Set(sources).size).toBe(sources.length)
    expect(tsv).not.toMatch(/^en\tes/)
  })

  it('round-trips through the entry-list import for the preferred and variant terms', () => {
    const result = importGlossary(
      't',
      "en\tes\tflags\nXi'an|Xian\tXi'an|!Xi'un\t\nFinancial Times\t\tdnt\nyuan\tyuan|~yuanes\tinflect\nKazakhstan\t\t\n",
      'tsv'
    )
    if (!result.ok) throw new Error('tsv')
    const out = deeplEntries(result.glossary, 'en', 'es')
    expect(out).toEqual({
      ok: true,
      tsv: "Xi'an\tXi'an\nXian\tXi'an\nFinancial Times\tFinancial Times\nyuan\tyuan\n",
      entries: 4,
      skipped: 1,
    })
    const back = parseDeeplEntries('t', out.ok ? out.tsv : '', 'tab', {
      source: 'en',
      target: 'es',
    })
    expect(back.ok && back.glossary.entries[0]?.terms).toEqual({
      en: ["Xi'an", 'Xian'],
      es: ["Xi'an"],
    })
  })

  it('names the missing column', () => {
    const glossary = BUNDLED_GLOSSARIES[0]
    if (glossary === undefined) throw new Error('no bundled glossary')
    expect(deeplEntries(glossary, 'en', 'ja')).toMatchObject({ ok: false, field: 'target' })
    expect(deeplEntries(glossary, 'en-GB', 'es-MX').ok).toBe(true)
    expect(() => formatDeeplEntries(glossary, 'xx', 'es')).toThrow(RangeError)
  })

  const word = fc.stringMatching(/^[A-Za-z][a-z]{0,6}( [A-Z][a-z]{0,5})?$/)
  test.prop([fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 30 })])(
    'import(export) keeps every source → target mapping the import accepted',
    (pairs) => {
      const text = pairs.map(([s, t]) => `${s}\t${t}\n`).join('')
      const imported = parseDeeplEntries('p', text, 'tab', { source: 'en', target: 'de' })
      fc.pre(imported.ok)
      if (!imported.ok) return
      const out = deeplEntries(imported.glossary, 'en', 'de')
      if (!out.ok) throw new Error(out.message)
      // every source appears once, with the target of its first entry (up to case and spacing)
      const first = new Map<string, string>()
      for (const [s, t] of pairs) if (!first.has(s.toLowerCase())) first.set(s.toLowerCase(), t)
      const written = out.tsv
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t'))
      expect(written).toHaveLength(first.size)
      for (const [s, t] of written)
        expect(first.get((s ?? '').toLowerCase())?.toLowerCase()).toBe(t?.toLowerCase())
    }
  )
})

describe('importGlossary with the interchange formats', () => {
  it('reads DeepL TSV and CSV and Google CSV from bytes, with the size limit first', () => {
    const bytes = new TextEncoder().encode(`${AIFC.join('\n')}\n`)
    const tsv = importGlossary('d', bytes, 'deepl-tsv', undefined, { source: 'en', target: 'es' })
    expect(tsv.ok && tsv.warnings).toHaveLength(1)
    expect(importGlossary('d', 'Tokayev,Tokáyev,en,es\r\n', 'deepl-csv').ok).toBe(true)
    expect(importGlossary('g', 'en,de\r\nKremlin,Kreml\r\n', 'google-csv').ok).toBe(true)
    const big = importGlossary('d', bytes, 'deepl-tsv', 10, { source: 'en', target: 'es' })
    expect(!big.ok && big.issues[0]?.code).toBe('too_large')
  })
})

describe('Google equivalent term sets', () => {
  it('imports one concept a row, with pos ignored and description as the note', () => {
    const result = parseGoogleTermSets(
      'g',
      'en,es,fr,pos,description\r\nKremlin,Kremlin,Kremlin,noun,Seat of power\r\nyuan,yuan,,noun,\r\n'
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.glossary.languages).toEqual(['en', 'es', 'fr'])
    expect(result.glossary.entries).toEqual([
      expect.objectContaining({
        terms: { en: ['Kremlin'], es: ['Kremlin'], fr: ['Kremlin'] },
        note: 'Seat of power',
      }),
      expect.objectContaining({ terms: { en: ['yuan'], es: ['yuan'] } }),
    ])
  })

  it('names the row and column of a problem, and hints at a semicolon file', () => {
    const dup = parseGoogleTermSets('g', 'en,es\r\nKremlin,Kremlin\r\nkremlin,el Kremlin\r\n')
    expect(!dup.ok && dup.issues[0]).toMatchObject({
      code: 'duplicate_term',
      line: 3,
      column: 'en',
    })
    const semi = parseGoogleTermSets('g', 'en;es\r\nKremlin;Kremlin\r\n')
    expect(!semi.ok && semi.issues[0]).toMatchObject({ code: 'wrong_separator', line: 1 })
  })
})
