import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { NEWS_ARTICLE_TEXT, NEWS_PAGE_HTML } from '../../test/fixtures/markup/corpus'
import { collapseSpace, LEFTOVER_MARKUP, readHtml } from '../../test/fixtures/markup/oracle'
import { splitSentences } from '../text/sentences'
import { type ExtractedText, toSource } from './extracted'
import { extractHtml } from './html'

const page = NEWS_PAGE_HTML

/** Every sentence of the extracted text, with the source slice its offsets give. */
function sentencesWithSource(doc: ExtractedText, source: string) {
  return splitSentences(doc.text, 'en').map((span) => {
    const { offset, length } = toSource(doc, span.start, span.end)
    return {
      text: doc.text.slice(span.start, span.end),
      slice: source.slice(offset, offset + length),
    }
  })
}

describe('extractHtml on a news page', () => {
  const doc = extractHtml(page)

  it('Should take the first h1 as the title', () => {
    expect(doc.title).toBe('Rail link opens between Almaty and Tashkent')
  })

  it('Should leave out navigation, scripts, styles, forms, asides, hidden ads and the footer', () => {
    for (const furniture of [
      'Business',
      'dataLayer',
      'font-family',
      'Search the site',
      'Related stories',
      'Caspian ports',
      'Buy a ticket',
      'Enable JavaScript',
      'Template text',
      'Chart label',
      'All rights reserved',
      'Do not read this',
      'A blue train',
      'The Steppe Courier',
    ])
      expect(doc.text).not.toContain(furniture)
  })

  it('Should keep the figure caption apart, as a cue', () => {
    expect(doc.captions).toEqual([
      'The first train leaves Almaty-2 station on Tuesday morning. Photo: Daniyar Omarov.',
    ])
    expect(doc.text).not.toContain('Almaty-2')
  })

  it('Should decode references and keep inline links inside their sentence', () => {
    expect(doc.text).toContain(
      'was financed by the Eurasian Development Bank and the two governments.'
    )
    expect(doc.text).toContain('“This line brings our capitals closer')
    expect(doc.text).toContain('cotton & grain')
    expect(doc.text).toContain('$1.8\u00a0billion')
    expect(doc.text).not.toMatch(LEFTOVER_MARKUP)
  })

  it('Should make every block its own paragraph and list the headings', () => {
    const paragraphs = doc.text.split('\n\n')
    expect(paragraphs[0]).toBe('Rail link opens between Almaty and Tashkent')
    expect(paragraphs).toContain('A decade in the making')
    expect(doc.headings.map((h) => doc.text.slice(h.start, h.end))).toEqual([
      'Rail link opens between Almaty and Tashkent',
      'A decade in the making',
    ])
    expect(paragraphs).toHaveLength(9)
  })

  it('Should give the same text as the article written plainly (spaces aside)', () => {
    const plain = NEWS_ARTICLE_TEXT
    const norm = (s: string) => s.split(/\n\n+/).map(collapseSpace).filter(Boolean)
    expect(norm(doc.text)).toEqual(norm(plain))
  })

  it('Should map every sentence back to a source span that reads as the sentence', () => {
    const sentences = sentencesWithSource(doc, page)
    expect(sentences.length).toBeGreaterThan(10)
    for (const { text, slice } of sentences) expect(readHtml(slice)).toBe(collapseSpace(text))
    // Spans start and end on the sentence's own characters, not on the markup around it.
    const financed = sentences.find((s) => s.text.startsWith('The project'))
    expect(financed?.slice).toMatch(/^The project, first proposed in 2015, was financed by the <a /)
    expect(financed?.slice).toMatch(/two governments\.$/)
  })
})

