import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { NEWS_ARTICLE_MARKDOWN } from '../../test/fixtures/markup/corpus'
import { MAX_CONTAINER_DEPTH, MAX_DELIMITERS_PER_BLOCK, markdownComplexity } from './markdown-guard'

const N = MAX_DELIMITERS_PER_BLOCK

describe('markdownComplexity', () => {
  it('accepts ordinary news Markdown, also repeated many times', () => {
    expect(markdownComplexity(NEWS_ARTICLE_MARKDOWN)).toBeUndefined()
    expect(markdownComplexity(`${NEWS_ARTICLE_MARKDOWN}\n\n`.repeat(40))).toBeUndefined()
  })

  it('refuses the shapes micromark spends super-linear time on, naming the line', () => {
    expect(markdownComplexity('>'.repeat(200))).toEqual({
      line: 1,
      message: `more than ${MAX_CONTAINER_DEPTH} nested quotes or lists`,
    })
    expect(markdownComplexity(`ok\n\n${'> '.repeat(100)}x`)?.line).toBe(3)
    expect(markdownComplexity('1. '.repeat(100))).toBeDefined()
    expect(markdownComplexity('*a'.repeat(10_000))?.line).toBe(1)
    expect(markdownComplexity('[a]('.repeat(10_000))).toBeDefined()
    expect(markdownComplexity('['.repeat(10_000))).toBeDefined()
    expect(markdownComplexity('`a'.repeat(10_000))).toBeDefined()
  })

  it('bounds the depth and the count exactly', () => {
    expect(markdownComplexity(`${'> '.repeat(MAX_CONTAINER_DEPTH)}x`)).toBeUndefined()
    expect(markdownComplexity(`${'> '.repeat(MAX_CONTAINER_DEPTH + 1)}x`)).toBeDefined()
    // Runs count once: `**` is one run.
    expect(markdownComplexity('**a** '.repeat(N / 2))).toBeUndefined()
    expect(markdownComplexity('*a* '.repeat(N / 2 + 1))).toBeDefined()
  })

  it('counts per paragraph: blank lines, headings and list items start a new count', () => {
    const half = '*a* '.repeat(N / 4)
    expect(
      markdownComplexity(`${half}\n\n${half}\n\n${half}\n\n${half}`.repeat(10))
    ).toBeUndefined()
    expect(
      markdownComplexity(`${half}\n# h\n${half}\n- ${half}\n- ${half}`.repeat(10))
    ).toBeUndefined()
    // A long list of links, one item a line.
    expect(markdownComplexity('- [a](https://x.org/a_b) *b*\n'.repeat(2000))).toBeUndefined()
  })

  it('does not let lines that continue a paragraph restart the count', () => {
    const half = '*a* '.repeat(N / 4)
    // Not headings (no space), not items that may interrupt a paragraph (empty, not 1., indented 4).
    for (const cut of [
      '#x',
      '1.',
      '*',
      '- \r',
      '-    ',
      '1. ',
      '> 2.',
      '2. y',
      '     - y',
      '    # y',
      '> y',
    ]) {
      expect(markdownComplexity(`${half}\n${cut}\n${half}\n${cut}\n${half}`), cut).toBeDefined()
    }
  })

  it('skips fenced code at the margin, counts fences in containers and spans that look like fences', () => {
    const code = '_x = a_b * c\n'.repeat(N)
    expect(markdownComplexity(`Text\n\n\`\`\`py\n${code}\`\`\`\n\nMore.`)).toBeUndefined()
    expect(markdownComplexity(`~~~~\n${code}~~~~\n`)).toBeUndefined()
    // A shorter fence does not close a longer one; the unclosed fence runs to the end.
    expect(markdownComplexity(`\`\`\`\`\n\`\`\`\n${code}`)).toBeUndefined()
    // ```x``` is a code span, not a fence; an indented fence may end with its list item.
    expect(markdownComplexity(`\`\`\`x\`\`\`\n${'*a'.repeat(N + 1)}`)).toBeDefined()
    expect(markdownComplexity(`- a\n\n  \`\`\`\n${'*a'.repeat(N + 1)}`)).toBeDefined()
  })

  test.prop([
    fc.array(
      fc.constantFrom(
        'The bank *raised* rates',
        '[again](https://x.org/a_b "t")',
        ' on _Tuesday_, `code`',
        ' and **more** ',
        '![alt](p.png)',
        '&amp; \\* <b>x</b>',
        '\n',
        '\n\n',
        '\n# Head\n',
        '\n- item ',
        '\n1. first ',
        '\n> quoted ',
        '\n```\ncode_here *\n```\n',
        '\n[ref]: https://x.org\n'
      ),
      { maxLength: 400 }
    ),
  ])('accepts generated news-like Markdown with short paragraphs', (parts) => {
    // Short paragraphs (a blank line every 40 parts) never reach either bound.
    const md = parts.map((p, i) => (i % 40 === 39 ? `${p}\n\n` : p)).join('')
    expect(markdownComplexity(md)).toBeUndefined()
  })

  test.prop([fc.string({ maxLength: 3000 })])('always answers, in one pass', (md) => {
    const result = markdownComplexity(md)
    if (result !== undefined) expect(result.line).toBeGreaterThanOrEqual(1)
  })
})
