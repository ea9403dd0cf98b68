import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { convertSpan, offsetConverter } from './units'

const encoder = new TextEncoder()

describe('offsetConverter', () => {
  // "e" + combining acute (2 code points, 2 units), 😀 (1 code point, 2 units, 4 bytes),
  // 北京 (2 code points, 6 bytes), 👍🏽 (2 code points: thumbs up + skin tone, 4 units).
  const text = 'Cafe\u0301 😀 北京 👍🏽!'

  it('Should leave UTF-16 offsets as they are', () => {
    expect(offsetConverter(text, 'utf16')(7)).toBe(7)
  })

  it('Should count code points past emoji, CJK and combining marks', () => {
    const at = offsetConverter(text, 'codepoint')
    expect(at(text.indexOf('😀'))).toBe(6)
    expect(at(text.indexOf('北'))).toBe(8)
    expect(at(text.indexOf('👍'))).toBe(11)
    expect(at(text.length)).toBe([...text].length)
  })

  it('Should count UTF-8 bytes past emoji, CJK and combining marks', () => {
    const at = offsetConverter(text, 'utf8')
    for (const needle of ['😀', '北', '京', '👍', '!']) {
      const i = text.indexOf(needle)
      expect(at(i)).toBe(encoder.encode(text.slice(0, i)).length)
    }
  })

  it('Should convert a span so that it covers the same characters', () => {
    const i = text.indexOf('北京')
    const span = convertSpan(offsetConverter(text, 'utf8'), { offset: i, length: 2 })
    const bytes = encoder.encode(text)
    expect(new TextDecoder().decode(bytes.slice(span.offset, span.offset + span.length))).toBe(
      '北京'
    )
    const cp = convertSpan(offsetConverter(text, 'codepoint'), {
      offset: text.indexOf('😀'),
      length: 2,
    })
    expect([...text].slice(cp.offset, cp.offset + cp.length).join('')).toBe('😀')
  })

  it('Should give the same answers for offsets out of order', () => {
    const at = offsetConverter(text, 'utf8')
    const late = at(text.length)
    expect(at(3)).toBe(3)
    expect(at(text.length)).toBe(late)
  })
})

// Offsets at character boundaries only (what the service produces).
const boundaries = (s: string): number[] => {
  const out = [0]
  let i = 0
  for (const ch of s) {
    i += ch.length
    out.push(i)
  }
  return out
}

test.prop([fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(), fc.nat()])(
  'code point and byte offsets slice the same text as UTF-16 offsets',
  (text, a, b) => {
    const cuts = boundaries(text)
    const start = cuts[a % cuts.length] as number
    const end = Math.max(start, cuts[b % cuts.length] as number)
    const piece = text.slice(start, end)
    const cp = convertSpan(offsetConverter(text, 'codepoint'), {
      offset: start,
      length: end - start,
    })
    expect([...text].slice(cp.offset, cp.offset + cp.length).join('')).toBe(piece)
    const u8 = convertSpan(offsetConverter(text, 'utf8'), { offset: start, length: end - start })
    expect(u8.length).toBe(encoder.encode(piece).length)
    expect(u8.offset).toBe(encoder.encode(text.slice(0, start)).length)
  }
)
