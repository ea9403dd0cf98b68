import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeArticle } from './document'
import { rankOrder } from './order'
import {
  createSimilarity,
  DEFAULT_WEIGHTS,
  type Similarity,
  scoreSentences,
  sentenceFeatures,
} from './rank'
import { selectSentences } from './select'

/** Everything selection needs for `text`, plus a similarity that counts its comparisons. */
function setUp(text: string, language = 'en') {
  const model = analyzeArticle(text, language)
  const features = sentenceFeatures(model, DEFAULT_WEIGHTS)
  const scores = scoreSentences(features, DEFAULT_WEIGHTS, 3)
  const order = rankOrder(model.selectable, scores, model.arena).slice()
  const real = createSimilarity(model, features.vectors)
  const calls: number[] = []
  const similarity: Similarity = {
    raise(i, members, maxSim) {
      calls.push(members.length)
      real.raise(i, members, maxSim)
    },
  }
  const sizes = { words: model.wordCounts, chars: model.spans.map((s) => s.end - s.start) }
  return { model, scores, order, similarity, real, calls, sizes }
}

/** The definition: each pick is the best `score − redundancy × max similarity to the picks`. */
function referencePicks(
  setup: ReturnType<typeof setUp>,
  count: number,
  redundancy: number
): number[] {
  const { model, scores, order, real } = setup
  const picked: number[] = []
  const similarityTo = (i: number, j: number): number => {
    const one = new Float64Array(model.spans.length)
    real.raise(i, Int32Array.of(j), one)
    return one[j] as number
  }
  while (picked.length < Math.min(count, order.length)) {
    let best = -1
    let bestValue = Number.NEGATIVE_INFINITY
    for (const j of order) {
      if (picked.includes(j)) continue
      const nearest = Math.max(0, ...picked.map((i) => similarityTo(i, j)))
      const value = (scores[j] as number) - redundancy * nearest
      if (value > bestValue) {
        bestValue = value
        best = j
      }
    }
    picked.push(best)
  }
  return picked
}

describe('selectSentences', () => {
  const word = fc.constantFrom('trade', 'talks', 'leaders', 'Xian', 'summit', 'rail', 'energy')
  const sentence = fc
    .array(word, { minLength: 1, maxLength: 8 })
    .map((w) => `${w.join(' ')}.`.replace(/^./, (c) => c.toUpperCase()))

  it('picks what the redundancy definition picks (articles within the candidate bound)', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(0.2, 0.5, 1),
        (sentences, count, redundancy) => {
          const setup = setUp(sentences.join(' '))
          const { model, sizes, similarity, scores, order } = setup
          const picked = selectSentences(
            model,
            sizes,
            similarity,
            scores,
            order,
            { sentences: count },
            [],
            redundancy
          )
          expect(picked).toEqual(referencePicks(setup, count, redundancy))
        }
      ),
      { numRuns: 150 }
    )
  })

  it('compares each pick with a bounded list of candidates, however many sentences it picks', () => {
    const setup = setUp('丝路。'.repeat(3000), 'zh')
    const { model, sizes, similarity, scores, order, calls } = setup
    const picked = selectSentences(
      model,
      sizes,
      similarity,
      scores,
      order,
      { words: 2000 },
      [],
      0.5
    )
    expect(picked).toHaveLength(2000)
    expect(new Set(picked).size).toBe(2000)
    // One comparison list per pick made while weighing redundancy, each at most 256 long: the
    // picks past those follow the ranking.
    expect(Math.max(...calls)).toBeLessThanOrEqual(256)
    expect(calls.length).toBeLessThanOrEqual(256)
    expect(picked.slice(calls.length)).toEqual(
      [...order]
        .filter((i) => !picked.slice(0, calls.length).includes(i))
        .slice(0, 2000 - calls.length)
    )
  })
})
