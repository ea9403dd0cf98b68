import { detectLanguage } from '../../src/langid/detect'
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
    const t = throughput(() => detectLanguage(article.text))
    console.log(
      `detect ~${target} words (${article.id}, ${wordCount(article.text)} words): ${fmt(t.cpu)} detections/s (cpu), ${fmt(t.wall)}/s (wall)`
    )
  }
}
