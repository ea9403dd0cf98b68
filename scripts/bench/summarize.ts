import { summarize } from '../../src/summarize/summarize'
import {
  type Article,
  articleNear,
  type BenchContext,
  fmt,
  readArticles,
  throughput,
  wordCount,
} from './context'

export async function run(context: BenchContext): Promise<void> {
  if (!context.data) {
    console.log('no article data: pass --data <summarization jsonl>')
    return
  }
  const articles = readArticles(context.data)
  for (const target of [700, 3000]) {
    const article = articleNear(articles, target) as Article
    const t = throughput(() =>
      summarize(article.text, { language: 'en', lengths: ['short', 'medium', 'long'] })
    )
    console.log(
      `summarize ~${target} words (${article.id}, ${wordCount(article.text)} words): ${fmt(t.cpu)} articles/s (cpu), ${fmt(t.wall)}/s (wall)`
    )
  }
}
