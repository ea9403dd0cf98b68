import { describe, expect, it } from 'vitest'
import { analyzeArticle } from './document'
import {
  DEFAULT_WEIGHTS,
  GUIDE_FEATURES,
  LANGUAGE_WEIGHTS,
  type RankWeights,
  scoreSentences,
  sentenceFeatures,
  weightsForLanguage,
} from './rank'

// An article written for these tests (not taken from any dataset).
const TITLE = 'Harbour bridge reopens after repairs'
const TEXT = [
  'The harbour bridge reopened on Monday after six months of repairs to its steel deck.',
  'Why did the work take so long?',
  '"We found more rust than anyone expected," the city engineer said.',
  'Traffic on the bridge is expected to return to 40,000 cars a day by the end of the month.',
].join(' ')

const OFF: RankWeights = {
  ...DEFAULT_WEIGHTS,
  ...Object.fromEntries(GUIDE_FEATURES.map((k) => [k, 0])),
}
const model = analyzeArticle(TEXT, 'en', TITLE)
const guideOf = (knob: (typeof GUIDE_FEATURES)[number]): number[] =>
  Array.from(sentenceFeatures(model, { ...OFF, [knob]: 1 }).guide)

describe('guide features', () => {
  it('are all off by default', () => {
    for (const knob of GUIDE_FEATURES) expect(DEFAULT_WEIGHTS[knob]).toBe(0)
    expect(Array.from(sentenceFeatures(model, OFF).guide)).toEqual([0, 0, 0, 0])
  })

  it('measure the share of the title terms a sentence repeats', () => {
    // The title's terms that occur in the article: harbour, bridge, repairs ("reopens" does not
    // occur, "after" is a stopword). The first sentence has all three; the last has bridge.
    const recall = guideOf('titleRecall')
    expect(recall[0]).toBeCloseTo(1)
    expect(recall[1]).toBe(0)
    expect(recall[3]).toBeCloseTo(1 / 3)
  })

  it('mark questions and direct speech', () => {
    expect(guideOf('guideQuestion')).toEqual([0, 1, 0, 0])
    expect(guideOf('guideDirectSpeech')).toEqual([0, 0, 1, 0])
  })

  it('keep scores within 0…1 when learned weights are negative', () => {
    const weights = { ...OFF, position: 0, centrality: 0, guideQuestion: -5, titleRecall: 1 }
    const scores = Array.from(scoreSentences(sentenceFeatures(model, weights), weights, 1))
    for (const s of scores) {
      expect(s).toBeGreaterThanOrEqual(0)
      expect(s).toBeLessThanOrEqual(1)
    }
    expect(scores[1]).toBe(0)
    expect(scores[0]).toBe(1)
  })
})

describe('weightsForLanguage', () => {
  it('applies the overrides of the primary subtag and leaves other languages alone', () => {
    expect(weightsForLanguage(DEFAULT_WEIGHTS, 'en', LANGUAGE_WEIGHTS)).toBe(DEFAULT_WEIGHTS)
    const french = weightsForLanguage(DEFAULT_WEIGHTS, 'fr-CA', { fr: { title: 3 } })
    expect(french.title).toBe(3)
    expect(french.position).toBe(DEFAULT_WEIGHTS.position)
  })
})
