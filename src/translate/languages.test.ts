import { describe, expect, it } from 'vitest'
import {
  apertiumToBcp47,
  bcp47ToApertium,
  M2M100_LANGUAGES,
  resolvePair,
  supportFromPairs,
  targetsFor,
} from './languages'

describe('Apertium ↔ BCP 47 codes', () => {
  it.each([
    ['eng', 'en'],
    ['spa', 'es'],
    ['cat_valencia', 'ca-valencia'],
    ['por_BR', 'pt-BR'],
    ['eng_US', 'en-US'],
    ['cat_iec2017', 'ca-iec2017'],
    ['ast', 'ast'],
  ])('%s ↔ %s', (apertium, bcp47) => {
    expect(apertiumToBcp47(apertium)).toBe(bcp47)
    expect(bcp47ToApertium(bcp47)).toBe(apertium)
  })

  it('puts non-variant subtags in a private-use tail', () => {
    expect(apertiumToBcp47('cat_valencia_uni')).toBe('ca-valencia-x-uni')
  })
})

describe('pair support', () => {
  const support = supportFromPairs([
    { source: 'en', target: 'es' },
    { source: 'en', target: 'ca' },
    { source: 'es', target: 'en' },
  ])
  it('resolves exact tags, then primary subtags', () => {
    expect(resolvePair(support, { source: 'en-GB', target: 'es' })).toEqual({
      source: 'en',
      target: 'es',
    })
    expect(resolvePair(support, { source: 'en', target: 'fr' })).toBeUndefined()
  })
  it('lists the targets from a source', () => {
    expect(targetsFor(support, 'en')).toEqual(['ca', 'es'])
    expect(targetsFor({ sources: ['en', 'es'], targets: ['en', 'es'] }, 'en')).toEqual(['es'])
  })
  it('has the 100 m2m100 languages', () => {
    expect(new Set(M2M100_LANGUAGES).size).toBe(100)
  })
})
