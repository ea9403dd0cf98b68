import { describe, expect, it } from 'vitest'
import { BUNDLED_GLOSSARIES } from '../../src/glossary/bundled.generated'
import { findTerms } from '../../src/glossary/match'
import { replaceWithPreferred, termOccurrences } from '../../src/glossary/terms'
import type { Glossary } from '../../src/glossary/types'
import { summarize } from '../../src/summarize/summarize'

const glossary = BUNDLED_GLOSSARIES.find((g) => g.id === 'news-central-asia') as Glossary

// Written for this test, in the manner of a wire story about the C5 summit.
const article = [
  'China has invited Kazakhstan, Tajikistan, Kyrgyzstan, Turkmenistan and Uzbekistan to deepen defence ties.',
  'The first summit of the group was held in Xian, the ancient capital where the Silk Road began.',
  'Chinese President Xi Jinping promised 26 billion yuan in support, state news agency Xinhua reported.',
  'A researcher at the Carnegie Russia Eurasia Center told the Financial Times that joint exercises were likely.',
  'In the Kremlin’s orbit, the five states are looking for other partners.',
  'Trade between China and the region reached 70 billion dollars last year.',
].join(' ')

describe('glossary in summaries (the pure part of /v1/summarize)', () => {
  it('reports the Xi’an concept at the offset of the variant and renders the preferred term', () => {
    const matches = findTerms(glossary, article, 'en')
    const terms = termOccurrences(matches)
    expect(terms).toContainEqual({
      concept: 'xi-an',
      preferred: "Xi'an",
      found: 'Xian',
      offset: article.indexOf('Xian'),
      length: 4,
    })

    const { summaries } = summarize(article, {
      language: 'en',
      lengths: ['short', 'medium', 'long'],
    })
    let sawXian = false
    for (const summary of summaries) {
      const texts = summary.sentences.map((s) =>
        replaceWithPreferred(article.slice(s.offset, s.offset + s.length), matches, s.offset)
      )
      const text = texts.join(' ')
      // Sentences keep their exact input slices; only the rendered summary text changes.
      for (const s of summary.sentences)
        expect(article.slice(s.offset, s.offset + s.length)).not.toContain("Xi'an")
      if (
        summary.sentences.some((s) => article.slice(s.offset, s.offset + s.length).includes('Xian'))
      ) {
        sawXian = true
        expect(text).toContain("held in Xi'an, the ancient capital")
        expect(text).not.toMatch(/\bXian\b/)
      }
    }
    expect(sawXian).toBe(true)
  })
})
