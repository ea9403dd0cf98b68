import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { createFakeProvider, type FakeProviderOptions } from '../../test/support/fake-provider'
import { glossaryFrom } from '../../test/support/glossary'
import { keptSubtrees, tagsOf } from '../../test/support/html-tags'
import type { BatchOptions } from './batch'
import { translateMarkupItems } from './markup'
import type { TranslationProvider } from './types'

const glossary = glossaryFrom([
  { en: "Xi'an|Xian", es: "Xi'an" },
  { en: 'Temur Umarov', es: 'Temur Umarov' },
  { en: 'summit', es: 'cumbre' },
])

const instant = async () => {}

function setup(fake: FakeProviderOptions = {}, extra: Partial<BatchOptions> = {}) {
  const provider = createFakeProvider(fake)
  const options: BatchOptions = { provider, target: 'es', glossary: null, sleep: instant, ...extra }
  return { provider, options }
}

async function html(
  text: string,
  fake: FakeProviderOptions = {},
  extra: Partial<BatchOptions> = {}
) {
  const { provider, options } = setup(fake, extra)
  const [translation] = await translateMarkupItems([{ text, source: 'en' }], 'html', options)
  if (!translation) throw new Error('no translation')
  return { translation, provider }
}

async function markdown(text: string, fake: FakeProviderOptions = {}) {
  const { provider, options } = setup(fake)
  const [translation] = await translateMarkupItems([{ text, source: 'en' }], 'markdown', options)
  if (!translation) throw new Error('no translation')
  return { translation, provider }
}

describe('translateMarkupItems on HTML', () => {
  it('translates the text and keeps tags and attributes exactly as sent', async () => {
    const source =
      '<article class="story"><h1 id="t">The summit</h1>\n<p>The <a href="/s?a=1&amp;b=2" title="The summit">summit</a> was held in <em>the ancient capital</em>.</p></article>'
    const { translation, provider } = await html(source)
    expect(translation.text).toBe(
      '<article class="story"><h1 id="t">El cumbre</h1>\n<p>El <a href="/s?a=1&amp;b=2" title="The summit">cumbre</a> fue celebrada en <em>el antigua capital</em>.</p></article>'
    )
    // One segment per block, inline tags as placeholders between the words.
    const sent = provider.calls[0]?.segments ?? []
    expect(sent).toHaveLength(2)
    expect(sent[1]).toMatch(
      /^The Zq[a-z]+ summit Zq[a-z]+ was held in Zq[a-z]+ the ancient capital Zq[a-z]+\.$/
    )
  })

  it('leaves translate="no", notranslate and code untouched, byte for byte', async () => {
    const source =
      '<p>The summit <span translate="no">was held</span> in <code>the  capital</code>.</p><div class="x notranslate"><p>The summit &amp; the capital</p></div><pre>the summit</pre>'
    const { translation, provider } = await html(source)
    expect(translation.text).toBe(
      '<p>El cumbre <span translate="no">was held</span> en <code>the  capital</code>.</p><div class="x notranslate"><p>The summit &amp; the capital</p></div><pre>the summit</pre>'
    )
    expect(provider.calls[0]?.segments.join('\n')).not.toContain('was held')
  })

  it('escapes what the engine writes and keeps unchanged text as it was written', async () => {
    const { translation } = await html('<p>Tom &amp; Jerry<br>the summit &lt;3</p>', {
      dictionary: { summit: 'cumbre <b> & co' },
    })
    expect(translation.text).toBe('<p>Tom &amp; Jerry<br>the cumbre &lt;b&gt; &amp; co &lt;3</p>')
  })

  it('translates a segment again run by run when the engine loses a placeholder', async () => {
    const { translation, provider } = await html(
      '<p>The <b>summit</b> was held in <i>Xian</i>.</p>',
      {
        render: (s, _pair, call) =>
          call.index === 1 ? s.replace(/Zq[a-z]+/, '') : s.replace(/summit/g, 'cumbre'),
      }
    )
    expect(translation.text).toBe('<p>The <b>cumbre</b> was held in <i>Xian</i>.</p>')
    expect(translation.stats.segmentsRetried).toBe(1)
    expect(provider.calls).toHaveLength(2)
    expect(provider.calls[1]?.segments).toEqual(['The', 'summit', 'was held in', 'Xian'])
  })

  it('enforces glossary terms inside markup and reports them from the output', async () => {
    const { translation } = await html(
      '<p><a href="/p/tu">Temur Umarov</a> said the summit in <strong>Xian</strong> was held.</p>',
      {},
      { glossary }
    )
    expect(translation.text).toBe(
      '<p><a href="/p/tu">Temur Umarov</a> dijo el cumbre en <strong>Xi\'an</strong> fue celebrada.</p>'
    )
    expect(translation.terminology).toEqual({ expected: 3, applied: 3, missed: [] })
  })

  it('reports a glossary term the engine did not render as missed', async () => {
    const { translation } = await html(
      '<p>The <em>summit</em> met.</p>',
      { dictionary: { summit: 'encuentro' } },
      { glossary }
    )
    expect(translation.text).toBe('<p>The <em>encuentro</em> met.</p>')
    expect(translation.terminology.expected).toBe(1)
    expect(translation.terminology.applied).toBe(0)
    expect(translation.terminology.missed).toEqual([{ source: 'summit', target: 'cumbre' }])
  })

  it('sends an HTML engine its segments as HTML, placeholders as empty elements', async () => {
    const calls: Array<{ segments: readonly string[]; html: boolean }> = []
    const provider: TranslationProvider = {
      name: 'html-engine',
      maxSegmentChars: 1000,
      html: true,
      async translate(segments, _pair, _signal, options) {
        calls.push({ segments, html: options?.html === true })
        // Translates the words and leaves the elements where they are.
        return segments.map((s) => s.replace(/summit/g, 'cumbre'))
      },
      languages: async () => ({ sources: ['en'], targets: ['es'] }),
    }
    const [translation] = await translateMarkupItems(
      [{ text: '<p>The <a href="/x">summit</a> &amp; more</p>', source: 'en' }],
      'html',
      { provider, target: 'es', sleep: instant }
    )
    expect(calls[0]?.html).toBe(true)
    expect(calls[0]?.segments[0]).toMatch(
      /^The <x id="Zq[a-z]+"><\/x> summit <x id="Zq[a-z]+"><\/x> &amp; more$/
    )
    expect(translation?.text).toBe('<p>The <a href="/x">cumbre</a> &amp; more</p>')
  })
})

