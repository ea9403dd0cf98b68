import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { ruleBreaks } from './sentence-rules'

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
const icu = (text: string): number[] =>
  [...segmenter.segment(text)].map((s) => s.index).filter((i) => i > 0)

function rules(text: string): number[] | undefined {
  const out: number[] = []
  return ruleBreaks(text, 0, text.length, out) ? out : undefined
}

// Characters of every Sentence_Break class the rules handle, plus some they leave to ICU.
const CHARS = [
  ...'aAbBzZéÉßǅ中文カ가1 9.!?;:,-–—…"\'()[]«»“”‘’「」。！？、\u00a0\u3000$%§·ǀ',
  '\u0301', // a combining mark: Extend, left to ICU
  '\u200b', // Format, left to ICU
  '\u0966', // a Devanagari digit, left to ICU
]

describe('ruleBreaks', () => {
  it('breaks where ICU breaks on news-like text', () => {
    for (const text of [
      'Dr. Smith arrived at 5 p.m. on Jan. 5. He left.',
      '“Go!” she said. He went. (Really.) Then: nothing… The end?! Yes.',
      'Pi is 3.14. U.S. troops left. e.g. this one. 中文。他说：“好。”然后走了。',
      'Hi.\u00a0There. Ok.   So. "Quoted." Next',
    ]) {
      expect(rules(text)).toEqual(icu(text))
    }
  })

  it('leaves text with marks or format characters to ICU', () => {
    expect(rules('Cafe\u0301. Next')).toBeUndefined()
    expect(rules('One.\u200bTwo')).toBeUndefined()
  })

  test.prop([fc.array(fc.constantFrom(...CHARS), { maxLength: 80 }).map((c) => c.join(''))])(
    'agrees with ICU wherever it answers',
    (text) => {
      const out = rules(text)
      if (out !== undefined) expect(out).toEqual(icu(text))
    }
  )

  test.prop([fc.string({ unit: 'binary', maxLength: 60 })])(
    'agrees with ICU on arbitrary UTF-16 without line breaks',
    (raw) => {
      const text = raw.replace(/[\r\n\u2028\u2029\v\f\u0085]/g, ' ')
      const out = rules(text)
      if (out !== undefined) expect(out).toEqual(icu(text))
    }
  )
})
