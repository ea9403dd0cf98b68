import { describe, expect, it } from 'vitest'
import { compileGroup, lexiconMask, ngramScores, rowOf, tableOf } from './model'
import { MODEL } from './model.generated'
import { STORED_SHORT_GROUPS } from './short-tables.generated'
import { decodeGroup, encodeGroup } from './tables'
import { STORED_GROUPS } from './tables.generated'
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
      const table = tableOf(group)
      const expected = new Float64Array(group.langs.length)
      let grams = 0
      forEachGram(words, group.orders, (g) => {
        const row = rowOf(group, g)
        if (row === undefined) return
        grams++
        for (let j = 0; j < expected.length; j++)
          expected[j] = (expected[j] as number) + (table[row + j] as number)
      })
      const got = ngramScores(group, words)
      expect(got.grams).toBe(grams)
      for (let j = 0; j < expected.length; j++)
        expect(got.scores[j]).toBeCloseTo(expected[j] as number, 6)
    }
  )

  it.each(Object.keys(MODEL.groups))(
    '%s: the shipped tables are the model compiled, and survive storage unchanged',
    (script) => {
      const compiled = compileGroup(MODEL, script)
      const shipped = STORED_GROUPS[script]
      if (!compiled || !shipped) throw new Error(`no group ${script}`)
      expect(decodeGroup(shipped)).toEqual(compiled)
      expect(decodeGroup(encodeGroup(compiled))).toEqual(compiled)
    }
  )

  it.each(Object.keys(MODEL.groups))(
    '%s: the lexicon answers exactly the languages whose list has the word',
    (script) => {
      const model = MODEL.groups[script]
      const group = compileGroup(MODEL, script)
      if (!model || !group) throw new Error(`no group ${script}`)
      const lists = model.words.map((w) => new Set(w.split(' ')))
      const probes = [...new Set(model.words.flatMap((w) => w.split(' ')))].filter(Boolean)
      // Near misses: a prefix, a longer word, another case, and words on no list.
      probes.push(
        ...probes.slice(0, 200).flatMap((w) => [w.slice(0, -1), `${w}x`, w.toUpperCase()])
      )
      probes.push('', 'zzzzqq', 'the the')
      const wrong = probes.filter((w) => {
        let expected = 0
        lists.forEach((list, j) => {
          if (w !== '' && list.has(w)) expected |= 1 << j
        })
        return lexiconMask(group.lexicon, w) >>> 0 !== expected >>> 0
      })
      expect(wrong).toEqual([])
    }
  )

  it.each(Object.keys(MODEL.groups))(
    '%s: the sorted form (binary search) scores exactly as the hashed form',
    (script) => {
      const hashed = compileGroup(MODEL, script)
      const sorted = compileGroup(MODEL, script, { sorted: true })
      if (!hashed || !sorted) throw new Error(`no group ${script}`)
      expect(sorted.slots.length).toBe(0)
      const words = modelWords(
        'Ça coûte — naïve façade Straße żółć şişli đường ærø Съешь её қазақ كيف حالك آپ کیسے'
      )
      expect(ngramScores(sorted, words)).toEqual(ngramScores(hashed, words))
      const sortedTable = tableOf(sorted)
      const hashedTable = tableOf(hashed)
      forEachGram(words, hashed.orders, (g) => {
        const a = rowOf(hashed, g)
        const b = rowOf(sorted, g)
        expect(b === undefined, g).toBe(a === undefined)
        if (a !== undefined && b !== undefined)
          expect(sortedTable.subarray(b, b + 3)).toEqual(hashedTable.subarray(a, a + 3))
      })
    }
  )

  it.each(Object.keys(STORED_SHORT_GROUPS))(
    '%s: the shipped short-text tables are well formed',
    (script) => {
      const group = decodeGroup(STORED_SHORT_GROUPS[script] as (typeof STORED_SHORT_GROUPS)[string])
      expect(group.slots.length).toBe(0)
      expect(group.cells.length).toBe(group.codes.length * group.langs.length)
      let increasing = true
      for (let k = 1; k < group.codes.length; k++)
        if ((group.codes[k] as number) <= (group.codes[k - 1] as number)) increasing = false
      expect(increasing).toBe(true)
      // Every gram of a word of the alphabet that the model knows scores a finite number.
      const got = ngramScores(group, modelWords(group.alphabet.slice(0, 6).trim()))
      for (const x of got.scores) expect(Number.isFinite(x)).toBe(true)
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
