import { describe, expect, it } from 'vitest'
import {
  APOSTROPHE_VARIANTS,
  foldApostrophes,
  isApostropheVariant,
  isWordCodePoint,
  WORD_CHAR,
} from './chars'
import { languageKey, primarySubtag } from './language'
import { segmenterFor } from './segmenters'

describe('character classes', () => {
  it('the apostrophe test and the apostrophe list agree on every BMP unit', () => {
    for (let u = 0; u <= 0xffff; u++) {
      expect(isApostropheVariant(u)).toBe(APOSTROPHE_VARIANTS.includes(String.fromCharCode(u)))
    }
  })

  it('folds every variant to U+0027 without changing the length', () => {
    const text = `l${APOSTROPHE_VARIANTS.split('').join('a')}x`
    const folded = foldApostrophes(text)
    expect(folded).toHaveLength(text.length)
    expect(folded).toBe(`l${"'a".repeat(APOSTROPHE_VARIANTS.length - 1)}'x`)
  })

  it('the word-character test agrees with its regex (ASCII fast path included)', () => {
    for (const cp of [
      0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a, 0x5f, 0x2d, 0xe9, 0x4e2d, 0x1f600, 0x1d400,
    ]) {
      expect(isWordCodePoint(cp)).toBe(WORD_CHAR.test(String.fromCodePoint(cp)))
    }
  })
})

describe('language tags', () => {
  it.for([
    ['pt-BR', 'pt', 'pt'],
    ['EN', 'en', 'en'],
    ['zh-Hant-TW', 'zh', 'zh'],
    ['und', 'und', 'und'],
    ['en_US', 'en_us', 'und'],
    ['', '', 'und'],
  ])('%s → primary %s, key %s', ([tag, primary, key]) => {
    expect(primarySubtag(tag as string)).toBe(primary)
    expect(languageKey(tag as string)).toBe(key)
  })

  it('shares one segmenter per language and granularity', () => {
    expect(segmenterFor('en-GB', 'word')).toBe(segmenterFor('en', 'word'))
    expect(segmenterFor('en', 'word')).not.toBe(segmenterFor('en', 'sentence'))
    expect(segmenterFor('en', 'sentence').resolvedOptions().granularity).toBe('sentence')
  })
})
