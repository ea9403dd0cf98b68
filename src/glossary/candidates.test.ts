import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { BUNDLED_GLOSSARIES } from './bundled.generated'
import {
  findCandidates,
  formatCandidatesTsv,
  similarSkeletons,
  spellingSkeleton,
} from './candidates'
import { importGlossary } from './io'

const glossary = BUNDLED_GLOSSARIES.find((g) => g.id === 'news-central-asia')

const EN = [
  'President Kassym-Jomart Tokayev said on Monday that the Astana International Financial Centre (AIFC) would open an office in Almaty. Tokaev also met Halyk Bank executives. The tenge fell against the dollar.',
  'The Astana International Financial Center announced record listings, the Kremlin said. Analysts at the National Bank of Kazakhstan were cautious.',
]

const terms = (texts: string[], language: string) =>
  findCandidates(texts, { language, ...(glossary !== undefined ? { glossary } : {}) })

describe('findCandidates', () => {
  it('finds multi-word names, people, places, acronyms and currencies with counts and offsets', () => {
    const result = terms(EN, 'en')
    const byTerm = new Map(result.candidates.map((c) => [c.term, c]))
    expect(byTerm.get('Astana International Financial Centre')).toMatchObject({
      kind: 'organization',
      count: 1,
      texts: [0],
      example: { text: 0, offset: EN[0]?.indexOf('Astana International') },
    })
    expect(byTerm.get('Kassym-Jomart Tokayev')?.kind).toBe('person')
    expect(byTerm.get('AIFC')?.kind).toBe('acronym')
    expect(byTerm.get('Almaty')?.kind).toBe('place')
    expect(byTerm.get('tenge')?.kind).toBe('currency')
    expect(byTerm.get('National Bank of Kazakhstan')?.kind).toBe('organization')
    // titles and days are not part of names
    expect([...byTerm.keys()].some((t) => /President|Monday/.test(t))).toBe(false)
  })

  it('leaves out what the glossary already has (Kremlin, Kazakhstan alone)', () => {
    const result = terms(EN, 'en')
    const names = result.candidates.map((c) => c.term)
    expect(names).not.toContain('Kremlin')
    expect(names).not.toContain('Kazakhstan')
    const without = findCandidates(EN, { language: 'en' }).candidates.map((c) => c.term)
    expect(without).toContain('Kremlin')
  })

  it('groups spellings of one name across texts, and a surname with its variant', () => {
    const result = terms(EN, 'en')
    const groups = result.groups.map((g) => [...g.terms].sort())
    expect(groups).toContainEqual([
      'Astana International Financial Center',
      'Astana International Financial Centre',
    ])
    expect(groups).toContainEqual(['Tokaev', 'Tokayev'])
    const centre = result.candidates.find((c) => c.term === 'Astana International Financial Center')
    expect(centre?.group).toBeDefined()
    expect(result.groups[centre?.group ?? -1]?.texts).toEqual([0, 1])
  })

  it.each([
    [
      'fr',
      "La Banque européenne pour la reconstruction et le développement (BERD) et le Fonds monétaire international ont prêté 300 millions d'euros à Tachkent.",
      ['Banque européenne pour la reconstruction et le développement', 'BERD', 'Tachkent', 'euros'],
    ],
    [
      'es',
      'El Banco Nacional de la República Kirguisa y el Fondo Monetario Internacional (FMI) hablaron en Biskek del som y del dólar.',
      [
        'Banco Nacional de la República Kirguisa',
        'Fondo Monetario Internacional',
        'FMI',
        'Biskek',
        'som',
        'dólar',
      ],
    ],
    [
      'de',
      'Die Europäische Investitionsbank (EIB) und der staatliche Konzern Turkmengaz trafen sich in Aschgabat. Es geht um 500 Millionen Euro.',
      ['Europäische Investitionsbank', 'EIB', 'Turkmengaz', 'Aschgabat', 'Euro'],
    ],
    [
      'ru',
      'Всемирный банк и Евразийский банк развития (ЕАБР) выделили Душанбе 350 миллионов долларов.',
      ['Всемирный банк', 'Евразийский банк развития', 'ЕАБР', 'Душанбе', 'долларов'],
    ],
  ])('works in %s', (language, text, expected) => {
    const found = terms([text], language).candidates.map((c) => c.term)
    for (const e of expected) expect(found, e).toContain(e)
  })

  it('does not take German common nouns, sentence-initial words or "some" for names', () => {
    const de = terms(['Die Regierung hat das Gesetz am Montag beschlossen.'], 'de')
    expect(de.candidates).toEqual([])
    const en = terms(['However, some analysts disagreed. Markets rose.'], 'en')
    expect(en.candidates).toEqual([])
  })

  it('exports TSV rows that import as a glossary file, variants in one cell', () => {
    const tsv = formatCandidatesTsv(terms(EN, 'en'))
    expect(tsv.split('\n')[0]).toBe('en\tnote')
    expect(tsv).toMatch(/\nTokayev\|Tokaev\t|\nTokaev\|Tokayev\t/)
    const imported = importGlossary('suggested', tsv, 'tsv')
    expect(imported.ok).toBe(true)
  })

  const word = fc.stringMatching(/^[A-Z][a-z]{2,8}$/)
  const filler = fc.constantFrom('the', 'said', 'on', 'a', 'new', 'plan', 'and', 'in', 'met')
  test.prop([fc.array(fc.array(fc.oneof(word, filler), { maxLength: 30 }), { maxLength: 5 })])(
    'every candidate occurs at its example offset, in the texts it lists',
    (docs) => {
      const texts = docs.map((d) => `${d.join(' ')}.`)
      const result = findCandidates(texts, { language: 'en' })
      for (const c of result.candidates) {
        const text = texts[c.example.text] ?? ''
        expect(text.slice(c.example.offset).toLowerCase().startsWith(c.term.toLowerCase())).toBe(
          true
        )
        expect(c.texts).toContain(c.example.text)
        expect(c.count).toBeGreaterThanOrEqual(c.texts.length)
      }
      for (const g of result.groups) expect(g.terms.length).toBeGreaterThanOrEqual(2)
    }
  )
})

describe('spelling skeletons', () => {
  it.each([
    ['Tokayev', 'Tokaev'],
    ['Nazarbayev', 'Nazarbaev'],
    ['Centre', 'Center'],
    ['Zhanaozen', 'Janaozen'],
    ['Samarcande', 'Samarkand'],
    ['Рахмон', 'Рахмонов'],
    ['Mirziyoyev', 'Mirzioïev'],
  ])('%s ~ %s', (a, b) => {
    expect(similarSkeletons(spellingSkeleton(a), spellingSkeleton(b))).toBe(true)
  })

  it.each([
    ['Astana', 'Almaty'],
    ['Iran', 'Iraq'],
    ['Austria', 'Australia'],
  ])('%s ≁ %s', (a, b) => {
    expect(similarSkeletons(spellingSkeleton(a), spellingSkeleton(b))).toBe(false)
  })
})
