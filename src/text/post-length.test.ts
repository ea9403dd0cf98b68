import { describe, expect, it } from 'vitest'
import { MAX_POST_LENGTH, postLength } from './post-length'

describe('postLength', () => {
  it('Should count Latin, Cyrillic and general punctuation as 1', () => {
    expect(postLength('Hello, world')).toBe(12)
    expect(postLength('Привет — “мир”')).toBe(14)
  })

  it('Should count CJK and other heavy characters as 2', () => {
    expect(postLength('北京')).toBe(4)
    expect(postLength('東京タワー')).toBe(10)
    expect(postLength('한국')).toBe(4)
    // "…" (U+2026) is outside the light ranges.
    expect(postLength('Wait…')).toBe(6)
  })

  it('Should count an emoji sequence as 2 however many code points it has', () => {
    expect(postLength('😀')).toBe(2)
    expect(postLength('👍🏽')).toBe(2)
    expect(postLength('👩‍👩‍👧')).toBe(2)
    expect(postLength('🇺🇦')).toBe(2)
    expect(postLength('1️⃣')).toBe(2)
    expect(postLength('ok 👍🏽!')).toBe(6)
  })

  it('Should normalize to NFC before counting (a combining accent joins its letter)', () => {
    expect(postLength('Cafe\u0301')).toBe(4)
  })

  it('Should count a URL as 23 whatever its length', () => {
    expect(postLength('https://example.org/a/very/long/path/to/an/article/that/goes/on')).toBe(23)
    expect(postLength('Read https://example.org/x')).toBe(5 + 23)
    expect(postLength('via bbc.co.uk')).toBe(4 + 23)
    expect(postLength('See t.co/abc.')).toBe(4 + 23 + 1)
  })

  it('Should not take numbers or abbreviations for URLs', () => {
    expect(postLength('Growth was 3.5 per cent.')).toBe(24)
    expect(postLength('e.g. the U.S. economy')).toBe(21)
  })

  it('Should put the limit at 280', () => {
    expect(MAX_POST_LENGTH).toBe(280)
    expect(postLength('a'.repeat(280))).toBe(280)
    expect(postLength('字'.repeat(140))).toBe(280)
  })
})
