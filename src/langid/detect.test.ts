import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { FRANC_ALL_PROFILES as FRANC_PROFILES } from '../../test/fixtures/franc-all.generated'
import { NEWS_SENTENCES } from '../../test/fixtures/news-sentences'
import { SUPPORTED_CODES } from './codes'
import { createDetector, type Detection, detectLanguage, RELIABLE_AT } from './detect'
import { MODEL } from './model.generated'

/** Invariants every answer keeps, whatever the input. */
function expectWellFormed(d: Detection): void {
  expect(d.confidence).toBeGreaterThanOrEqual(0)
  expect(d.confidence).toBeLessThanOrEqual(1)
  expect(d.reliable).toBe(d.language !== 'und' && d.confidence >= RELIABLE_AT)
  if (d.language === 'und') {
    expect(d).toMatchObject({ iso639_3: 'und', confidence: 0, alternatives: [] })
  } else {
    expect(SUPPORTED_CODES).toContain(d.language)
  }
  let sum = d.confidence
  for (const [i, a] of d.alternatives.entries()) {
    expect(a.language, 'a runner-up is never the answer itself').not.toBe(d.language)
    expect(a.confidence).toBeLessThanOrEqual(d.confidence)
    if (i > 0) expect(a.confidence).toBeLessThanOrEqual(d.alternatives[i - 1]?.confidence ?? 1)
    sum += a.confidence
  }
  expect(sum, 'confidences are shares of one probability').toBeLessThanOrEqual(1.0015)
}

describe('detectLanguage on ordinary news text', () => {
  it.each(Object.entries(NEWS_SENTENCES))('%s', (lang, text) => {
    const d = detectLanguage(text)
    expect(d.language, `${lang}: ${JSON.stringify(d)}`).toBe(lang)
    if (lang === 'id') {
      // Indonesian and Malay share most words: without a Malaysian spelling the answer is
      // Indonesian, with Malay as the runner-up and an honest, lower confidence.
      expect(d.alternatives[0]?.language).toBe('ms')
    } else {
      expect(d.reliable, `${lang} should be reliable: ${JSON.stringify(d)}`).toBe(true)
    }
    expectWellFormed(d)
  })

  it('decides an article of several paragraphs', () => {
    const article = [
      NEWS_SENTENCES.de,
      'Die Opposition kritisierte die Pläne scharf und kündigte Widerstand im Landtag an.',
      'Eine endgültige Abstimmung wird für Ende des Monats erwartet.',
    ].join('\n\n')
    expect(detectLanguage(article)).toMatchObject({
      language: 'de',
      iso639_3: 'deu',
      script: 'Latn',
    })
  })

  it('returns ISO 639-3 macrolanguage codes where they exist', () => {
    expect(detectLanguage(NEWS_SENTENCES.zh as string).iso639_3).toBe('zho')
    expect(detectLanguage(NEWS_SENTENCES.ar as string).iso639_3).toBe('ara')
    expect(detectLanguage(NEWS_SENTENCES.nb as string).iso639_3).toBe('nob')
  })
})

describe('script shortcuts', () => {
  it.each([
    ['ko', '안녕하세요, 반갑습니다', 'Kore'],
    ['ja', 'こんにちは、東京の天気です', 'Jpan'],
    ['ja', '東京タワー', 'Jpan'], // Kana next to Han is Japanese
    ['zh', '北京时间今天上午', 'Hani'],
    ['th', 'สวัสดีครับ', 'Thai'],
    ['he', 'שלום עולם', 'Hebr'],
    ['el', 'Καλημέρα κόσμε', 'Grek'],
    ['hi', 'नमस्ते दुनिया', 'Deva'],
    ['bn', 'ওহে বিশ্ব', 'Beng'],
  ])('%s from its script', (lang, text, script) => {
    const d = detectLanguage(text)
    expect(d).toMatchObject({ language: lang, script })
    expect(d.alternatives).toEqual([])
  })

  it('decides a single CJK character, but with less confidence than a sentence', () => {
    const one = detectLanguage('中')
    expect(one.language).toBe('zh')
    expect(one.confidence).toBeLessThan(detectLanguage('北京时间今天上午').confidence)
  })

  it('prefers a non-Latin script over Latin boilerplate around it', () => {
    const text = 'Share to Twitter Share to Facebook एक बार अवंतिपुर में साधु कोटिकर्ण आए।'
    expect(detectLanguage(text).language).toBe('hi')
    expect(
      detectLanguage('르노삼성 부산공장은 사원대표위원회(Employee Representative Organization)가')
        .language
    ).toBe('ko')
  })

  it('tells Arabic, Persian and Urdu apart by their letters', () => {
    expect(detectLanguage('كيف حالك اليوم يا صديقي').language).toBe('ar')
    expect(detectLanguage('آپ کیسے ہیں؟ میں ٹھیک ہوں').language).toBe('ur')
    expect(detectLanguage('امروز هوا بسیار خوب است و ما به پارک می‌رویم').language).toBe('fa')
  })
})

