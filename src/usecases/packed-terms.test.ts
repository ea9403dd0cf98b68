import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { BUNDLED_GLOSSARIES } from '../glossary/bundled.generated'
import { findTermSpans, findTerms } from '../glossary/match'
import type { TermMatch } from '../glossary/types'
import {
  PackedTermsSchema,
  packTermSpans,
  packTerms,
  spansOfPacked,
  unpackTerms,
} from './packed-terms'

const glossary = BUNDLED_GLOSSARIES.find((g) => g.id === 'news-central-asia')
if (!glossary) throw new Error('bundled glossary news-central-asia missing')

const utf8 = (s: string) => new TextEncoder().encode(s).length

/** Non-overlapping occurrences in text order over a random text, with few distinct kinds. */
const occurrences = fc
  .tuple(
    fc.string({ minLength: 0, maxLength: 300, unit: 'grapheme' }),
    fc.array(
      fc.record({
        gap: fc.nat(20),
        length: fc.integer({ min: 1, max: 12 }),
        entry: fc.nat(3),
        kind: fc.constantFrom('preferred', 'variant', 'forbidden' as const),
        term: fc.option(fc.constantFrom('Xian', 'XIAN'), { nil: undefined }),
      }),
      { maxLength: 40 }
    )
  )
  .map(([base, specs]) => {
    const text = base.padEnd(
      specs.reduce((n, s) => n + s.gap + s.length, 0),
      '·'
    )
    const matches: TermMatch[] = []
    let end = 0
    for (const s of specs) {
      const start = end + s.gap
      end = start + s.length
      matches.push({
        entry: s.entry,
        concept: `c${s.entry}`,
        preferred: `P${s.entry}`,
        kind: s.kind,
        start,
        end,
        found: text.slice(start, end),
        ...(s.term !== undefined ? { term: s.term } : {}),
      })
    }
    return { text, matches }
  })

describe('packed glossary occurrences', () => {
  test.prop([occurrences])(
    'unpack(pack(m)) === m, and the stored form passes its schema',
    ({ text, matches }) => {
      const packed = PackedTermsSchema.parse(JSON.parse(JSON.stringify(packTerms(matches))))
      expect(unpackTerms(text, packed)).toEqual(matches)
    }
  )

  it('round-trips real matches of the bundled glossary', () => {
    const text = 'Leaders met in Xian and XI’AN; Kazakhstan’s president flew to Xi’an.'
    const matches = findTerms(glossary, text, 'en')
    expect(matches.length).toBeGreaterThan(1)
    expect(unpackTerms(text, packTerms(matches))).toEqual(matches)
  })

  it('a text that is one term after another packs to less than twice its own size', () => {
    // Issue #14: "丝路。" repeated to 524 KB stored an 8 MB value.
    const text = '丝路。'.repeat(20_000)
    const matches = findTerms(glossary, text, 'zh')
    expect(matches.length).toBe(20_000)
    const stored = JSON.stringify(packTerms(matches))
    expect(utf8(stored)).toBeLessThan(2 * utf8(text))
    // As one object per occurrence it was over 10 times the text.
    expect(utf8(JSON.stringify(matches))).toBeGreaterThan(10 * utf8(text))
  })

  it('refuses a stored value whose triples point outside its kinds', () => {
    const kinds = [{ entry: 0, concept: 'c', preferred: 'P', kind: 'variant' as const }]
    expect(PackedTermsSchema.safeParse({ kinds, at: [1, 0, 2] }).success).toBe(false)
    expect(PackedTermsSchema.safeParse({ kinds, at: [0, 0] }).success).toBe(false)
    expect(PackedTermsSchema.safeParse({ kinds, at: [0, 0, 0] }).success).toBe(false)
    expect(PackedTermsSchema.safeParse({ kinds, at: [0, 3, 2] }).success).toBe(true)
  })
})

describe('the compact form', () => {
  const words = fc.constantFrom(
    'Xian',
    'XIAN',
    'Xi’an',
    'Silk Road',
    'Kremlin',
    'NATO',
    'said',
    '丝路',
    '。',
    '. ',
    ' '
  )
  test.prop([fc.array(words, { maxLength: 80 }).map((w) => w.join(' '))])(
    'packs what packTerms packs, and unpacks to the same occurrences',
    (text) => {
      const spans = findTermSpans(glossary, text, 'en')
      const packed = packTermSpans(spans)
      expect(packed).toEqual(packTerms(findTerms(glossary, text, 'en')))
      const again = spansOfPacked(packed)
      expect(again.count).toBe(spans.count)
      expect([...again.start]).toEqual([...spans.start])
      expect([...again.end]).toEqual([...spans.end])
      for (let k = 0; k < spans.count; k++) {
        expect(again.kinds[again.kind[k] as number]).toEqual(
          expect.objectContaining(
            Object.fromEntries(
              Object.entries(spans.kinds[spans.kind[k] as number] ?? {}).filter(
                ([, v]) => v !== undefined
              )
            )
          )
        )
      }
    }
  )
})
