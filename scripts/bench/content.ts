import { readFileSync } from 'node:fs'
import { extractHtml } from '../../src/content/html'
import { extractMarkdown } from '../../src/content/markdown'
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
  const fixture = (name: string) =>
    readFileSync(new URL(`../../test/fixtures/markup/${name}`, import.meta.url), 'utf8')
  const html = toHundredKb(fixture('news-page.html'), '\n')
  const markdown = toHundredKb(fixture('news-article.md'), '\n\n')
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
}
