import { extractHtml } from '../../src/content/html'
import { extractMarkdown } from '../../src/content/markdown'
import { MAX_DELIMITERS_PER_BLOCK, markdownComplexity } from '../../src/content/markdown-guard'
import { NEWS_ARTICLE_MARKDOWN, NEWS_PAGE_HTML } from '../../test/fixtures/markup/corpus'
import { type BenchContext, fmt, throughput } from './context'

/** Repeats a fixture to about 100 KB, cut at a block boundary so the document stays well formed. */
function toHundredKb(fixture: string, separator: string): string {
  const copies = Math.ceil(100_000 / (fixture.length + separator.length))
  return Array.from({ length: copies }, () => fixture).join(separator)
}

/**
 * Cost of reading markup: milliseconds of CPU per 100 KB of source for the HTML extractor
 * (htmlparser2) and the Markdown extractor (micromark via mdast-util-from-markdown), on the
 * news-page fixtures of the tests.
 */
export async function run(_context: BenchContext): Promise<void> {
  const html = toHundredKb(NEWS_PAGE_HTML, '\n')
  const markdown = toHundredKb(NEWS_ARTICLE_MARKDOWN, '\n\n')
  for (const [name, extract, source] of [
    ['HTML', extractHtml, html],
    ['Markdown', extractMarkdown, markdown],
  ] as const) {
    const t = throughput(() => extract(source))
    const per100 = (rate: number) => (1000 / rate) * (100_000 / source.length)
    console.log(
      `extract ${name} (${fmt(source.length / 1000)} KB): ${per100(t.cpu).toFixed(1)} ms cpu per 100 KB (${fmt(t.cpu)} docs/s cpu, ${per100(t.wall).toFixed(1)} ms wall per 100 KB)`
    )
  }
  runDegenerateMarkdown()
}

/** `block` repeated, blank-line separated, to about `size` characters. */
function blocks(block: string, size: number): string {
  return `${block}\n\n`.repeat(Math.max(1, Math.round(size / (block.length + 2))))
}

/** One paragraph of `size` characters holding the most delimiter runs the guard allows. */
function sparseParagraph(mark: string, size: number): string {
  const gap = 'word '.repeat(Math.max(1, Math.floor(size / MAX_DELIMITERS_PER_BLOCK / 5)))
  return `${mark}${gap}`.repeat(MAX_DELIMITERS_PER_BLOCK)
}

/** CPU milliseconds of what a request does with Markdown: the guard, then (if accepted) extraction. */
function markdownRequestMs(source: string): { ms: number; refused: boolean } {
  const before = process.cpuUsage()
  const refused = markdownComplexity(source) !== undefined
  if (!refused) extractMarkdown(source)
  const used = process.cpuUsage(before)
  return { ms: (used.user + used.system) / 1000, refused }
}

/**
 * Worst-case Markdown (issue #14): the shapes micromark spends super-linear time on are refused
 * by the guard in linear time; the densest shapes it still accepts are extracted. Each at 50 K
 * and 200 K characters; linear means the ms per KB stays put, and ratio = that cost per character
 * ÷ news Markdown's (target ≤ 5×).
 */
export function runDegenerateMarkdown(): void {
  const news = toHundredKb(NEWS_ARTICLE_MARKDOWN, '\n\n')
  markdownRequestMs(news)
  const base = markdownRequestMs(news)
  const basePerKb = base.ms / (news.length / 1000)
  const shapes: [string, (size: number) => string][] = [
    ["'['.repeat(n)", (n) => '['.repeat(n)],
    ["'[a]('.repeat(n/4)", (n) => '[a]('.repeat(n / 4)],
    ["'*a'.repeat(n/2)", (n) => '*a'.repeat(n / 2)],
    ["'>'.repeat(n)", (n) => '>'.repeat(n)],
    ["'> '.repeat(n/2)", (n) => '> '.repeat(n / 2)],
    ['paragraphs of 256 [', (n) => blocks('['.repeat(MAX_DELIMITERS_PER_BLOCK), n)],
    ['paragraphs of 64 [a](', (n) => blocks('[a]('.repeat(MAX_DELIMITERS_PER_BLOCK / 4), n)],
    ['paragraphs of 256 *a', (n) => blocks('*a'.repeat(MAX_DELIMITERS_PER_BLOCK), n)],
    [
      'list items of 256 *a',
      (n) => blocks(`- ${'*a'.repeat(MAX_DELIMITERS_PER_BLOCK)}`, n).replaceAll('\n\n', '\n'),
    ],
    ['one paragraph, 256 *a spread', (n) => sparseParagraph('*a ', n)],
    ['one paragraph, 256 [a]( spread', (n) => sparseParagraph('[a](', n)],
    ['lines of 32 nested quotes', (n) => `${'> '.repeat(32)}x\n`.repeat(n / 66)],
  ]
  console.log(
    `\ndegenerate Markdown, CPU ms of guard + extraction (news: ${basePerKb.toFixed(2)} ms/KB); ratio = per-character cost ÷ news:`
  )
  for (const [name, make] of shapes) {
    const cells = [50_000, 200_000].map((size) => {
      const text = make(size)
      const { ms, refused } = markdownRequestMs(text)
      const perKb = ms / (text.length / 1000)
      return `${(text.length / 1000).toFixed(0).padStart(4)} K ${ms.toFixed(0).padStart(6)} ms ${(perKb / basePerKb).toFixed(2).padStart(6)}× ${refused ? 'refused ' : 'accepted'}`
    })
    console.log(`  ${name.padEnd(32)} ${cells.join('   ')}`)
  }
}