describe('close pairs', () => {
  it.each([
    ['id', 'Saya tidak bisa datang karena harus bekerja di kantor sampai malam.'],
    ['ms', 'Saya tidak boleh datang kerana perlu bekerja di pejabat sehingga malam.'],
    ['da', 'Hvad laver du i aften? Jeg tror ikke, at jeg kan komme efter arbejde.'],
    ['nb', 'Hva gjør du i kveld? Jeg tror ikke at jeg kan komme etter jobben.'],
    ['ru', 'Я вам скажу всю правду о том, что случилось вчера вечером.'],
    ['uk', 'Я вам скажу всю правду про те, що сталося вчора ввечері.'],
    ['kk', 'Мен сізге кеше кешке не болғаны туралы бар шындықты айтамын.'],
    ['cs', 'Vláda včera schválila zákon o státním rozpočtu na příští rok.'],
    ['pl', 'Rząd wczoraj przyjął ustawę o budżecie państwa na przyszły rok.'],
    ['hi', 'मैं कल आपसे मिलूंगा और हम इस बारे में बात करेंगे।'],
    ['ur', 'میں کل آپ سے ملوں گا اور ہم اس بارے میں بات کریں گے۔'],
    ['es', 'El gobierno anunció nuevas medidas para reducir el desempleo juvenil.'],
    ['pt', 'O governo anunciou novas medidas para reduzir o desemprego juvenil.'],
  ])('%s', (lang, text) => {
    const d = detectLanguage(text)
    expect(d.language, JSON.stringify(d)).toBe(lang)
    expectWellFormed(d)
  })

  it('short two-word input: "Hello world" is English (franc says Xhosa, or Scots)', () => {
    const d = detectLanguage('Hello world')
    expect(d.language).toBe('en')
    expectWellFormed(d)
  })
})

describe('und', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   \n\t '],
    ['numeric', '12 345,67'],
    ['a date', '2026-11-27 12:30'],
    ['punctuation', '!!! ??? ...'],
    ['emoji', '👍🎉🔥'],
    ['too short', 'ok'],
    ['one letter', 'a'],
  ])('%s', (_, text) => {
    expect(detectLanguage(text)).toEqual({
      language: 'und',
      iso639_3: 'und',
      script: 'Zyyy',
      confidence: 0,
      reliable: false,
      alternatives: [],
    })
  })

  it('when hints leave no candidate written in the text’s script', () => {
    expect(detectLanguage(NEWS_SENTENCES.ru as string, { hints: ['en', 'fr'] }).language).toBe(
      'und'
    )
  })
})

describe('hints', () => {
  it('restrict the candidates', () => {
    const d = detectLanguage(NEWS_SENTENCES.es as string, { hints: ['pt', 'it'] })
    expect(['pt', 'it']).toContain(d.language)
    for (const a of d.alternatives) expect(['pt', 'it']).toContain(a.language)
  })

  it('decide alone when one candidate is left in the script', () => {
    expect(detectLanguage('Hello', { hints: ['fr'] })).toMatchObject({ language: 'fr' })
  })

  it('accept regional tags and the Norwegian macrolanguage', () => {
    expect(
      detectLanguage(NEWS_SENTENCES.pt as string, { hints: ['pt-BR', 'es-MX'] }).language
    ).toBe('pt')
    expect(detectLanguage(NEWS_SENTENCES.nb as string, { hints: ['no', 'da'] }).language).toBe('nb')
  })

  it('ignore unknown codes, and all-unknown hints mean no restriction', () => {
    expect(
      detectLanguage(NEWS_SENTENCES.fr as string, { hints: ['xx', 'fr', 'tlh'] }).language
    ).toBe('fr')
    expect(detectLanguage(NEWS_SENTENCES.fr as string, { hints: ['xx', 'tlh'] }).language).toBe(
      'fr'
    )
  })
})

