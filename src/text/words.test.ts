import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { countWords, hasUnspacedScript, tokenize } from './words'

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

describe('countWords', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 200 })])(
    'counts exactly the tokens tokenize returns, on any input',
    (text) => {
      expect(countWords(text, 'zh')).toBe(tokenize(text, 'zh').length)
      expect(countWords(text)).toBe(tokenize(text).length)
    }
  )
})
