import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { BUNDLED_GLOSSARIES } from './bundled.generated'
import { compileMatcher } from './match'
import { preferredDisplay, replaceWithPreferred } from './terms'
import type { Glossary } from './types'
import { buildGlossary } from './validate'

// Terms share words, so variants, forbidden terms and preferred terms overlap and nest; case and
// script vary, so the all-caps rendering and unspaced matching are exercised.
const WORDS = [
  'xian',
  'Xi’an',
  'XIAN',
  'silk',
  'road',
  'Silk Road',
  'NATO',
  'otan',
  '丝路',
  '西安',
  'a',
]
const word = fc.constantFrom(...WORDS)
const term = fc.array(word, { minLength: 1, maxLength: 2 }).map((w) => w.join(' '))
const SEPARATORS = [' ', '. ', ', ', '。', '', '\n\n', '’s ', ' — ']
const textArb = fc
  .array(fc.tuple(word, fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''))

/** A glossary of entries with a preferred term, variants and forbidden terms; invalid rows dropped. */
const glossaryArb = fc
  .array(
    fc.tuple(fc.array(term, { minLength: 1, maxLength: 3 }), fc.array(term, { maxLength: 2 })),
    {
      minLength: 1,
      maxLength: 6,
    }
  )
  .map((rows): Glossary | undefined => {
    const entries = rows.map(([terms, forbidden]) => ({
      terms: { en: terms },
      forbidden: { en: forbidden },
    }))
    // Rows that clash with earlier ones are left out until the glossary validates.
    for (let n = entries.length; n > 0; n--) {
      const result = buildGlossary('spans', { languages: ['en'], entries: entries.slice(0, n) })
      if (result.ok) return result.glossary
    }
    return undefined
  })

const glossaries = fc.oneof(glossaryArb, fc.constant(BUNDLED_GLOSSARIES[0] as Glossary))

describe('occurrences in compact form', () => {
  test.prop([glossaries, textArb])('hold exactly what find returns', (glossary, text) => {
    if (glossary === undefined) return
    const matcher = compileMatcher(glossary, 'en')
    const spans = matcher.spans(text)
    const matches = matcher.find(text)
    expect(spans.count).toBe(matches.length)
    matches.forEach((m, k) => {
      const kind = spans.kinds[spans.kind[k] as number]
      expect({
        ...kind,
        start: spans.start[k],
        end: spans.end[k],
        found: text.slice(m.start, m.end),
      }).toEqual(m)
    })
  })

  test.prop([glossaries, textArb, fc.nat(), fc.nat()])(
    'display every slice as replaceWithPreferred does',
    (glossary, text, a, b) => {
      if (glossary === undefined) return
      const matcher = compileMatcher(glossary, 'en')
      const matches = matcher.find(text)
      const display = preferredDisplay(text, matcher.spans(text))
      const offset = text.length === 0 ? 0 : a % text.length
      const length = b % (text.length - offset + 1)
      const expected = replaceWithPreferred(text.slice(offset, offset + length), matches, offset)
      expect(display ? display(offset, length) : text.slice(offset, offset + length)).toBe(expected)
      // No display means nothing would be rewritten anywhere.
      if (display === undefined) expect(replaceWithPreferred(text, matches, 0)).toBe(text)
    }
  )

  test.prop([glossaries, textArb])(
    'write the preferred term as the caller asks',
    (glossary, text) => {
      if (glossary === undefined) return
      const matcher = compileMatcher(glossary, 'en')
      const styled = matcher.find(text).map((m) => ({ ...m, preferred: `«${m.preferred}»` }))
      const display = preferredDisplay(text, matcher.spans(text), (p) => `«${p}»`)
      expect(display ? display(0, text.length) : text).toBe(replaceWithPreferred(text, styled, 0))
    }
  )
})
