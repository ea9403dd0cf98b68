import { describe, expect, it } from 'vitest'
import { hasNoText, readContent, summaryText } from './index'

describe('readContent', () => {
  it('Should leave plain text as it is, with identity spans', () => {
    const content = readContent('A <b>literal</b> tag.', 'text')
    expect(content.text).toBe('A <b>literal</b> tag.')
    expect(content.span(2, 5)).toEqual({ offset: 2, length: 3 })
  })

  it('Should read HTML and Markdown with spans into the source', () => {
    const html = readContent('<h1>Title</h1><p>One &amp; two.</p>', 'html')
    expect(html.text).toBe('Title\n\nOne & two.')
    expect(html.title).toBe('Title')
    expect(html.span(7, 17)).toEqual({ offset: 17, length: 14 })
    const md = readContent('# Title\n\nOne *two*.', 'markdown')
    expect(md.text).toBe('Title\n\nOne two.')
    expect(md.span(7, 15)).toEqual({ offset: 9, length: 10 })
  })

  it('Should tell markup without text', () => {
    expect(hasNoText(readContent('<img src="a.png"><script>x</script>', 'html'))).toBe(true)
    expect(hasNoText(readContent('```\ncode\n```', 'markdown'))).toBe(true)
    expect(hasNoText(readContent('<p>x</p>', 'html'))).toBe(false)
  })

  it('Should blank headings for the summarizer, keeping offsets', () => {
    const content = readContent('<h1>Title</h1><p>Body.</p><h2>Sub</h2><p>More.</p>', 'html')
    const text = summaryText(content)
    expect(text).toHaveLength(content.text.length)
    expect(text).toBe('     \n\nBody.\n\n   \n\nMore.')
  })
})