describe('extractHtml rules', () => {
  it('Should never split a word at an inline tag, nor join words across blocks', () => {
    expect(extractHtml('<p><b>W</b>ord and <i>an</i>other</p><p>next</p>').text).toBe(
      'Word and another\n\nnext'
    )
    expect(extractHtml('one<br>two<div>three</div>four').text).toBe('one\n\ntwo\n\nthree\n\nfour')
    expect(
      extractHtml('<ul><li>a</li><li>b</li></ul><table><tr><td>c</td><td>d</td></tr></table>').text
    ).toBe('a\n\nb\n\nc\n\nd')
  })

  it('Should map a decoded reference to the whole reference', () => {
    const source = '<p>&ldquo;Hi,&rdquo; she said.</p>'
    const doc = extractHtml(source)
    expect(doc.text).toBe('“Hi,” she said.')
    const { offset, length } = toSource(doc, 0, doc.text.length)
    expect(source.slice(offset, offset + length)).toBe('&ldquo;Hi,&rdquo; she said.')
  })

  it('Should return no text for markup only', () => {
    const doc = extractHtml('<div><img src="a.png"><script>x()</script><nav>Home</nav></div>')
    expect(doc.text).toBe('')
    expect(doc.title).toBeUndefined()
  })

  it('Should handle unclosed and misnested tags', () => {
    expect(extractHtml('<p>one <b>two<p>three</i> four').text).toBe('one two\n\nthree four')
  })
})

// Generated markup: paragraphs of sentences with inline tags (around whole words and inside
// them), references, irregular whitespace, comments and inline furniture, between furniture
// blocks.
const letters = fc.stringMatching(/^[A-Za-z]{1,8}$/)
const reference = fc.constantFrom(
  '&amp;',
  '&quot;',
  '&#8217;',
  '&eacute;',
  '&nbsp;',
  '&#x1F600;',
  '&lt;'
)
const space = fc.constantFrom(' ', ' ', ' ', '\n    ', '  ', '\t', ' &nbsp;')
const word = fc.oneof(
  { weight: 6, arbitrary: letters },
  { weight: 1, arbitrary: fc.tuple(letters, reference, letters).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.tuple(letters, letters).map(([a, b]) => `<b>${a}</b>${b}`) }
)
const wrap = fc.constantFrom(
  (s: string) => `<a href="https://example.org/?a=1&amp;b=2" title="T.">${s}</a>`,
  (s: string) => `<em>${s}</em>`,
  (s: string) => `<strong class="x">${s}</strong>`,
  (s: string) => `<span>${s}</span>`,
  (s: string) => s,
  (s: string) => s,
  (s: string) => s
)
const phrase = fc
  .tuple(fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 5 }), wrap)
  .map(([ws, w]) =>
    w(
      ws
        .map(([x, sp]) => x + sp)
        .join('')
        .trimEnd()
    )
  )
const inlineFurniture = fc.constantFrom(
  '',
  '',
  '',
  ' <!-- note. -->',
  ' <script>var s = "Not. Text.";</script>',
  '<button>Share.</button>'
)
const sentence = fc
  .tuple(
    fc.array(fc.tuple(phrase, inlineFurniture), { minLength: 1, maxLength: 5 }),
    fc.constantFrom('.', '!', '?', '.&rdquo;')
  )
  .map(([parts, end]) => `${parts.map(([p, f]) => `${p}${f}`).join(' ')}${end}`)
const paragraph = fc
  .tuple(
    fc.array(sentence, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('p', 'li', 'div', 'td')
  )
  .map(([ss, tag]) => `<${tag}>${ss.join(' \n')}</${tag}>`)
const furnitureBlock = fc.constantFrom(
  '<nav><a href="/">Home</a> <a href="/w">World.</a></nav>',
  '<aside><h3>Related</h3><p>Other story.</p></aside>',
  '<figure><img src="a.jpg" alt="Alt text."><figcaption>Caption text.</figcaption></figure>',
  '<h2>Sub heading</h2>',
  '<script>document.write("<p>Hidden.</p>")</script>',
  '<footer><p>Copyright.</p></footer>',
  '\n'
)
const page$ = fc
  .array(fc.tuple(paragraph, furnitureBlock), { minLength: 1, maxLength: 6 })
  .map((blocks) => `<html><body>${blocks.map(([p, f]) => p + f).join('\n')}</body></html>`)

test.prop([page$])(
  'every sentence maps to a source span that reads as the sentence',
  (html) => {
    const doc = extractHtml(html)
    expect(doc.text).not.toMatch(LEFTOVER_MARKUP)
    for (const { text, slice } of sentencesWithSource(doc, html))
      expect(readHtml(slice)).toBe(collapseSpace(text))
  },
  60_000
)
