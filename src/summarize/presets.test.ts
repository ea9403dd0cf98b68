import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { postLength } from '../text/post-length'
import { splitSentences } from '../text/sentences'
import { countWords } from '../text/words'
import { isBalanced, PRESET_NAMES, summaryItems } from './presets'
import { ELLIPSIS, renderSummary, summarize } from './summarize'

const story = [
  'Rail link opens between Almaty and Tashkent',
  '',
  'The first passenger train on the new line between Almaty and Tashkent left on Tuesday, cutting a journey that took two days by road to just under nine hours.',
  '',
  'Officials from both countries rode the train, which carried 420 passengers and stopped in Shymkent. “This line brings our capitals closer than they have been for a century,” said the transport minister.',
  '',
  'The project, first proposed in 2015, was financed by the Eurasian Development Bank and the two governments. It cost about $1.8 billion, according to the bank’s annual report.',
  '',
  'Freight trains will use the line from January. Traders in Tashkent said the route would lower the cost of moving cotton and grain to Chinese markets by roughly a third.',
  '',
  'Critics have questioned the fares, which start at 18,000 tenge. Tickets sold out within hours.',
].join('\n')

describe('publishing presets', () => {
  const result = summarize(story, { language: 'en', lengths: [...PRESET_NAMES] })
  const [meta, social, keyPoints, standfirst] = result.summaries.map((s) => ({
    selection: s,
    text: renderSummary(story, s),
  }))

  it('Should keep meta within 160 characters, in whole sentences', () => {
    expect(meta?.text.length).toBeLessThanOrEqual(160)
    expect(meta?.selection.truncated).toBe(false)
    expect(meta?.selection.sentences.length).toBeGreaterThan(0)
  })

  it('Should keep social within 280 as X counts it, and contain meta', () => {
    expect(postLength(social?.text ?? '')).toBeLessThanOrEqual(280)
    const metaIndexes = meta?.selection.sentences.map((s) => s.index) ?? []
    const socialIndexes = social?.selection.sentences.map((s) => s.index) ?? []
    for (const i of metaIndexes) expect(socialIndexes).toContain(i)
  })

  it('Should give 3–5 key points in article order, each ≤ 35 words, as items too', () => {
    const points = keyPoints?.selection.sentences ?? []
    expect(points.length).toBeGreaterThanOrEqual(3)
    expect(points.length).toBeLessThanOrEqual(5)
    const items = summaryItems(story, keyPoints?.selection ?? { truncated: false, sentences: [] })
    expect(items).toHaveLength(points.length)
    for (const item of items) expect(countWords(item, 'en')).toBeLessThanOrEqual(35)
    const indexes = points.map((p) => p.index)
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b))
    expect(new Set(items).size).toBe(items.length)
  })

  it('Should open the story with the standfirst (two sentences within 50 words)', () => {
    expect(standfirst?.selection.sentences.map((x) => x.index)).toEqual([1, 2])
    expect(countWords(standfirst?.text ?? '', 'en')).toBeLessThanOrEqual(50)
  })

  it('Should cut a meta description before a bracket it cannot close', () => {
    const long =
      'The railway said on Tuesday that discounts for students, pensioners and large families would follow in the spring (after a review of the fares by the ministry of transport and the regulator, which is due in March), and that more trains would run.'
    const [cut] = summarize(long, { language: 'en', lengths: ['meta'] }).summaries
    const shown = renderSummary(long, cut ?? { name: 'meta', truncated: false, sentences: [] })
    expect(cut?.truncated).toBe(true)
    expect(shown).toBe(
      'The railway said on Tuesday that discounts for students, pensioners and large families would follow in the spring…'
    )
  })

  it('Should rather give no meta description than a dangling quotation', () => {
    const quote =
      '“This line brings our capitals closer than they have been for a century, and it will carry our trade to the markets of the whole continent for decades to come,” said the minister.'
    const [meta] = summarize(quote, { language: 'en', lengths: ['meta'] }).summaries
    expect(meta?.sentences).toEqual([])
  })
})

