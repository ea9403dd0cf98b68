import { describe, expect, it } from 'vitest'
import { importGlossary } from './io'
import { compileMatcher, findTerms, matcherFor } from './match'
import type { Glossary } from './types'
import { buildGlossary } from './validate'

function tsv(rows: string[]): Glossary {
  const result = importGlossary('test', `${rows.join('\n')}\n`, 'tsv')
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.glossary
}

const glossary = tsv([
  'id\ten\tes\tru\tzh\tko\tfr\tflags',
  "xi-an\tXi'an|Xian\tXi'an|Xian|!Xi'un\tСиань\t西安\t시안\tXi'an\tfixed",
  'kremlin\tKremlin\tKremlin\tКремль|~Кремлём|~Кремле\t克里姆林宫\t크렘린\tKremlin\tfixed',
  'crec\tCarnegie Russia Eurasia Center\tCentro Carnegie Rusia-Eurasia\t\t\t\t\tfixed',
  'carnegie\tCarnegie Endowment\tFundación Carnegie\t\t\t\t\tfixed',
  'kz\tKazakhstan\tKazajistán\tКазахстан\t哈萨克斯坦\t카자흐스탄\tKazakhstan\tfixed',
  'kz-people\tKazakh\t\t\t哈萨克\t\t\t',
  'us\tUS\tEE. UU.\t\t\t\t\tcase',
  'ft\tFinancial Times\t!Tiempo Financiero\t\t\t\t\tdnt',
  'nato\tNATO\tOTAN\tНАТО\t北约\t\tOTAN\tfixed',
])

function found(text: string, language = 'en'): string[] {
  return findTerms(glossary, text, language).map((m) => m.found)
}

describe('findTerms', () => {
  it('folds apostrophes, case, spacing and line breaks', () => {
    const text = "Xi'an, Xi’an, XI'AN, Xiʼan and Carnegie Russia\n  Eurasia Center"
    const matches = findTerms(glossary, text, 'en')
    expect(matches.map((m) => [m.found, m.concept, m.kind])).toEqual([
      ["Xi'an", 'xi-an', 'preferred'],
      ['Xi’an', 'xi-an', 'preferred'],
      ["XI'AN", 'xi-an', 'preferred'],
      ['Xiʼan', 'xi-an', 'preferred'],
      ['Carnegie Russia\n  Eurasia Center', 'crec', 'preferred'],
    ])
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.found)
  })

  it('reports variants with the preferred term', () => {
    const [m] = findTerms(glossary, 'Leaders arrived in Xian on Thursday.', 'en')
    expect(m).toMatchObject({
      concept: 'xi-an',
      found: 'Xian',
      preferred: "Xi'an",
      kind: 'variant',
      start: 19,
      end: 23,
      term: 'Xian',
    })
  })

  it('respects word boundaries: no Xian inside Xianyang', () => {
    expect(found('Xianyang is a different city from Xian.')).toEqual(['Xian'])
    expect(found('Kremlins Kremlinology preKremlin')).toEqual([])
  })

  it('matches the term, not the possessive', () => {
    expect(found("Xi’an's walls and the Kremlin’s orbit, the Kremlin's")).toEqual([
      'Xi’an',
      'Kremlin',
      'Kremlin',
    ])
  })

  it('prefers the longest term and never overlaps', () => {
    expect(found('The Carnegie Endowment funds the Carnegie Russia Eurasia Center.')).toEqual([
      'Carnegie Endowment',
      'Carnegie Russia Eurasia Center',
    ])
    expect(found('哈萨克斯坦的哈萨克族', 'zh')).toEqual(['哈萨克斯坦', '哈萨克'])
  })

  it('honours the case flag', () => {
    expect(found('The US and us.')).toEqual(['US'])
    expect(found('the Us')).toEqual([])
  })

  it('tolerates invisible characters inside a term', () => {
    expect(found('Kreml\u00ADin and Xi\u200Ban')).toEqual(['Kreml\u00ADin', 'Xi\u200Ban'])
  })

  it('reports offsets into the text as sent, even when it is not NFC', () => {
    const text = 'Cafe\u0301 Kazajista\u0301n y Xian'
    const matches = findTerms(glossary, text, 'es')
    expect(matches.map((m) => m.found)).toEqual(['Kazajista\u0301n', 'Xian'])
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.found)
  })

  it('counts UTF-16 units around emoji and astral characters', () => {
    const text = '😀𝒳 NATO 😀'
    const [m] = findTerms(glossary, text, 'en')
    expect(m?.start).toBe(5)
    expect(m?.found).toBe('NATO')
  })

  it('finds Chinese terms without spaces', () => {
    const matches = findTerms(glossary, '习近平在西安会见哈萨克斯坦总统。北约秘书长', 'zh')
    expect(matches.map((m) => [m.found, m.start])).toEqual([
      ['西安', 4],
      ['哈萨克斯坦', 8],
      ['北约', 16],
    ])
  })

  it('lets Korean particles follow a term but not precede it', () => {
    expect(found('시안에서 회의가 열렸다', 'ko')).toEqual(['시안'])
    expect(found('도시안', 'ko')).toEqual([])
  })

  it('matches after French elision and Latin terms inside CJK text', () => {
    expect(found("l'OTAN et d’OTAN", 'fr')).toEqual(['OTAN', 'OTAN'])
    expect(found('在NATO会议上', 'en')).toEqual(['NATO'])
  })

  it('treats ё as е and recognizes inflected forms as the preferred term', () => {
    const matches = findTerms(glossary, 'в Кремле, с Кремлем и Кремлём', 'ru')
    expect(matches.map((m) => [m.found, m.kind, m.preferred])).toEqual([
      ['Кремле', 'preferred', 'Кремль'],
      ['Кремлем', 'preferred', 'Кремль'],
      ['Кремлём', 'preferred', 'Кремль'],
    ])
  })

  it('reports forbidden terms', () => {
    const matches = findTerms(glossary, 'El Tiempo Financiero y Xi’un', 'es')
    expect(matches.map((m) => [m.found, m.kind, m.preferred])).toEqual([
      ['Tiempo Financiero', 'forbidden', 'Financial Times'],
      ['Xi’un', 'forbidden', "Xi'an"],
    ])
  })

  it('keeps do-not-translate terms in languages without a cell', () => {
    expect(found('Il Financial Times e la NATO', 'it')).toEqual(['Financial Times'])
  })

  it('picks the column by primary language', () => {
    expect(compileMatcher(glossary, 'en-GB').column).toBe('en')
    expect(compileMatcher(glossary, 'zh-Hans').column).toBe('zh')
    expect(compileMatcher(glossary, 'it').column).toBeUndefined()
  })

  it('gives the same matches with a sparse transition table', () => {
    const text = "Xi'an, Xianyang, the Carnegie Endowment, the US, Kazakhstan’s NATO"
    const dense = compileMatcher(glossary, 'en').find(text)
    const sparse = compileMatcher(glossary, 'en', { denseLimit: 0 }).find(text)
    expect(sparse).toEqual(dense)
    expect(dense).toHaveLength(5)
  })

  it('never throws on broken text', () => {
    expect(findTerms(glossary, '\uD800Xian\uDC00 \u202EXian', 'en').map((m) => m.found)).toEqual([
      'Xian',
      'Xian',
    ])
    expect(findTerms(glossary, '', 'en')).toEqual([])
  })

  it('caches the compiled matcher per glossary version and column', () => {
    expect(matcherFor(glossary, 'en')).toBe(matcherFor(glossary, 'en'))
    expect(matcherFor(glossary, 'en')).not.toBe(matcherFor(glossary, 'es'))
    // Tags that resolve to the same column share one compiled automaton (same `find`), so
    // rotating tags cannot make every request compile.
    const find = matcherFor(glossary, 'en').find
    for (let i = 0; i < 100; i++) expect(matcherFor(glossary, `en-x-tag${i}`).find).toBe(find)
    expect(matcherFor(glossary, 'en-GB').language).toBe('en-GB')
    expect(matcherFor(glossary, 'de').find).toBe(matcherFor(glossary, 'pt').find)
  })

  it('matches one casing among a thousand of one word', () => {
    const casings = Array.from({ length: 1024 }, (_, mask) =>
      [...'silkroadfd'].map((c, i) => ((mask >> i) & 1 ? c.toUpperCase() : c)).join('')
    )
    const many = tsv(['en\tflags', ...casings.map((t) => `${t}\tcase`)])
    const text = 'The SilkRoadFd and the silkroadfd, not silkroadfdx.'
    const matches = findTerms(many, text, 'en')
    expect(matches.map((m) => [m.found, m.term, m.entry])).toEqual([
      ['SilkRoadFd', 'SilkRoadFd', casings.indexOf('SilkRoadFd')],
      ['silkroadfd', 'silkroadfd', 0],
    ])
  })
})

