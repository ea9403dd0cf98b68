import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { allocatePlaceholders, checkPlaceholder, strayPlaceholders } from './placeholders'

describe('allocatePlaceholders', () => {
  it('gives capitalised, letters-only, fixed-length, distinct codes', () => {
    const set = allocatePlaceholders(30, ['plain text'])
    expect(set.codes).toHaveLength(30)
    expect(new Set(set.codes).size).toBe(30)
    for (const code of set.codes) expect(code).toMatch(/^[A-Z][a-z]{3}$/)
    expect(set.codes[0]).toBe('Zqaa')
  })

  it('skips codes that occur in the input, whatever their case', () => {
    const set = allocatePlaceholders(3, ['We met ZQAA and zqab at Zqac.'])
    expect(set.codes).toEqual(['Zqad', 'Zqae', 'Zqaf'])
  })

  it('reserves every code a truncated occurrence could start', () => {
    const set = allocatePlaceholders(1, ['ends with Zqa'])
    expect(set.codes[0]?.startsWith('Zqa')).toBe(false)
  })

  it('moves to another prefix, then to longer codes, when a prefix is crowded', () => {
    const crowded = Array.from({ length: 26 * 26 }, (_, n) => {
      const a = String.fromCharCode(97 + Math.floor(n / 26))
      const b = String.fromCharCode(97 + (n % 26))
      return `zq${a}${b}`
    }).join(' ')
    const set = allocatePlaceholders(2, [crowded])
    expect(set.codes).toEqual(['Qzaa', 'Qzab'])
    expect(allocatePlaceholders(7000, ['']).length).toBe(5)
  })

  test.prop([fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 40 })])(
    'never allocates a code that occurs in the input',
    (input, count) => {
      const set = allocatePlaceholders(count, [input])
      const lower = input.toLowerCase()
      for (const code of set.codes) expect(lower.includes(code.toLowerCase())).toBe(false)
    }
  )
})

describe('checkPlaceholder', () => {
  it('accepts exactly one free-standing occurrence', () => {
    expect(checkPlaceholder('en el Zqab dijo', 'Zqab')).toEqual({ ok: true, start: 6, end: 10 })
  })
  it('tolerates one Apertium mark before it and includes it in the span', () => {
    expect(checkPlaceholder('en el *Zqab dijo', 'Zqab')).toEqual({ ok: true, start: 6, end: 11 })
    expect(checkPlaceholder('#Zqab.', 'Zqab')).toMatchObject({ ok: true, start: 0 })
  })
  it('reports lost, duplicated and glued placeholders', () => {
    expect(checkPlaceholder('nothing here', 'Zqab')).toEqual({ ok: false, reason: 'lost' })
    expect(checkPlaceholder('Zqab y Zqab', 'Zqab')).toEqual({ ok: false, reason: 'duplicated' })
    expect(checkPlaceholder('el Zqabha dicho', 'Zqab')).toEqual({ ok: false, reason: 'glued' })
    expect(checkPlaceholder('laZqab', 'Zqab')).toEqual({ ok: false, reason: 'glued' })
  })
})

describe('strayPlaceholders', () => {
  it('finds codes of the text that moved into the wrong segment', () => {
    const set = allocatePlaceholders(3, [''])
    const all = new Set(set.codes)
    expect(strayPlaceholders('uno Zqab dos Zqac', set, all, new Set(['Zqab']))).toEqual(['Zqac'])
    expect(strayPlaceholders('uno Zqab', set, all, new Set(['Zqab']))).toEqual([])
  })
})
