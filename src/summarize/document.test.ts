import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ArticleModel, analyzeArticle, endsLikeSentence } from './document'

// Written for these tests (not taken from any dataset).
const TITLE = 'Ferry service returns to the island'
const TEXT = [
  'The ferry to the island runs again from Friday, the operator said.',
  "The Island's harbour had been closed since the storm in March.",
  'Ferry tickets cost the same as before the storm.',
].join(' ')

/** What the ranking reads from a model, as plain data. */
function view(model: ArticleModel): unknown {
  return {
    spans: model.spans,
    terms: Array.from(model.terms),
    termStart: Array.from(model.termStart),
    wordCounts: Array.from(model.wordCounts),
    selectable: Array.from(model.selectable),
    vocabularySize: model.vocabularySize,
    titleTerms: Array.from(model.titleTerms),
  }
}

/** `count` distinct made-up words: enough of them empties the isolate's vocabulary table. */
function manyWords(count: number, prefix: string): string {
  const words: string[] = []
  for (let i = 0; i < count; i++) words.push(`${prefix}${i.toString(36)}`)
  return `${words.join(' ')}.`
}

describe('analyzeArticle', () => {
  const first = view(analyzeArticle(TEXT, 'en', TITLE))

  it('numbers terms by first occurrence; stopwords, one-letter words and case variants share or drop ids', () => {
    const model = analyzeArticle(TEXT, 'en', TITLE)
    // ferry island runs friday operator said | island('s) harbour closed since storm march |
    // ferry tickets cost storm ("the", "to", "again", "from", "had", "been", "in", "same", "as",
    // "before" are stopwords)
    expect(Array.from(model.terms)).toEqual([0, 1, 2, 3, 4, 5, 1, 6, 7, 8, 9, 10, 0, 11, 12, 9])
    expect(Array.from(model.termStart)).toEqual([0, 6, 12, 16])
    expect(model.vocabularySize).toBe(13)
    // Title: ferry, service (not in the body), returns (not in the body), island.
    expect(Array.from(model.titleTerms)).toEqual([0, 1])
  })

  it('does not depend on the articles analysed before, in any language, nor on the table being emptied', () => {
    analyzeArticle('Le ferry reprend du service vers l’île dès vendredi.', 'fr')
    analyzeArticle(TEXT, 'de', TITLE)
    expect(view(analyzeArticle(TEXT, 'en', TITLE))).toEqual(first)
    // More distinct spellings than the table keeps between articles: it is emptied before the next.
    analyzeArticle(manyWords(40_000, 'zq'), 'en')
    expect(view(analyzeArticle(TEXT, 'en', TITLE))).toEqual(first)
    // An article that grows the table past its usual size on its own.
    const big = `${manyWords(70_000, 'xk')} ${TEXT}`
    const alone = view(analyzeArticle(big, 'en'))
    analyzeArticle(manyWords(50, 'zq'), 'en')
    expect(view(analyzeArticle(big, 'en'))).toEqual(alone)
  })

  it('gives a text the same model whatever was analysed before (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ’']{1,8}$/)
    const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => `${w.join(' ')}.`)
    const article = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(' '))
    fc.assert(
      fc.property(article, fc.array(article, { maxLength: 4 }), (text, before) => {
        const fresh = view(analyzeArticle(text, 'en'))
        for (const other of before) analyzeArticle(other, 'en')
        expect(view(analyzeArticle(text, 'en'))).toEqual(fresh)
      }),
      { numRuns: 200 }
    )
  })
})

describe('endsLikeSentence', () => {
  // The definition it reads in place.
  const SENTENCE_END = /[.!?…。！？؟।॥][\s"'”’»)\]」』）]*$/u
  const byRegex = (text: string, start: number, end: number) =>
    SENTENCE_END.test(text.slice(start, end).slice(-8))

  it('agrees with the regular expression on every BMP unit before, after and alone', () => {
    for (let unit = 0; unit < 0x10000; unit++) {
      const c = String.fromCharCode(unit)
      for (const text of [c, `a${c}`, `a.${c}`, `${c}.`, `a.${c}${c}`, `x${c}”`]) {
        expect(endsLikeSentence(text, 0, text.length), `U+${unit.toString(16)} in ${text}`).toBe(
          byRegex(text, 0, text.length)
        )
      }
    }
  })

  it('looks at the last 8 units only', () => {
    for (let k = 0; k <= 10; k++) {
      for (const closer of ['"', ' ', '」']) {
        const text = `Yes.${closer.repeat(k)}`
        expect(endsLikeSentence(text, 0, text.length), `${k} × ${closer}`).toBe(k <= 7)
        expect(endsLikeSentence(text, 0, text.length)).toBe(byRegex(text, 0, text.length))
      }
    }
  })

  it('agrees with the regular expression on generated ranges', () => {
    const unit = fc.constantFrom(
      ...'.!?…。！？؟।॥"\'”’»)]」』）“«( \t\n\u00a0\u3000\u200b\u0085ab丝1'.split('')
    )
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 16 }), fc.nat(), fc.nat(), (units, a, b) => {
        const text = units.join('')
        const start = text.length === 0 ? 0 : a % (text.length + 1)
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1))
        expect(endsLikeSentence(text, start, end)).toBe(byRegex(text, start, end))
      }),
      { numRuns: 5000 }
    )
  })
})