describe('isBalanced', () => {
  it('Should accept closed pairs and lone closers, reject open ones', () => {
    expect(isBalanced('He said “yes” (twice).')).toBe(true)
    expect(isBalanced('It’s fine.')).toBe(true)
    expect(isBalanced('„Ja“, sagte er.')).toBe(true)
    expect(isBalanced('«Oui», dit-il.')).toBe(true)
    expect(isBalanced('「はい」と言った。')).toBe(true)
    expect(isBalanced('He said “yes')).toBe(false)
    expect(isBalanced('The fares (about €35')).toBe(false)
    expect(isBalanced('He said "yes')).toBe(false)
  })
})

// Property: on generated articles with quotations, brackets, URLs, CJK and emoji, every preset
// keeps its budget and its rules.
const word = fc.oneof(
  { weight: 10, arbitrary: fc.stringMatching(/^[a-z]{1,9}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'https://example.org/a/long/path',
      'bbc.co.uk',
      '😀',
      '北京',
      '“quoted',
      'words”',
      '(aside',
      'end)'
    ),
  }
)
const sentence = fc
  .tuple(
    fc.array(word, { minLength: 1, maxLength: 50 }),
    fc.constantFrom('.', '!', '?', '."', '.”')
  )
  .map(([ws, end]) => {
    const [first = 'x', ...rest] = ws
    return `${first.charAt(0).toUpperCase()}${first.slice(1)} ${rest.join(' ')}${end}`.trim()
  })
const cjk = fc
  .array(fc.constantFrom('北京', '经济', '增长', '我们', '今天', '发布', '数据'), {
    minLength: 5,
    maxLength: 120,
  })
  .map((w) => `${w.join('')}。`)
const text = fc
  .array(fc.tuple(fc.oneof(sentence, sentence, sentence, cjk), fc.constantFrom(' ', '\n\n')), {
    maxLength: 25,
  })
  .map((parts) => parts.map(([s, sep]) => s + sep).join(''))

test.prop([text, fc.constantFrom('en', 'zh')])(
  'presets never exceed their budgets',
  (input, language) => {
    const { summaries } = summarize(input, { language, lengths: [...PRESET_NAMES] })
    const [meta, social, keyPoints, standfirst] = summaries
    const render = (s: typeof meta) => (s ? renderSummary(input, s) : '')
    const metaText = render(meta)
    expect(metaText.length).toBeLessThanOrEqual(160)
    if (meta?.truncated) expect(metaText.endsWith(ELLIPSIS)).toBe(true)
    expect(isBalanced(metaText.replace(ELLIPSIS, ''))).toBe(true)
    const socialText = render(social)
    expect(postLength(socialText)).toBeLessThanOrEqual(280)
    expect(isBalanced(socialText.replace(ELLIPSIS, ''))).toBe(true)
    expect(keyPoints?.sentences.length ?? 0).toBeLessThanOrEqual(5)
    for (const item of summaryItems(input, keyPoints ?? { truncated: false, sentences: [] }))
      expect(countWords(item, language)).toBeLessThanOrEqual(35)
    const opening = standfirst?.sentences ?? []
    expect(opening.length).toBeLessThanOrEqual(2)
    expect(countWords(render(standfirst), language)).toBeLessThanOrEqual(50)
    // The standfirst starts where the prose starts: no selectable sentence comes before it. A
    // selectable sentence has words and ends like one ("😀 ." ends like one but has no word).
    if (opening[0] !== undefined) {
      const before = splitSentences(input, language).slice(0, opening[0].index)
      const selectable = (s: { start: number; end: number }) => {
        const sentence = input.slice(s.start, s.end)
        return countWords(sentence, language) > 0 && /[.!?。]["”]?$/.test(sentence)
      }
      expect(before.some(selectable)).toBe(false)
    }
  },
  60_000
)
