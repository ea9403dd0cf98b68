import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { joinSegments, segmentText } from './segments'

describe('segmentText', () => {
  it('cuts at blank lines and keeps every separator verbatim', () => {
    const text = '  Title\n\nFirst para,\nsecond line.\r\n\r\n\nLast.  \n'
    const s = segmentText(text, 1000, 'en')
    expect(s.segments).toEqual(['Title', 'First para,\nsecond line.', 'Last.'])
    expect(s.gaps).toEqual(['  ', '\n\n', '\r\n\r\n\n', '  \n'])
    expect(joinSegments(s.gaps, s.segments)).toBe(text)
  })

  it('splits a long paragraph between sentences, each piece within the limit', () => {
    const sentence = 'The summit ended on Friday with a joint statement. '
    const text = sentence.repeat(10).trim()
    const s = segmentText(text, 120, 'en')
    expect(s.segments.length).toBeGreaterThan(4)
    for (const segment of s.segments) expect(segment.length).toBeLessThanOrEqual(120)
    expect(joinSegments(s.gaps, s.segments)).toBe(text)
  })

  it('cuts an over-long sentence at spaces', () => {
    const text = `${'word '.repeat(100)}end.`
    const s = segmentText(text, 50, 'en')
    for (const segment of s.segments) expect(segment.length).toBeLessThanOrEqual(50)
    expect(joinSegments(s.gaps, s.segments)).toBe(text)
  })

  it('has no segment for blank text', () => {
    expect(segmentText(' \n\n ', 100, 'en').segments).toEqual([])
  })

  test.prop([
    fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('\n\n', '. ', '\n', ' ')), {
      maxLength: 30,
    }),
  ])('always rebuilds the input; segments are trimmed, non-empty and blank-line free', (parts) => {
    const text = parts.join('')
    const s = segmentText(text, 40, 'en')
    expect(joinSegments(s.gaps, s.segments)).toBe(text)
    for (const segment of s.segments) {
      expect(segment.trim()).toBe(segment)
      expect(segment).not.toBe('')
      expect(segment).not.toMatch(/\n[ \t]*\n/)
    }
  })
})