describe('translateMarkupItems on Markdown', () => {
  it('keeps headings, emphasis, link URLs, code and lists; translates the text', async () => {
    const source = [
      '# The summit',
      '',
      'The **summit** was held in [the capital](https://example.org/the-capital "The capital").',
      '',
      '- the summit',
      '- `the summit` in code',
      '',
      '```',
      'the summit',
      '```',
      '',
      '> The summit was held.',
      '',
    ].join('\n')
    const { translation } = await markdown(source)
    expect(translation.text).toBe(
      [
        '# El cumbre',
        '',
        'El **cumbre** fue celebrada en [el capital](https://example.org/the-capital "The capital").',
        '',
        '- el cumbre',
        '- `the summit` en code',
        '',
        '```',
        'the summit',
        '```',
        '',
        '> El cumbre fue celebrada.',
        '',
      ].join('\n')
    )
  })

  it('escapes Markdown syntax the engine writes', async () => {
    const { translation } = await markdown('The summit.', {
      dictionary: { summit: '*cumbre*_[x]' },
    })
    expect(translation.text).toBe('The \\*cumbre\\*\\_\\[x\\].')
  })
})

/** Generated HTML: blocks of text, inline elements with attributes, kept subtrees, references. */
const word = fc.constantFrom(
  'the',
  'summit',
  'was',
  'held',
  'in',
  'Xian',
  'capital',
  '&amp;',
  '&#8217;s',
  '😀',
  'né',
  '.',
  ','
)
const attribute = fc
  .tuple(
    fc.constantFrom('href', 'title', 'data-x', 'class'),
    fc.stringMatching(/^[a-z0-9 /&;.=-]{0,12}$/)
  )
  .map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;')}"`)
