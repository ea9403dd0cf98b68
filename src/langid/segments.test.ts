import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { NEWS_SENTENCES } from '../../test/fixtures/news-sentences'
import { detectSegments } from './segments'

describe('detectSegments', () => {
  it('splits an article quoting another language into runs, with exact offsets', () => {
    const en = 'The minister answered the question in French before leaving the press room.'
    const fr = '« Nous ne céderons pas. Le gouvernement maintient sa réforme des retraites. »'
    const en2 = 'She then left the building without answering further questions from reporters.'
    const text = `${en}\n${fr}\n\n${en2}`
    const segments = detectSegments(text)
    expect(segments.map((s) => s.language)).toEqual(['en', 'fr', 'en'])
    expect(segments.map((s) => text.slice(s.start, s.end))).toEqual([en, fr, en2])
    for (const s of segments) expect(s.reliable).toBe(true)
  })

  it('merges neighbouring paragraphs in the same language', () => {
    const text = `${NEWS_SENTENCES.de}\n\n${NEWS_SENTENCES.de}\n${NEWS_SENTENCES.es}`
    const segments = detectSegments(text)
    expect(segments.map((s) => s.language)).toEqual(['de', 'es'])
    expect(segments[0]?.start).toBe(0)
    expect(segments[1]?.end).toBe(text.length)
  })

  it('gives undecidable paragraphs (datelines, numbers) to a neighbour', () => {
    const text = `12:30\n${NEWS_SENTENCES.it}\n—\n${NEWS_SENTENCES.it}`
    expect(detectSegments(text)).toMatchObject([{ start: 0, end: text.length, language: 'it' }])
  })

  it('returns nothing for empty text and und for text without letters', () => {
    expect(detectSegments('')).toEqual([])
    expect(detectSegments('\n\n 123 \n').map((s) => s.language)).toEqual(['und'])
  })

  test.prop([
    fc.array(fc.constantFrom(...Object.values(NEWS_SENTENCES), '', '42', '  '), { maxLength: 8 }),
  ])('segments are ordered, disjoint, trimmed and cover every paragraph', (paragraphs) => {
    const text = paragraphs.join('\n')
    const segments = detectSegments(text)
    let last = 0
    for (const s of segments) {
      expect(s.start).toBeGreaterThanOrEqual(last)
      expect(s.end).toBeGreaterThan(s.start)
      expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim())
      expect(s.confidence).toBeGreaterThanOrEqual(0)
      expect(s.confidence).toBeLessThanOrEqual(1)
      last = s.end
    }
    const covered = segments.reduce(
      (n, s) => n + text.slice(s.start, s.end).replace(/\s/g, '').length,
      0
    )
    expect(covered).toBe(text.replace(/\s/g, '').length)
  })

  test.prop([fc.string({ unit: 'binary', maxLength: 300 })])('never throws', (text) => {
    detectSegments(text)
  })
})
