import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { countWords, forEachWord, hasUnspacedScript, tokenize } from './words'

describe('tokenize', () => {
  it('splits spaced scripts on non-letters, keeping inner apostrophes and hyphens', () => {
    expect(tokenize("Wipro's third-biggest rise: 60%!").map((t) => t.norm)).toEqual([
      "wipro's",
      'third-biggest',
      'rise',
      '60',
    ])
  })

  it('folds typographic apostrophes and lowercases', () => {
    expect(tokenize('L’Élysée DON’T').map((t) => t.norm)).toEqual(["l'élysée", "don't"])
  })

  it('segments Chinese and Japanese into dictionary words', () => {
    expect(tokenize('国家统计局发布了最新数据', 'zh').map((t) => t.norm)).toEqual([
      '国家',
      '统计',
      '局',
      '发布',
      '了',
      '最新',
      '数据',
    ])
    expect(tokenize('東京都は新しい計画を発表', 'ja').length).toBeGreaterThan(4)
  })

  it('reports offsets into the whole text when given a range', () => {
    const text = 'Hello brave new world'
    const tokens = tokenize(text, 'en', 6, 15)
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['brave', 'new'])
  })
})

describe('hasUnspacedScript', () => {
  it.each([
    ['plain Latin', 'Hello world', false],
    ['Cyrillic and Arabic', 'Привет مرحبا', false],
    ['Han', '中文', true],
    ['Thai', 'ภาษาไทย', true],
  ])('%s', (_, text, expected) => {
    expect(hasUnspacedScript(text)).toBe(expected)
  })
})

describe('forEachWord', () => {
  // The specification the scanner implements.
  const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ\-‐\u200C\u200D][\p{L}\p{M}\p{N}]+)*/gu
  const spacedText = fc.string({ unit: 'binary', maxLength: 200 }).map((s) =>
    // Unspaced scripts go to ICU instead; keep them out of this comparison.
    s.replace(
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu,
      ' '
    )
  )
  test.prop([spacedText, fc.nat(), fc.nat()])(
    'finds exactly the regex matches in any range',
    (text, a, b) => {
      const from = Math.min(a, b) % (text.length + 1)
      const to = Math.max(from, Math.max(a, b) % (text.length + 1))
      const slice = text.slice(from, to)
      const expected = [...slice.matchAll(WORD)].map((m) => [
        from + (m.index ?? 0),
        from + (m.index ?? 0) + m[0].length,
      ])
      const found: number[][] = []
      forEachWord(text, 'en', from, to, (start, end) => found.push([start, end]))
      expect(found).toEqual(expected)
    }
  )
})

describe('countWords', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 200 })])(
    'counts exactly the tokens tokenize returns, on any input',
    (text) => {
      expect(countWords(text, 'zh')).toBe(tokenize(text, 'zh').length)
      expect(countWords(text)).toBe(tokenize(text).length)
    }
  )
})