const words = fc.array(word, { minLength: 0, maxLength: 6 }).map((ws) => ws.join(' '))
const inline: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    words,
    fc
      .tuple(
        fc.constantFrom('a', 'em', 'strong', 'span', 'b'),
        fc.array(attribute, { maxLength: 2 }),
        fc.array(tie('node'), { maxLength: 3 })
      )
      .map(([tag, attrs, children]) => `<${tag}${attrs.join('')}>${children.join(' ')}</${tag}>`),
    fc
      .tuple(words, fc.boolean())
      .map(([w, viaClass]) =>
        viaClass ? `<span class="notranslate">${w}</span>` : `<em translate="no">${w}</em>`
      ),
    words.map((w) => `<code>${w}</code>`),
    fc.constant('<br>'),
    fc.constant('<!-- note -->')
  ),
})).node
const block = fc
  .tuple(
    fc.constantFrom('p', 'h2', 'li', 'div', 'td'),
    fc.array(inline, { minLength: 1, maxLength: 4 })
  )
  .map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`)
const documents = fc.array(block, { minLength: 1, maxLength: 4 }).map((blocks) => blocks.join('\n'))

/** Engines of every kind: faithful, word-changing, placeholder-losing, -duplicating, -reordering. */
const engines: Array<[string, (segment: string) => string]> = [
  ['uppercase', (s) => s.toUpperCase()],
  ['drops a placeholder', (s) => s.replace(/Zq[a-z]+/, '')],
  ['duplicates a placeholder', (s) => s.replace(/(Zq[a-z]+)/, '$1 $1')],
  ['reverses the words', (s) => s.split(' ').reverse().join(' ')],
  ['writes markup', (s) => `<b>${s}</b> & <i>`],
]

describe('translateMarkupItems properties', () => {
  test.prop([documents])('an identity engine gives the input back, byte for byte', async (doc) => {
    const { translation } = await html(doc, { render: (s) => s })
    expect(translation.text).toBe(doc)
  })

  for (const [name, render] of engines) {
    test.prop([documents])(
      `any engine (${name}): same tags and attributes in the same order, kept subtrees identical`,
      async (doc) => {
        const { translation } = await html(doc, { render })
        expect(tagsOf(translation.text)).toEqual(tagsOf(doc))
        expect(keptSubtrees(translation.text)).toEqual(keptSubtrees(doc))
      }
    )
  }
})

/** Generated Markdown: headings, paragraphs and list items with emphasis, links, code and references. */
const mdWord = fc.constantFrom(
  'the',
  'summit',
  'was',
  'held',
  'Xian',
  '&amp;',
  'né',
  '😀',
  '\\*',
  '.'
)
const mdWords = fc.array(mdWord, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '))
const mdInline = fc.oneof(
  mdWords,
  mdWords.map((w) => `*${w}*`),
  mdWords.map((w) => `**${w}**`),
  fc
    .tuple(mdWords, fc.constantFrom('https://ex.org/a?b=1&c=2', '/the-summit', 'mailto:x@ex.org'))
    .map(([w, url]) => `[${w}](${url})`),
  mdWords.map((w) => `\`${w}\``),
  fc.constant('![the summit](/i.png)')
)
const mdLine = fc.array(mdInline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '))
const mdBlock = fc.oneof(
  mdLine.map((l) => `## ${l}`),
  mdLine,
  fc.array(mdLine, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `- ${l}`).join('\n')),
  mdWords.map((w) => `\`\`\`\n${w}\n\`\`\``),
  mdLine.map((l) => `> ${l}`)
)
const mdDocuments = fc.array(mdBlock, { minLength: 1, maxLength: 4 }).map((bs) => bs.join('\n\n'))

/** Test oracle: code spans, fenced code and link/image destinations, in order. */
function markdownKept(md: string): string[] {
  return [...md.matchAll(/```[\s\S]*?```|`[^`\n]+`|\]\([^)]*\)/g)].map((m) => m[0])
}

describe('translateMarkupItems properties on Markdown', () => {
  test.prop([mdDocuments])(
    'an identity engine gives the input back, byte for byte',
    async (doc) => {
      const { translation } = await markdown(doc, { render: (s) => s })
      expect(translation.text).toBe(doc)
    }
  )

  for (const [name, render] of engines) {
    test.prop([mdDocuments])(
      `any engine (${name}): code and link destinations unchanged, in order`,
      async (doc) => {
        const { translation } = await markdown(doc, { render })
        expect(markdownKept(translation.text)).toEqual(markdownKept(doc))
      }
    )
  }
})
