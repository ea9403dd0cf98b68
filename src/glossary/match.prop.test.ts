import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { toNfc } from '../text/normalize'
import { canEndBefore, canStartAfter, foldText, matchKey } from './fold'
import { compileMatcher } from './match'
import { entryTermsIn } from './model'
import type { Glossary, GlossaryEntry, TermMatch } from './types'
import { buildGlossary } from './validate'

// A small vocabulary makes terms actually occur in the generated texts, with shared prefixes,
// suffixes and overlaps (the hard cases for a multi-pattern matcher).
const WORDS = [
  'xi',
  "xi'an",
  'an',
  'xian',
  'yang',
  'silk',
  'road',
  'Silk',
  'ROAD',
  'кремль',
  'a',
  'aa',
  'b',
  'ёж',
  'ab',
]
const SEPARATORS = [' ', '  ', '\n', ', ', "'s ", '’', '-', '\u200B', '', '。', '西安']

const wordArb = fc.constantFrom(...WORDS)
const termArb = fc.array(wordArb, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '))
const textArb = fc
  .array(fc.tuple(wordArb, fc.constantFrom(...SEPARATORS)), { maxLength: 40 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''))

/** A valid glossary from candidate term lists: terms already used by another entry are dropped. */
function glossaryFrom(
  lists: readonly (readonly string[])[],
  caseFlags: readonly boolean[] = [],
  language = 'en'
): Glossary {
  // folded key → the cased keys of `case` entries using it, or null once a plain entry uses it
  const used = new Map<string, Set<string> | null>()
  const entries: { terms: Record<string, string[]>; flags: string[] }[] = []
  lists.forEach((list, i) => {
    const caseSensitive = caseFlags[i] === true
    const terms = list.filter((t) => {
      const key = matchKey(t)
      if (key === '') return false
      const cased = used.get(key)
      if (cased === null || (cased !== undefined && !caseSensitive)) return false
      if (caseSensitive) {
        const exact = matchKey(t, false)
        if (cased?.has(exact)) return false
        used.set(key, new Set([...(cased ?? []), exact]))
      } else {
        used.set(key, null)
      }
      return true
    })
    if (terms.length > 0)
      entries.push({ terms: { [language]: terms }, flags: caseSensitive ? ['case'] : [] })
  })
  const result = buildGlossary('prop', { languages: [language], entries })
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.glossary
}

const glossaryArb = fc
  .array(fc.tuple(fc.array(termArb, { minLength: 1, maxLength: 3 }), fc.boolean()), {
    minLength: 1,
    maxLength: 8,
  })
  .map((rows) =>
    glossaryFrom(
      rows.map(([terms]) => terms),
      rows.map(([, caseSensitive]) => caseSensitive)
    )
  )

function termsOf(glossary: Glossary, entry: GlossaryEntry): string[] {
  const t = entryTermsIn(glossary, entry, glossary.languages[0] ?? 'en')
  return t ? [t.preferred, ...t.variants, ...t.forms, ...t.forbidden] : []
}

/**
 * The reference: try every term at every position of the folded text (quadratic, obviously
 * right), then keep leftmost-longest non-overlapping candidates.
 */
function reference(
  glossary: Glossary,
  text: string
): { start: number; end: number; entry: number }[] {
  const nfc = toNfc(text)
  const f = foldText(nfc.text, true)
  const units = String.fromCharCode(...f.units.subarray(0, f.length))
  const cp = (s: string, at: number): number =>
    at < 0 || at >= s.length ? -1 : (s.codePointAt(at) ?? -1)
  const candidates: { from: number; to: number; entry: number }[] = []
  glossary.entries.forEach((entry, e) => {
    const caseSensitive = entry.flags.includes('case')
    for (const term of termsOf(glossary, entry)) {
      const key = matchKey(term)
      for (let from = units.indexOf(key); from >= 0; from = units.indexOf(key, from + 1)) {
        const to = from + key.length
        const before = from > 0 ? (units.codePointAt(from - 1) ?? -1) : -1
        const last = units.codePointAt(to - 1) ?? -1
        if (!canStartAfter(before, cp(units, from)) || !canEndBefore(last, cp(units, to))) continue
        // a `case` term matches only where the text, folded without lowercasing, is the term
        const written = nfc.text.slice(f.starts[from], f.ends[to - 1])
        if (caseSensitive && matchKey(written, false) !== matchKey(term, false)) continue
        candidates.push({ from, to, entry: e })
      }
    }
  })
  candidates.sort((a, b) => a.from - b.from || b.to - a.to || a.entry - b.entry)
  const out: { start: number; end: number; entry: number }[] = []
  let taken = 0
  for (const c of candidates) {
    if (c.from < taken) continue
    taken = c.to
    out.push({
      start: nfc.toOriginal(f.starts[c.from] ?? 0),
      end: nfc.toOriginal(f.ends[c.to - 1] ?? 0),
      entry: c.entry,
    })
  }
  return out
}

function spans(matches: readonly TermMatch[]): { start: number; end: number; entry: number }[] {
  return matches.map((m) => ({ start: m.start, end: m.end, entry: m.entry }))
}

describe('glossary matcher properties', () => {
  test.prop([glossaryArb, textArb])(
    'matches never overlap and come in text order',
    (glossary, text) => {
      const matches = compileMatcher(glossary, 'en').find(text)
      for (let i = 1; i < matches.length; i++) {
        expect(matches[i]?.start).toBeGreaterThanOrEqual(matches[i - 1]?.end ?? 0)
      }
    }
  )

  test.prop([glossaryArb, textArb])(
    'found is the exact slice and folds to one of the entry terms',
    (glossary, text) => {
      for (const m of compileMatcher(glossary, 'en').find(text)) {
        expect(m.found).toBe(text.slice(m.start, m.end))
        const entry = glossary.entries[m.entry] as GlossaryEntry
        expect(termsOf(glossary, entry).map((t) => matchKey(t))).toContain(matchKey(m.found))
      }
    }
  )

  test.prop([glossaryArb, textArb])(
    'equals the brute-force reference (leftmost, then longest)',
    (glossary, text) => {
      expect(spans(compileMatcher(glossary, 'en').find(text))).toEqual(reference(glossary, text))
    }
  )

  test.prop([glossaryArb, textArb])('the longest term wins at a position', (glossary, text) => {
    const matches = compileMatcher(glossary, 'en').find(text)
    for (const m of matches) {
      // no single-term matcher finds a longer occurrence starting at the same place
      for (const entry of glossary.entries) {
        for (const term of termsOf(glossary, entry)) {
          // the term alone, with its entry's `case` flag: a case-sensitive term does not
          // match other casings, so a case-blind single matcher would find "longer" matches
          const single = glossaryFrom([[term]], [entry.flags.includes('case')])
          const longer = compileMatcher(single, 'en')
            .find(text)
            .find((o) => o.start === m.start && o.end > m.end)
          expect(longer, `${term} is longer than ${m.found} at ${m.start}`).toBeUndefined()
        }
      }
    }
  })

  test.prop([
    glossaryArb,
    textArb,
    fc.array(fc.constantFrom('q', 'z', 'qz', 'zzq'), { minLength: 1, maxLength: 3 }),
  ])('adding an unrelated entry never removes a match', (glossary, text, words) => {
    const before = compileMatcher(glossary, 'en').find(text)
    const extra = buildGlossary('prop', {
      languages: ['en'],
      entries: [
        ...glossary.entries.map((e) => ({
          terms: { en: [...(e.terms.en ?? [])] },
          flags: e.flags,
        })),
        { terms: { en: [words.join(' ')] } },
      ],
    })
    if (!extra.ok) throw new Error('unreachable')
    const after = compileMatcher(extra.glossary, 'en').find(text)
    expect(after).toEqual(before)
  })

  test.prop([glossaryArb, textArb])(
    'a dense and a sparse automaton agree (flat and linked chains)',
    (glossary, text) => {
      expect(
        compileMatcher(glossary, 'en', { denseLimit: 0, flatChainLimit: 0 }).find(text)
      ).toEqual(compileMatcher(glossary, 'en').find(text))
    }
  )

  test.prop([glossaryArb, textArb, fc.integer({ min: 2, max: 5 })])(
    'scanning is local: a text repeated k times has k times the matches',
    (glossary, text, k) => {
      // the separator is a boundary for every term, so no match can cross copies
      const sep = '\n.\n'
      const once = compileMatcher(glossary, 'en').find(text)
      const repeated = compileMatcher(glossary, 'en').find(Array(k).fill(text).join(sep))
      const expected = Array.from({ length: k }, (_, i) =>
        once.map((m) => ({
          ...m,
          start: m.start + i * (text.length + sep.length),
          end: m.end + i * (text.length + sep.length),
        }))
      ).flat()
      expect(repeated).toEqual(expected)
    }
  )

  test.prop([glossaryArb, fc.string({ unit: 'binary', maxLength: 200 })])(
    'never throws on arbitrary UTF-16',
    (glossary, text) => {
      for (const m of compileMatcher(glossary, 'en').find(text))
        expect(m.found).toBe(text.slice(m.start, m.end))
    }
  )

  test.prop([glossaryArb, fc.string({ unit: 'grapheme', maxLength: 200 })])(
    'never throws on arbitrary graphemes',
    (glossary, text) => {
      for (const m of compileMatcher(glossary, 'en').find(text))
        expect(m.found).toBe(text.slice(m.start, m.end))
    }
  )

  test.prop([fc.array(fc.tuple(termArb, fc.boolean()), { minLength: 1, maxLength: 6 }), textArb])(
    'case-sensitive entries match only their exact casing',
    (pairs, text) => {
      const glossary = glossaryFrom(
        pairs.map(([t]) => [t]),
        pairs.map(([, c]) => c)
      )
      for (const m of compileMatcher(glossary, 'en').find(text)) {
        const entry = glossary.entries[m.entry] as GlossaryEntry
        if (entry.flags.includes('case')) {
          expect(termsOf(glossary, entry).map((t) => matchKey(t, false))).toContain(
            matchKey(m.found, false)
          )
        }
      }
    }
  )
})

/** `word` in one casing per bit mask (bit i set: letter i upper case). */
function casing(word: string, mask: number): string {
  return [...word].map((c, i) => ((mask >> i) & 1 ? c.toUpperCase() : c)).join('')
}

/**
 * Adversarial shapes: the matcher must agree with the brute-force reference on glossaries built
 * to make a naive matcher slow (and that once made this one slow).
 */
describe('glossary matcher on adversarial glossaries', () => {
  // Many `case` entries sharing one folded key (plus plain entries of other words), in a text of
  // those words in random casings.
  const caseFamilyArb = fc
    .tuple(
      fc.constantFrom('silk', 'xian', 'ab', 'road'),
      fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 16 }),
      fc.array(fc.tuple(fc.constantFrom('silk', 'xian', 'ab', 'road', 'silk road'), fc.nat(15)), {
        maxLength: 30,
      })
    )
    .map(([word, masks, textWords]) => ({
      glossary: glossaryFrom(
        [...masks.map((m) => [casing(word, m)]), ['silk road'], ['road']],
        [...masks.map(() => true), false, false]
      ),
      text: textWords.map(([w, m]) => casing(w, m)).join(' '),
    }))

  test.prop([caseFamilyArb])('case variants of one word', ({ glossary, text }) => {
    expect(spans(compileMatcher(glossary, 'en').find(text))).toEqual(reference(glossary, text))
    expect(
      spans(compileMatcher(glossary, 'en', { denseLimit: 0, flatChainLimit: 0 }).find(text))
    ).toEqual(reference(glossary, text))
  })

  // Terms over a two-word vocabulary: nearly every term is a prefix, suffix or infix of others,
  // and occurrences overlap everywhere.
  const overlapTerm = fc
    .array(fc.constantFrom('a', 'b'), { minLength: 1, maxLength: 5 })
    .map((w) => w.join(' '))
  const overlapArb = fc.tuple(
    fc.array(fc.array(overlapTerm, { minLength: 1, maxLength: 2 }), {
      minLength: 1,
      maxLength: 12,
    }),
    fc.array(fc.constantFrom('a', 'b', 'A', 'ab'), { maxLength: 40 }).map((w) => w.join(' '))
  )

  test.prop([overlapArb])('many overlapping terms', ([lists, text]) => {
    const glossary = glossaryFrom(lists)
    expect(spans(compileMatcher(glossary, 'en').find(text))).toEqual(reference(glossary, text))
  })

  // Chinese: no spaces, every position a boundary, terms nested in one another.
  const hanzi = fc.constantFrom('丝', '路', '之', '绸', '西', '安')
  const cjkTerm = fc.array(hanzi, { minLength: 1, maxLength: 4 }).map((c) => c.join(''))
  const cjkArb = fc.tuple(
    fc.array(fc.array(cjkTerm, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 12 }),
    fc
      .array(fc.oneof(hanzi, fc.constantFrom('。', ' ', 'a')), { maxLength: 60 })
      .map((c) => c.join(''))
  )

  test.prop([cjkArb])('Chinese terms nested in one another', ([lists, text]) => {
    const glossary = glossaryFrom(lists, [], 'zh')
    expect(spans(compileMatcher(glossary, 'zh').find(text))).toEqual(reference(glossary, text))
    expect(
      spans(compileMatcher(glossary, 'zh', { denseLimit: 0, flatChainLimit: 0 }).find(text))
    ).toEqual(reference(glossary, text))
  })
})
