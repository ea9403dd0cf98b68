import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { NEWS_ARTICLE_MARKDOWN } from '../../test/fixtures/markup/corpus'
import { collapseSpace, LEFTOVER_MARKUP, readMarkdown } from '../../test/fixtures/markup/oracle'
import { splitSentences } from '../text/sentences'
import { type ExtractedText, toSource } from './extracted'
import { extractMarkdown } from './markdown'

const article = NEWS_ARTICLE_MARKDOWN

function sentencesWithSource(doc: ExtractedText, source: string) {
  return splitSentences(doc.text, 'en').map((span) => {
    const { offset, length } = toSource(doc, span.start, span.end)
    return {
      text: doc.text.slice(span.start, span.end),
      slice: source.slice(offset, offset + length),
    }
  })
}

describe('extractMarkdown on a news article', () => {
  const doc = extractMarkdown(article)

  it('Should take the first # heading as the title and list the headings', () => {
    expect(doc.title).toBe('Rail link opens between Almaty and Tashkent')
    expect(doc.headings.map((h) => doc.text.slice(h.start, h.end))).toEqual([
      'Rail link opens between Almaty and Tashkent',
      'A decade in the making',
    ])
  })

  it('Should leave out code, HTML blocks, images and link destinations, keeping link text', () => {
    for (const gone of [
      'console.log',
      'Advertisement',
      'A blue train',
      'https://',
      'npm start',
      'EDB',
    ])
      expect(doc.text).not.toContain(gone)
    expect(doc.text).toContain('financed by the Eurasian Development Bank and the two governments.')
    expect(doc.text).toContain('see the live map.')
    expect(doc.text).toContain('cotton & grain')
    expect(doc.text).not.toMatch(LEFTOVER_MARKUP)
    expect(doc.text).not.toMatch(/[*>`#[\]]/)
  })

  it('Should map every sentence back to a source span that reads as the sentence', () => {
    const sentences = sentencesWithSource(doc, article)
    expect(sentences.length).toBeGreaterThan(10)
    for (const { text, slice } of sentences) expect(readMarkdown(slice)).toBe(collapseSpace(text))
    const freight = sentences.find((s) => s.text.startsWith('Traders'))
    expect(freight?.slice).toBe(
      'Traders in Tashkent said the route would lower\n> the cost of moving cotton &amp; grain to Chinese markets by roughly a third.'
    )
  })
})

describe('extractMarkdown rules', () => {
  it('Should map escapes and references to their whole source', () => {
    const source = 'A \\*starred\\* word &amp; more.'
    const doc = extractMarkdown(source)
    expect(doc.text).toBe('A *starred* word & more.')
    const { offset, length } = toSource(doc, 2, 11)
    expect(source.slice(offset, offset + length)).toBe('\\*starred\\*')
  })

  it('Should return no text for code and HTML only', () => {
    expect(extractMarkdown('```\ncode\n```\n\n<div>x</div>\n\n![alt](a.png)').text).toBe('')
  })

  it('Should leave out autolinks (their text is the URL)', () => {
    expect(extractMarkdown('See <https://example.org> now.').text).toBe('See now.')
  })
})

// Generated Markdown: paragraphs, quotes and list items of sentences with emphasis, links,
// code spans, images, escapes and references, wrapped over lines.
const letters = fc.stringMatching(/^[A-Za-z]{1,8}$/)
const word = fc.oneof(
  { weight: 8, arbitrary: letters },
  { weight: 1, arbitrary: fc.tuple(letters, letters).map(([a, b]) => `${a}&amp;${b}`) },
  { weight: 1, arbitrary: letters.map((a) => `${a}\\*`) },
  { weight: 1, arbitrary: letters.map((a) => `&ldquo;${a}&rdquo;`) }
)
const phrase = fc
  .tuple(
    fc.array(word, { minLength: 1, maxLength: 4 }),
    fc.constantFrom(
      (s: string) => `*${s}*`,
      (s: string) => `**${s}**`,
      (s: string) => `[${s}](https://example.org/a_b "Title.")`,
      (s: string) => `${s} \`code.here()\``,
      (s: string) => `${s} ![Alt text.](a.png)`,
      (s: string) => `${s} <span>`,
      (s: string) => s,
      (s: string) => s,
      (s: string) => s
    )
  )
  .map(([ws, w]) => w(ws.join(' ')))
const sentence = fc
  .tuple(fc.array(phrase, { minLength: 1, maxLength: 5 }), fc.constantFrom('.', '!', '?'))
  .map(([ps, end]) => {
    const s = ps.join(' ')
    return `${s.charAt(0) === '*' || s.charAt(0) === '[' ? 'So ' : ''}${s}${end}`
  })
const lines = (prefix: string, rest: string) => (text: string) =>
  text
    .split(' ')
    .reduce<string[]>((acc, w, i) => {
      // Wrap every 6 words, as editors hard-wrap Markdown.
      if (i % 6 === 0) acc.push(w)
      else acc[acc.length - 1] += ` ${w}`
      return acc
    }, [])
    .map((line, i) => `${i === 0 ? prefix : rest}${line}`)
    .join('\n')
const block = fc
  .tuple(
    fc.array(sentence, { minLength: 1, maxLength: 4 }),
    fc.constantFrom(lines('', ''), lines('> ', '> '), lines('- ', '  '), lines('', '   '))
  )
  .map(([ss, shape]) => shape(ss.join(' ')))
const extra = fc.constantFrom(
  '',
  '',
  '## Sub heading',
  '```\nconst x = "Not text."\n```',
  '<div>\nHTML block.\n</div>'
)
const document = fc
  .array(fc.tuple(block, extra), { minLength: 1, maxLength: 6 })
  .map((blocks) => blocks.flatMap(([b, e]) => (e ? [b, e] : [b])).join('\n\n'))

// micromark parses about as fast as a regex-heavy tokenizer can: fewer, richer runs than the default.
test.prop([document], { numRuns: 60 })(
  'every sentence maps to a source span that reads as the sentence',
  (md) => {
    const doc = extractMarkdown(md)
    expect(doc.text).not.toMatch(LEFTOVER_MARKUP)
    for (const { text, slice } of sentencesWithSource(doc, md))
      expect(readMarkdown(slice)).toBe(collapseSpace(text))
  },
  60_000
)
