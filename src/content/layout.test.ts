import { describe, expect, it } from 'vitest'
import { escapeHtml, escapeMarkdown, htmlLayout, markdownLayout, type TextLayout } from './layout'

/** Each block as the source slices of its runs (what a translator would rewrite). */
function slices(layout: TextLayout): string[][] {
  return layout.blocks.map((runs) => runs.map((r) => layout.source.slice(r.from, r.to)))
}

describe('htmlLayout', () => {
  it('Should give one block per paragraph, with inline markup between runs', () => {
    const html =
      '<h1>Rates <em>rise</em></h1>\n<p>The bank <a href="/x">raised</a> rates &amp; more.</p>'
    const layout = htmlLayout(html)
    expect(slices(layout)).toEqual([
      ['Rates ', 'rise'],
      ['The bank ', 'raised', ' rates &amp; more.'],
    ])
    expect(layout.blocks[1]?.[2]?.text).toBe(' rates & more.')
  })

  it('Should keep translate="no", notranslate, code, scripts and styles out of every run', () => {
    const html =
      '<p>A <span translate="no">B</span> C <code>D</code></p><div class="x notranslate"><p>E</p></div><script>F</script><style>G{}</style><pre>H</pre><p translate="NO">I</p>'
    expect(slices(htmlLayout(html))).toEqual([['A ', ' C ']])
  })

  it('Should split at br and at unknown elements, never across a block', () => {
    expect(slices(htmlLayout('<p>one<br>two</p><custom-box>three</custom-box>four'))).toEqual([
      ['one'],
      ['two'],
      ['three'],
      ['four'],
    ])
  })

  it('Should leave out blank blocks and blank runs at block edges', () => {
    expect(slices(htmlLayout('<ul>\n  <li> <b>x</b> </li>\n</ul>&nbsp;'))).toEqual([['x']])
  })
})

describe('markdownLayout', () => {
  it('Should give runs of paragraphs, headings and list items, leaving out code, HTML, images and URLs', () => {
    const md = [
      '# Rates *rise*',
      '',
      'The bank [raised](https://x.org "t") rates `now` and ![alt](/i.png) more.',
      '',
      '- one',
      '- <span>two</span>',
      '',
      '```',
      'code',
      '```',
      '',
      '<div>html</div>',
      '',
      'See <https://example.org>.',
    ].join('\n')
    expect(slices(markdownLayout(md))).toEqual([
      ['Rates ', 'rise'],
      ['The bank ', 'raised', ' rates ', ' and ', ' more.'],
      ['one'],
      ['two'],
      ['See ', '.'],
    ])
  })

  it('Should read escapes and references as text while keeping their source range', () => {
    const layout = markdownLayout('Fish \\& chips &amp; \\*peas\\*')
    expect(layout.blocks[0]?.map((r) => r.text).join('')).toBe('Fish & chips & *peas*')
    expect(slices(layout)).toEqual([['Fish \\& chips &amp; \\*peas\\*']])
  })
})

describe('escaping translated text', () => {
  it('Should write HTML character data', () => {
    expect(escapeHtml('a < b & c > d\u00a0e')).toBe('a &lt; b &amp; c &gt; d&nbsp;e')
  })

  it('Should write Markdown text that reads back as the same text', () => {
    const text = '#1 *bold* _x_ [a](b) `c` <d> | e &amp; f \\ g #'
    const escaped = escapeMarkdown(text)
    const layout = markdownLayout(escaped)
    expect(layout.blocks[0]?.map((r) => r.text).join('')).toBe(text)
  })
})
