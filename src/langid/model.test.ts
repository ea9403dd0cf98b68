import { describe, expect, it } from 'vitest'
import { compileGroup, ngramScores, rowOf } from './model'
import { MODEL } from './model.generated'
import { forEachGram, modelWords } from './text'

describe('n-gram model', () => {
  it.each(Object.keys(MODEL.groups))(
    '%s: the integer scorer agrees with a plain string lookup',
    (script) => {
      const group = compileGroup(MODEL, script)
      if (!group) throw new Error(`no group ${script}`)
      const text = {
        Latn: 'Ça coûte 3 € — naïve façade, Straße, żółć, şişli, đường, ærø',
        Cyrl: 'Съешь же ещё этих мягких французских булок, її, қазақ',
        Arab: 'كيف حالك؟ آپ کیسے ہیں؟ حال شما چطور است',
      }[script] as string
      const words = modelWords(text)
      const expected = new Float64Array(group.langs.length)
      let grams = 0
      forEachGram(words, group.orders, (g) => {
        const row = rowOf(group, g)
        if (row === undefined) return
        grams++
        for (let j = 0; j < expected.length; j++)
          expected[j] = (expected[j] as number) + (group.table[row + j] as number)
      })
      const got = ngramScores(group, words)
      expect(got.grams).toBe(grams)
      for (let j = 0; j < expected.length; j++)
        expect(got.scores[j]).toBeCloseTo(expected[j] as number, 6)
    }
  )

  it('normalizes text the way the model was built: NFC, lower case, letters only', () => {
    expect(modelWords('  Ça VA?  Déjà-vu 42 ')).toBe('ça va déjà vu')
    expect(modelWords('Cafe\u0301')).toBe('café')
    expect(modelWords('می\u200cشود')).toBe('میشود')
  })

  it('pads words and skips the lone padding space', () => {
    const grams: string[] = []
    forEachGram('ab', [1, 2, 3], (g) => grams.push(g))
    expect(grams).toEqual(['a', 'b', ' a', 'ab', 'b ', ' ab', 'ab '])
  })
})
