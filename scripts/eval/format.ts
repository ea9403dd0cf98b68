/**
 * `npm run eval -- --format html|markdown`: the summarizer on each dev article wrapped in a news
 * page or a Markdown post (scripts/eval/page.ts), read as the service reads markup
 * (`readContent`, headings blanked, the page's `h1`/`#` as title), beside the plain article:
 * ROUGE of both and the share of articles whose two summaries pick the same sentences.
 */
import { readContent, summaryText } from '../../src/content/index'
import { summarize } from '../../src/summarize/summarize'
import { htmlPage, markdownPage } from './page'
import {
  type EvalSystem,
  evaluate,
  type PreparedArticle,
  type SentenceSetting,
  sentenceCount,
} from './run'
import { precis } from './systems'

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim()

/** Précis on the article as markup; returns the plain text of the chosen sentences. */
export const precisOn = (format: 'html' | 'markdown'): EvalSystem => ({
  name: format === 'html' ? 'Précis (HTML page)' : 'Précis (Markdown post)',
  run: (article, k) => {
    const source = format === 'html' ? htmlPage(article) : markdownPage(article)
    const content = readContent(source, format)
    const text = summaryText(content)
    const result = summarize(text, {
      language: article.lang,
      ...(content.title !== undefined ? { title: content.title } : {}),
      lengths: [{ sentences: k }],
    })
    return (result.summaries[0]?.sentences ?? []).map((s) =>
      content.text.slice(s.offset, s.offset + s.length)
    )
  },
})

export function runFormatComparison(
  bySource: ReadonlyMap<string, readonly PreparedArticle[]>,
  settings: (source: string) => readonly SentenceSetting[],
  format: 'html' | 'markdown' = 'html'
): void {
  const plain = precis()
  const marked = precisOn(format)
  const label = format === 'html' ? 'HTML' : 'Markdown'
  console.log(`\n## ${label} ${format === 'html' ? 'page' : 'post'} vs plain text (Précis)\n`)
  console.log(
    `| source | sentences | R-1 plain | R-1 ${label} | R-2 plain | R-2 ${label} | identical picks |`
  )
  console.log('|---|---|---|---|---|---|---|')
  let same = 0
  let total = 0
  let maxGap = 0
  for (const [source, list] of bySource) {
    for (const setting of settings(source)) {
      const a = evaluate(plain, list, setting, { lsum: false, cut: false })
      const b = evaluate(marked, list, setting, { lsum: false, cut: false })
      let identical = 0
      for (const article of list) {
        const k = sentenceCount(article, setting)
        const x = plain.run(article, k).map(collapse)
        const y = marked.run(article, k).map(collapse)
        if (x.length === y.length && x.every((s, i) => s === y[i])) identical++
      }
      same += identical
      total += list.length
      maxGap = Math.max(maxGap, Math.abs(a.r1 - b.r1), Math.abs(a.r2 - b.r2))
      console.log(
        `| ${source} | ${setting} | ${a.r1.toFixed(2)} | ${b.r1.toFixed(2)} | ${a.r2.toFixed(2)} | ${b.r2.toFixed(2)} | ${identical}/${list.length} |`
      )
    }
  }
  console.log(
    `\nformat ${format}: identical picks ${same}/${total} (${((100 * same) / Math.max(1, total)).toFixed(1)} %), largest ROUGE gap ${maxGap.toFixed(2)} (target ≤ 0.1)`
  )
}
