import { describe, expect, it } from 'vitest'
import { checkGlossaryFile } from '../../scripts/glossary/bundle'
import { importGlossary } from '../../src/glossary/io'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('quoted cells', () => {
  it('rejects a TSV term wrapped in quotes and names its line and column', () => {
    const result = importGlossary('t', 'en\tes\nXian\tXi\'an\n"Financial Times"\tFT\n', 'tsv')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'quoted_cell',
        line: 3,
        column: 'en',
        pointer: '/entries/1/terms/en/0',
      }),
    ])
    expect(result.issues[0]?.message).toContain('write Financial Times without them')
    expect(result.issues[0]?.message).toContain('TSV needs no quotes')
  })

  it('finds quoted variants and forbidden terms inside a cell, and quoted header cells', () => {
    const result = importGlossary('t', 'en\t"es"\tfr\nXian|"Xi an"\tX\tXian|!"Xian"\n', 'tsv')
    expect(result.ok).toBe(false)
    if (result.ok) return
    const quoted = result.issues.filter((i) => i.code === 'quoted_cell').map((i) => i.pointer)
    expect(quoted).toEqual(['/columns/1', '/entries/0/forbidden/fr/0', '/entries/0/terms/en/1'])
  })

  it('accepts RFC 4180 quoting in CSV but not quotes left inside the value', () => {
    expect(importGlossary('t', 'en,es\r\n"Financial Times",FT\r\n', 'csv').ok).toBe(true)
    const result = importGlossary('t', 'en,es\r\n"""Financial Times""",FT\r\n', 'csv')
    expect(!result.ok && result.issues[0]).toMatchObject({ code: 'quoted_cell', line: 2 })
  })

  it('is the same rule in the file check (npm run glossaries:check)', () => {
    const result = checkGlossaryFile('x.tsv', bytes('en\tes\n"Financial Times"\tFT\n'))
    expect(!result.ok && result.issues[0]?.code).toBe('quoted_cell')
  })

  it('leaves quotes inside a term alone', () => {
    const result = importGlossary('t', 'en\n"Big" Bank of Astana\n', 'tsv')
    expect(result.ok).toBe(true)
  })
})

describe('separators', () => {
  it.each([
    ['semicolon', "en;es;flags\nXian;Xi'an;fixed\n", 'semicolon'],
    ['comma', "en,es\nXian,Xi'an\n", 'comma'],
  ])('recognises a %s-separated file read as TSV', (_name, text, word) => {
    const result = importGlossary('t', text, 'tsv')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ code: 'wrong_separator', line: 1 })
    expect(result.issues[0]?.message).toContain(`looks ${word}-separated`)
    expect(result.issues[0]?.message).toContain('Tab-separated values')
  })

  it('recognises a semicolon-separated CSV and a tab-separated file sent as CSV', () => {
    const semi = importGlossary('t', '"en";"es"\r\nXian;Xi\'an\r\n', 'csv')
    expect(!semi.ok && semi.issues[0]).toMatchObject({ code: 'wrong_separator', line: 1 })
    expect(!semi.ok && semi.issues[0]?.message).toContain('commas')
    const tab = importGlossary('t', "en\tes\r\nXian\tXi'an\r\n", 'csv')
    expect(!tab.ok && tab.issues[0]?.message).toContain('text/tab-separated-values')
  })

  it('is the same rule in the file check, with the header line', () => {
    const result = checkGlossaryFile('x.tsv', bytes('\nen;es\nXian;Xian\n'))
    expect(!result.ok && result.issues[0]).toMatchObject({ code: 'wrong_separator', line: 2 })
  })

  it('keeps the language-code message for a one-column header that is not a column list', () => {
    const result = importGlossary('t', 'english;spanish\nXian;Xian\n', 'tsv')
    expect(!result.ok && result.issues[0]?.code).toBe('unknown_language')
  })
})
