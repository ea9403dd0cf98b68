import { fc, test } from '@fast-check/vitest'
import { expect } from 'vitest'
import { splitSentences } from '../text/sentences'
import { countWords } from '../text/words'
import { isBoilerplate } from './boilerplate'
import { type LengthRequest, NAMED_LENGTHS } from './lengths'
import {
  type Display,
  ELLIPSIS,
  renderSummary,
  type ScoredSentence,
  type SummarySelection,
  summarize,
} from './summarize'

const word = fc.stringMatching(/^[a-z]{1,9}$/)
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 14 }), fc.constantFrom('.', '!', '?', '', '."'))
  .map(([words, end]) => {
    const [first = 'x', ...rest] = words
    return `${first.charAt(0).toUpperCase()}${first.slice(1)} ${rest.join(' ')}${end}`.trim()
  })
const cjkSentence = fc
  .array(fc.constantFrom('北京', '经济', '增长', '我们', '今天', '发布', '数据', '东京'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((w) => `${w.join('')}。`)
/** Run-on sentences longer than the named budgets, to exercise truncation. */
const longSentence = fc
  .array(word, { minLength: 40, maxLength: 300 })
  .map((words) => `${words.join(' ')}.`)
/** A long Chinese sentence: truncation there goes through the dictionary segmenter. */
const longCjkSentence = fc
  .array(fc.constantFrom('北京', '经济', '增长', '我们', '今天', '发布', '数据', '大学', '国家'), {
    minLength: 30,
    maxLength: 200,
  })
  .map((w) => `${w.join('')}。`)
const furniture = fc.constantFrom(
  'Add a Comment',
  'Share this article',
  'Read more',
  'Advertisement'
)
const separator = fc.constantFrom(' ', ' ', '\n', '\n\n', '  ')

/** Articles with prose, boilerplate, headings and CJK, joined by spaces and line breaks. */
const article = fc
  .array(
    fc.tuple(
      fc.oneof(sentence, sentence, sentence, cjkSentence, furniture, longSentence, longCjkSentence),
      separator
    ),
    {
      minLength: 0,
      maxLength: 30,
    }
  )
  .map((parts) => parts.map(([s, sep]) => s + sep).join(''))

/** Anything at all, including lone surrogates, bidi controls, zero-width characters and emoji. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        sentence,
        fc.constantFrom(
          '\u202e',
          '\u200b',
          '\u200d',
          '\ufeff',
          '\ud800',
          '\udc00',
          '👩‍👩‍👧',
          '。',
          '\u2028'
        )
      ),
      { maxLength: 40 }
    )
    .map((p) => p.join(''))
)

const budget = fc
  .record(
    {
      sentences: fc.integer({ min: 1, max: 12 }),
      words: fc.integer({ min: 1, max: 300 }),
      characters: fc.integer({ min: 1, max: 2000 }),
    },
    { requiredKeys: [] }
  )
  .filter((b) => Object.keys(b).length > 0)
const lengths: fc.Arbitrary<LengthRequest[]> = fc.array(
  fc.oneof(fc.constantFrom<LengthRequest>('short', 'medium', 'long'), budget),
  { minLength: 1, maxLength: 5 }
)
const language = fc.constantFrom('en', 'fr', 'de', 'zh', 'ja', 'ru', 'und', 'xx')

test.prop([fc.oneof(article, anyText), lengths, language, fc.option(fc.string({ maxLength: 40 }))])(
  'is extractive, ordered, within budget and free of boilerplate',
  (text, requested, lang, title) => {
    const result = summarize(text, {
      language: lang,
      lengths: requested,
      ...(title !== null ? { title } : {}),
    })
    const spans = splitSentences(text, lang)
    expect(result.sentenceCount).toBe(spans.length)
    expect(result.summaries).toHaveLength(requested.length)
    result.summaries.forEach((summary, k) => {
      const request = requested[k] as LengthRequest
      const b = typeof request === 'string' ? NAMED_LENGTHS[request] : request
      const limits = {
        sentences: b.sentences ?? Number.POSITIVE_INFINITY,
        words: b.words ?? Number.POSITIVE_INFINITY,
        characters: b.characters ?? Number.POSITIVE_INFINITY,
      }
      let previous = -1
      for (const s of summary.sentences) {
        const span = spans[s.index]
        expect(span, 'index points at a sentence').toBeDefined()
        expect(s.offset).toBe(span?.start)
        if (summary.truncated) expect(s.length).toBeLessThan((span?.end ?? 0) - s.offset)
        else expect(s.offset + s.length).toBe(span?.end)
        expect(s.index).toBeGreaterThan(previous)
        expect(s.score).toBeGreaterThanOrEqual(0)
        expect(s.score).toBeLessThanOrEqual(1)
        expect(isBoilerplate(text.slice(span?.start, span?.end))).toBe(false)
        previous = s.index
      }
      const rendered = renderSummary(text, summary)
      if (summary.truncated) {
        expect(summary.sentences).toHaveLength(1)
        expect(rendered.endsWith(ELLIPSIS)).toBe(true)
      }
      expect(summary.sentences.length).toBeLessThanOrEqual(limits.sentences)
      expect(countWords(rendered, lang)).toBeLessThanOrEqual(limits.words)
      expect(rendered.length).toBeLessThanOrEqual(limits.characters)
    })
  }
)

test.prop([fc.oneof(article, anyText), language])(
  'nests short ⊆ medium ⊆ long and keeps their budgets',
  (text, lang) => {
    const result = summarize(text, { language: lang, lengths: ['long', 'short', 'medium'] })
    const [long, short, medium] = result.summaries.map(
      (s) => new Set(s.sentences.map((x) => x.index))
    )
    for (const i of short ?? []) expect(medium?.has(i)).toBe(true)
    for (const i of medium ?? []) expect(long?.has(i)).toBe(true)
    result.summaries.forEach((summary, k) => {
      const b = NAMED_LENGTHS[(['long', 'short', 'medium'] as const)[k] ?? 'short']
      expect(summary.sentences.length).toBeLessThanOrEqual(b.sentences ?? 0)
      expect(countWords(renderSummary(text, summary), lang)).toBeLessThanOrEqual(b.words ?? 0)
    })
  }
)

test.prop([fc.oneof(article, anyText), lengths, language])(
  'is deterministic',
  (text, requested, lang) => {
    const a = summarize(text, { language: lang, lengths: requested })
    const b = summarize(text, { language: lang, lengths: requested })
    expect(b).toEqual(a)
  }
)

test.prop([fc.array(sentence, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 25 })])(
  'returns every sentence when the budget holds them all',
  (sentences, extra) => {
    const text = sentences.map((s) => (/[.!?"]$/.test(s) ? s : `${s}.`)).join(' ')
    const n = splitSentences(text, 'en').length
    const result = summarize(text, { language: 'en', lengths: [{ sentences: n + extra }] })
    const summary = result.summaries[0]
    // Prose sentences: not furniture, and ending like a sentence (a caption split off is not).
    const selectable = splitSentences(text, 'en')
      .map((s) => text.slice(s.start, s.end))
      .filter((s) => !isBoilerplate(s) && /[.!?][\s"'”’»)\]]*$/u.test(s)).length
    expect(summary?.sentences.length).toBe(selectable)
  }
)

/**
 * Displays that change the text the reader sees, as glossary rendering does: per word (chosen by
 * a hash of the word and a seed) kept, lengthened ("Xian" → "Xian'n", still one word), shortened
 * to its first character, or split in two words; and one that ignores the text altogether, so
 * that displayed sizes need not grow with the range.
 */
function displayFor(text: string, seed: number, kind: 'words' | 'arbitrary'): Display {
  if (kind === 'arbitrary')
    return (offset, length) =>
      `${'ab '.repeat(((offset * 7 + length * 3 + seed) >>> 0) % 11).trim()}.`
  return (offset, length) =>
    text.slice(offset, offset + length).replace(/[\p{L}\p{N}]+/gu, (word) => {
      let h = seed
      for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0
      const first = Array.from(word)[0] ?? word
      switch ((h >>> 0) % 4) {
        case 1:
          return `${word}'${word.slice(-1)}`
        case 2:
          return first
        case 3:
          return `${first} ${word}`
        default:
          return word
      }
    })
}

const displayKind = fc.constantFrom<'words' | 'arbitrary'>('words', 'words', 'arbitrary')

test.prop([fc.oneof(article, anyText), lengths, language, fc.integer(), displayKind])(
  'counts budgets on the displayed text when a display function is given',
  (text, requested, lang, seed, kind) => {
    const display = displayFor(text, seed, kind)
    const result = summarize(text, { language: lang, lengths: requested, display })
    const spans = splitSentences(text, lang)
    result.summaries.forEach((summary, k) => {
      const request = requested[k] as LengthRequest
      const b = typeof request === 'string' ? NAMED_LENGTHS[request] : request
      let previous = -1
      for (const s of summary.sentences) {
        const span = spans[s.index]
        expect(s.offset).toBe(span?.start)
        if (!summary.truncated) expect(s.offset + s.length).toBe(span?.end)
        expect(s.index).toBeGreaterThan(previous)
        previous = s.index
      }
      const rendered = renderSummary(text, summary, display)
      if (summary.truncated) {
        const s = summary.sentences[0] as ScoredSentence
        expect(rendered).toBe(display(s.offset, s.length) + ELLIPSIS)
      }
      expect(summary.sentences.length).toBeLessThanOrEqual(b.sentences ?? Number.POSITIVE_INFINITY)
      expect(countWords(rendered, lang)).toBeLessThanOrEqual(b.words ?? Number.POSITIVE_INFINITY)
      expect(rendered.length).toBeLessThanOrEqual(b.characters ?? Number.POSITIVE_INFINITY)
    })
  }
)

test.prop([fc.oneof(article, anyText), language, fc.integer(), displayKind])(
  'nests short ⊆ medium ⊆ long with a display function',
  (text, lang, seed, kind) => {
    const display = displayFor(text, seed, kind)
    const result = summarize(text, {
      language: lang,
      lengths: ['long', 'short', 'medium', { words: 12 }, { characters: 90 }],
      display,
    })
    const [long, short, medium] = result.summaries.map(
      (s) => new Set(s.sentences.map((x) => x.index))
    )
    for (const i of short ?? []) expect(medium?.has(i)).toBe(true)
    for (const i of medium ?? []) expect(long?.has(i)).toBe(true)
  }
)

/** Spaced scripts only: there a prefix's word count is exact, so both cut searches agree. */
const spacedLanguage = fc.constantFrom('en', 'fr', 'de', 'ru', 'und')

test.prop([article, lengths, spacedLanguage])(
  'gives the same result with the identity display as without one',
  (text, requested, lang) => {
    const identity: Display = (offset, length) => text.slice(offset, offset + length)
    const plain = summarize(text, { language: lang, lengths: requested })
    const shown = summarize(text, { language: lang, lengths: requested, display: identity })
    expect(shown).toEqual(plain)
    plain.summaries.forEach((summary, k) => {
      const withIdentity = renderSummary(text, shown.summaries[k] as SummarySelection, identity)
      expect(withIdentity).toBe(renderSummary(text, summary))
    })
  }
)