describe('Catalan and Galician through franc (only when hints name them)', () => {
  const CATALAN =
    "El Govern de la Generalitat ha aprovat aquest dimarts un pla per millorar l'habitatge als barris amb més necessitats."
  const GALICIAN =
    'O Goberno galego aprobou este martes un plan para mellorar a vivenda nos barrios con máis necesidades.'
  const SPANISH =
    'El Gobierno aprobó este martes un plan para mejorar la vivienda en los barrios más necesitados.'

  it.each([
    ['ca', CATALAN, ['ca', 'es']],
    ['es', SPANISH, ['ca', 'es']],
    ['ca', CATALAN, ['ca', 'es', 'fr', 'en']],
    ['gl', GALICIAN, ['gl', 'pt']],
    ['gl', GALICIAN, ['gl', 'es']],
    ['pt', NEWS_SENTENCES.pt as string, ['gl', 'pt']],
  ])('%s with hints', (lang, text, hints) => {
    const d = detectLanguage(text, { hints })
    expect(d.language, JSON.stringify(d)).toBe(lang)
    expectWellFormed(d)
    for (const a of d.alternatives) expect(hints).toContain(a.language)
  })

  it('are never answered without hints (measured: they would cost Spanish and Portuguese)', () => {
    expect(['ca', 'gl']).not.toContain(detectLanguage(CATALAN).language)
    expect(['ca', 'gl']).not.toContain(detectLanguage(GALICIAN).language)
  })

  it('a hinted franc language alone decides by script, like any single candidate', () => {
    expect(detectLanguage(CATALAN, { hints: ['ca'] })).toMatchObject({
      language: 'ca',
      iso639_3: 'cat',
    })
    expect(detectLanguage(CATALAN, { hints: ['ca', 'gl'] }).language).toBe('ca')
  })
})

describe('confidence', () => {
  it('grows with evidence', () => {
    const short = detectLanguage('Guten Morgen')
    const long = detectLanguage(NEWS_SENTENCES.de as string)
    expect(short.confidence).toBeLessThan(long.confidence)
    expect(long.confidence).toBeGreaterThan(0.95)
  })

  it('is not franc’s constant 1, and stays below certainty', () => {
    for (const text of Object.values(NEWS_SENTENCES)) {
      expect(detectLanguage(text).confidence).toBeLessThan(1)
    }
  })

  it('reports a near tie as a tie', () => {
    const d = detectLanguage('Hello')
    expect(d.reliable).toBe(false)
    expectWellFormed(d)
  })
})

describe('createDetector', () => {
  it('can run franc-style without the n-gram model (ablation)', () => {
    const francStyle = createDetector({ ngram: false, franc: FRANC_PROFILES, markerWeight: 0 })
    expect(francStyle(NEWS_SENTENCES.en as string).language).toBe('en')
    expect(francStyle(NEWS_SENTENCES.ko as string).language).toBe('ko')
  })

  it('says und when no scorer has any evidence', () => {
    const blind = createDetector({ model: MODEL, ngram: false })
    expect(blind(NEWS_SENTENCES.en as string).language).toBe('und')
    expect(blind(NEWS_SENTENCES.ko as string).language, 'script shortcuts need no scorer').toBe(
      'ko'
    )
  })
})

describe('never throws', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 300 })])(
    'on arbitrary UTF-16 (lone surrogates too)',
    (text) => {
      expectWellFormed(detectLanguage(text))
    }
  )

  test.prop([
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }),
  ])('on arbitrary graphemes and hints', (text, hints) => {
    expectWellFormed(detectLanguage(text, { hints }))
  })

  test.prop([fc.constantFrom(...Object.values(NEWS_SENTENCES)), fc.nat(200)])(
    'is deterministic',
    (text, cut) => {
      const t = text.slice(0, cut)
      expect(detectLanguage(t)).toEqual(detectLanguage(t))
    }
  )
})
