import { describe, expect, it } from 'vitest'
import { BUNDLED_GLOSSARIES } from './bundled.generated'
import { findTerms } from './match'
import { checkTerminology, isAllCaps, replaceWithPreferred, termOccurrences } from './terms'
import type { Glossary } from './types'

const glossary = BUNDLED_GLOSSARIES.find((g) => g.id === 'news-central-asia') as Glossary

// Written for this test in the style of the example article (with "Xi’an" changed to "Xian").
const article = [
  'China offers a military alliance to Kazakhstan and four other countries.',
  'The first summit was held in Xian, the ancient capital of China, where the Silk Road began.',
  'XIAN hosted the leaders; the Kremlin’s influence is waning, said the Carnegie Russia\nEurasia Center.',
].join(' ')

describe('summary helpers', () => {
  it('reports every occurrence with the concept, the preferred term and the offset', () => {
    const terms = termOccurrences(findTerms(glossary, article, 'en'))
    const xian = terms.find((t) => t.found === 'Xian')
    expect(xian).toEqual({
      concept: 'xi-an',
      preferred: "Xi'an",
      found: 'Xian',
      offset: article.indexOf('Xian,'),
      length: 4,
    })
    for (const t of terms) expect(article.slice(t.offset, t.offset + t.length)).toBe(t.found)
    expect(terms.map((t) => t.concept)).toEqual([
      'kazakhstan',
      'xi-an',
      'silk-road',
      'xi-an',
      'kremlin',
      'carnegie-russia-eurasia-center',
    ])
  })

  it('renders an article piece by piece as it renders the whole', () => {
    const text = Array(50).fill(article).join(' ')
    const matches = findTerms(glossary, text, 'en')
    const whole = replaceWithPreferred(text, matches)
    // cut anywhere that is not inside a match (pieces see only their own matches)
    let cuts = [0]
    for (let at = 13; at < text.length; at += 13) {
      if (!matches.some((m) => m.start < at && at < m.end)) cuts.push(at)
    }
    cuts = [...cuts, text.length]
    const pieces = cuts
      .slice(1)
      .map((to, i) => replaceWithPreferred(text.slice(cuts[i], to), matches, cuts[i]))
    expect(pieces.join('')).toBe(whole)
    expect(whole).toContain("Xi'an")
  })

  it('renders a sentence with preferred terms, keeping the writer’s forms of preferred terms', () => {
    const matches = findTerms(glossary, article, 'en')
    const start = article.indexOf('The first')
    const end = article.indexOf('XIAN hosted')
    const sentence = article.slice(start, end - 1)
    expect(replaceWithPreferred(sentence, matches, start)).toBe(
      "The first summit was held in Xi'an, the ancient capital of China, where the Silk Road began."
    )
    // A shouted variant stays shouted; the curly apostrophe of a preferred term is kept.
    const third = article.slice(end)
    expect(replaceWithPreferred(third, matches, end)).toBe(
      "XI'AN hosted the leaders; the Kremlin’s influence is waning, said the Carnegie Russia\nEurasia Center."
    )
  })

  it('leaves text alone when the offsets do not fit', () => {
    const matches = findTerms(glossary, 'in Xian', 'en')
    expect(replaceWithPreferred('in Xian', matches)).toBe("in Xi'an")
    expect(replaceWithPreferred('in Xian', matches, 1)).toBe('in Xian')
    expect(replaceWithPreferred('nothing here', [])).toBe('nothing here')
  })

  it('keeps inflected forms and rewrites variants in Russian', () => {
    const text = 'Кыргызстан и Казахстан подписали соглашение в Кремле'
    const matches = findTerms(glossary, text, 'ru')
    expect(matches.map((m) => [m.found, m.kind])).toEqual([
      ['Кыргызстан', 'variant'],
      ['Казахстан', 'preferred'],
      ['Кремле', 'preferred'],
    ])
    expect(replaceWithPreferred(text, matches)).toBe(
      'Киргизия и Казахстан подписали соглашение в Кремле'
    )
  })
})

describe('checkTerminology', () => {
  it('finds variants and forbidden terms with offsets', () => {
    const text = 'El Tiempo Financiero informó desde Xian; Xi’an es correcto.'
    expect(checkTerminology(glossary, text, 'es')).toEqual([
      {
        kind: 'forbidden',
        term: 'Tiempo Financiero',
        preferred: 'Financial Times',
        concept: 'financial-times',
        offset: 3,
        length: 17,
      },
      {
        kind: 'variant',
        term: 'Xian',
        preferred: "Xi'an",
        concept: 'xi-an',
        offset: 35,
        length: 4,
      },
    ])
  })

  it('is silent on a clean text', () => {
    expect(
      checkTerminology(
        glossary,
        'Xi Jinping se reunió en Xi’an con los líderes de Kazajistán.',
        'es'
      )
    ).toEqual([])
  })
})

describe('isAllCaps', () => {
  /** The definition, one code point at a time through the case mappings. */
  function byCaseMappings(text: string): boolean {
    let letters = 0
    for (const c of text) {
      if (c.toLowerCase() !== c.toUpperCase()) {
        if (c !== c.toUpperCase()) return false
        letters++
      }
    }
    return letters > 1
  }

  it('agrees with the case mappings for every code point, alone and after a capital', () => {
    const disagreements: number[] = []
    for (let point = 0; point <= 0x10ffff; point++) {
      const c = String.fromCodePoint(point)
      if (
        isAllCaps(`A${c}`) !== byCaseMappings(`A${c}`) ||
        isAllCaps(`${c}${c}`) !== byCaseMappings(`${c}${c}`)
      )
        disagreements.push(point)
    }
    expect(disagreements).toEqual([])
  })

  it('agrees on mixed strings, lone surrogates and astral letters', () => {
    const samples = [
      'XIAN',
      'Xian',
      'NATO-Gipfel',
      '丝路',
      'ÉTÉ',
      'ǅ',
      '𐐀𐐁',
      '𐐀𐐨',
      '\ud801A',
      'A\udc00B',
      '東京 TOKYO',
      'ＡＢ',
      'ａＢ',
      'I',
    ]
    for (const text of samples) expect(isAllCaps(text), text).toBe(byCaseMappings(text))
  })
})