describe('glossary shapes the matcher refuses', () => {
  const nested = (depth: number) =>
    importGlossary(
      'nested',
      `zh\n${Array.from({ length: depth }, (_, i) => '路'.repeat(i + 1)).join('\n')}\n`,
      'tsv'
    )

  it('accepts 32 terms that end one another and refuses 33, naming the term', () => {
    expect(nested(32).ok).toBe(true)
    const refused = nested(33)
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.issues).toHaveLength(1)
    expect(refused.issues[0]).toMatchObject({
      code: 'too_many_nested_terms',
      pointer: '/entries/32/terms/zh/0',
      line: 34,
    })
    expect(refused.issues[0]?.message).toContain('ends with 32 other zh terms')
  })

  it('counts nesting in words as well as in characters', () => {
    const rows = Array.from({ length: 33 }, (_, i) =>
      Array.from({ length: i + 1 }, (_, k) => `w${i - k}`).join(' ')
    )
    const result = importGlossary('words', `en\n${rows.join('\n')}\n`, 'tsv')
    expect(result.ok).toBe(false)
  })
})

describe('keys that end where a longer one ends', () => {
  it('are found when the longer one cannot be taken, through flat and linked chains alike', () => {
    const built = buildGlossary('chains', {
      languages: ['en'],
      entries: [{ terms: { en: ['c a'] } }, { terms: { en: ['a b'] } }, { terms: { en: ['b'] } }],
    })
    if (!built.ok) throw new Error(JSON.stringify(built.issues))
    // "a b" ends with "b", but its start is inside "c a": the shorter key is the match.
    for (const options of [{}, { flatChainLimit: 0 }, { denseLimit: 0, flatChainLimit: 0 }]) {
      const found = compileMatcher(built.glossary, 'en', options).find('c a b')
      expect(found.map((m) => m.found)).toEqual(['c a', 'b'])
    }
  })
})
