import { describe, expect, it } from 'vitest'
import { glossaryFrom } from '../../test/support/glossary'
import type { TermMatch } from '../glossary/types'
import { isPluralOccurrence, planTerms, pluralize, strategyFor } from './terms'

const entry = (flags: string[] = []) => ({ terms: {}, forbidden: {}, flags }) as never

describe('strategyFor', () => {
  it('follows the flags first', () => {
    expect(strategyFor(entry(['dnt']), 'summit', 'summit')).toBe('mask')
    expect(strategyFor(entry(['fixed']), 'summit', 'cumbre')).toBe('mask')
    expect(strategyFor(entry(['inflect']), 'Yuan', 'Yuan')).toBe('verify')
  })
  it('masks terms with a capital or a digit on either side, verifies lowercase ones', () => {
    expect(strategyFor(entry(), "Xi'an", "Xi'an")).toBe('mask')
    expect(strategyFor(entry(), 'NATO', 'OTAN')).toBe('mask')
    expect(strategyFor(entry(), 'g20', 'g20')).toBe('mask')
    expect(strategyFor(entry(), '习近平', 'Xi Jinping')).toBe('mask')
    expect(strategyFor(entry(), 'yuan', 'yuanes')).toBe('verify')
    expect(strategyFor(entry(), 'summit', 'cumbre')).toBe('verify')
  })
})

const match = (text: string, found: string, preferred = found): TermMatch => {
  const start = text.indexOf(found)
  return {
    entry: 0,
    concept: preferred,
    start,
    end: start + found.length,
    found,
    preferred,
    kind: 'preferred',
  }
}

describe('isPluralOccurrence', () => {
  it('reads numbers and quantity words before the noun', () => {
    const t1 = '26 billion yuan for aid'
    expect(isPluralOccurrence(t1, match(t1, 'yuan'), 'yuan')).toBe(true)
    const t2 = 'It costs 3 yuan.'
    expect(isPluralOccurrence(t2, match(t2, 'yuan'), 'yuan')).toBe(true)
    const t3 = 'It costs 1 yuan.'
    expect(isPluralOccurrence(t3, match(t3, 'yuan'), 'yuan')).toBe(false)
    const t4 = 'The yuan rose.'
    expect(isPluralOccurrence(t4, match(t4, 'yuan'), 'yuan')).toBe(false)
    const t5 = 'Two summits.'
    expect(isPluralOccurrence(t5, match(t5, 'summits', 'summit'), 'summit')).toBe(true)
  })
})

describe('pluralize', () => {
  it('applies the regular plural of the target language', () => {
    expect(pluralize('yuan', 'es')).toBe('yuanes')
    expect(pluralize('cumbre', 'es')).toBe('cumbres')
    expect(pluralize('camión', 'es')).toBe('camiones')
    expect(pluralize('luz', 'es')).toBe('luces')
    expect(pluralize('yuanes', 'es')).toBe('yuanes')
    expect(pluralize('iuan', 'ca')).toBe('iuans')
    expect(pluralize('cimera', 'ca')).toBe('cimeres')
    expect(pluralize('summit', 'en')).toBe('summits')
    expect(pluralize('Ruta de la Seda', 'es')).toBe('Ruta de la Seda')
    expect(pluralize('Yuan', 'de')).toBe('Yuan')
  })
})

describe('planTerms', () => {
  it('follows the glossary format: dnt keeps the source term unless the target column spells it', () => {
    const glossary = glossaryFrom([
      { en: 'Financial Times', es: '', ru: '', flags: 'dnt' },
      { en: 'Xinhua', es: '', ru: 'Синьхуа', flags: 'dnt' },
      { en: 'Kremlin' },
      { en: 'yuan', es: 'yuan|~yuanes', ru: 'юань|~юаня', flags: 'inflect' },
    ])
    const text = 'The Financial Times, Xinhua, the Kremlin and 3 yuan.'
    const matches: TermMatch[] = [
      { ...match(text, 'Financial Times'), entry: 0 },
      { ...match(text, 'Xinhua'), entry: 1 },
      { ...match(text, 'Kremlin'), entry: 2 },
      { ...match(text, 'yuan'), entry: 3 },
    ]
    const es = planTerms(text, matches, glossary, 'en', 'es')
    expect(es.map((p) => [p.target, p.strategy, p.plural, p.forms])).toEqual([
      ['Financial Times', 'mask', false, []],
      ['Xinhua', 'mask', false, []],
      ['yuan', 'verify', true, ['yuanes']],
    ])
    const ru = planTerms(text, matches, glossary, 'en', 'ru')
    expect(ru.map((p) => p.target)).toEqual(['Financial Times', 'Синьхуа', 'юань'])
  })

  it('finds the target column by primary language (es-419 → es)', () => {
    const glossary = glossaryFrom([{ en: 'summit', es: 'cumbre' }])
    const text = 'The summit.'
    const planned = planTerms(text, [match(text, 'summit')], glossary, 'en', 'es-419')
    expect(planned.map((p) => p.target)).toEqual(['cumbre'])
  })
})
