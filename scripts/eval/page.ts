/**
 * Wraps an eval article in a realistic news page, for `npm run eval -- --format html|markdown`:
 * a masthead with navigation, a script, the headline as `h1`, every line of the article as a
 * paragraph with inline links and emphasis, references for `&`, `<`, quotes and apostrophes, a
 * figure with a caption after the first paragraph, and a related-links aside. The summary of
 * the page should pick the same sentences as the summary of the plain article.
 */
import { escapeMarkdown } from '../../src/content/layout'
import type { EvalArticle } from './run'

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/’/g, '&rsquo;')
    .replace(/'/g, '&#39;')
    .replace(/é/g, '&eacute;')

/** A paragraph's words with a link around words 2–4 and emphasis on the 8th, as CMSs write them. */
function inlineMarkup(line: string, n: number): string {
  const words = line.split(' ')
  if (words.length < 9) return escapeHtml(line)
  const html = words.map(escapeHtml)
  html[1] = `<a href="https://example.org/topic/${n}?ref=a&amp;b=c">${html[1]}`
  html[3] = `${html[3]}</a>`
  html[7] = `<em>${html[7]}</em>`
  return html.join(' ')
}

export function htmlPage(article: EvalArticle): string {
  const lines = article.text.split(/\n+/).filter((l) => l.trim() !== '')
  const paragraphs = lines.map((line, n) => `      <p>${inlineMarkup(line, n)}</p>`)
  const figure = `      <figure><img src="/img/${article.id}.jpg" alt="Photograph."><figcaption>${escapeHtml(article.title)}. Photo: Agency.</figcaption></figure>`
  paragraphs.splice(1, 0, figure)
  return `<!DOCTYPE html>
<html lang="${article.lang}">
<head><meta charset="utf-8"><title>${escapeHtml(article.title)} | Example News</title>
<script>window.ads = {"slot": "<p>top</p>"};</script></head>
<body>
  <header><a href="/">Example News</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport &amp; Leisure</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>${escapeHtml(article.title)}</h1>
${paragraphs.join('\n')}
      <aside><h2>Related</h2><ul><li><a href="/a">Another story about the same thing.</a></li><li><a href="/b">Markets close higher.</a></li></ul></aside>
    </article>
  </main>
  <footer><p>&copy; 2026 Example News.</p></footer>
</body>
</html>`
}

/** Hard-wraps a paragraph at `width` columns, as many Markdown editors save it. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines
}

/**
 * A line's start that Markdown would read as syntax (list item, quote, heading, setext underline,
 * ordered list number), escaped so the line stays paragraph text.
 */
function escapeLineStart(line: string): string {
  if (/^(\d+)[.)](?=\s|$)/.test(line)) return line.replace(/^(\d+)/, '$1\\')
  if (/^([-+*](?=\s|$)|#{1,6}(?=\s|$)|>|=+\s*$|[-*_](\s*[-*_]){2,}\s*$|`{3,}|~{3,})/.test(line))
    return `\\${line}`
  return line
}

/** A paragraph's words with a link around words 2–4 and strong emphasis on the 8th. */
function inlineMarkdown(line: string, n: number): string {
  const words = line.split(' ').map(escapeMarkdown)
  if (words.length >= 9) {
    words[1] = `[${words[1]}`
    words[3] = `${words[3]}](https://example.org/topic/${n}?ref=a&b=c "Topic ${n}")`
    words[7] = `**${words[7]}**`
  }
  return words.join(' ')
}

/**
 * The article as a Markdown post (Ghost, Hugo, Jekyll): the headline as `#`, paragraphs
 * hard-wrapped at 80 columns with an inline link (URL and title) and strong emphasis, characters
 * Markdown would read as syntax escaped, an image with a title after the first paragraph, an
 * HTML comment (`<!--more-->`), a fenced embed snippet and an HTML block (a newsletter box).
 * Related links are left to the theme, as these systems do, so the body has none.
 */
export function markdownPage(article: EvalArticle): string {
  const lines = article.text.split(/\n+/).filter((l) => l.trim() !== '')
  const paragraphs = lines.map((line, n) =>
    wrap(inlineMarkdown(line.trim(), n), 80).map(escapeLineStart).join('\n')
  )
  paragraphs.splice(
    1,
    0,
    `![Photograph.](/img/${article.id}.jpg "${escapeMarkdown(article.title).replace(/"/g, '\\"')}")`
  )
  paragraphs.splice(2, 0, '<!--more-->')
  return [
    `# ${escapeMarkdown(article.title)}`,
    ...paragraphs,
    '```html\n<iframe src="https://example.org/embed/1"></iframe>\n```',
    '<div class="newsletter">\n<p>Sign up for the morning briefing.</p>\n</div>',
  ].join('\n\n')
}
