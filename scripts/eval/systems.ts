/** The systems `npm run eval` compares: Lead-k, the TextRank baseline and Précis. */
import type { RankWeights } from '../../src/summarize/rank'
import { createSummarizer, type Summarizer } from '../../src/summarize/summarize'
import type { SentenceSpan } from '../../src/text/sentences'
import type { EvalSystem, PreparedArticle } from './run'
import { textRank } from './textrank'

const sliceOf = (article: PreparedArticle, i: number): string => {
  const span = article.spans[i] as SentenceSpan
  return article.text.slice(span.start, span.end)
}

/** The first k sentences. */
export const lead: EvalSystem = {
  name: 'Lead',
  run: (article, k) => article.spans.slice(0, k).map((_, i) => sliceOf(article, i)),
}

/** Classic TextRank (scripts/eval/textrank.ts). */
export const textRankSystem: EvalSystem = {
  name: 'TextRank',
  run: (article, k) =>
    textRank(article.text, article.spans, k, article.lang).map((i) => sliceOf(article, i)),
}

/**
 * Précis with the given weights, stopwords and per-language overrides (the service's defaults
 * when omitted; `{}` for no per-language overrides).
 */
export function precis(
  weights?: RankWeights,
  name = 'Précis',
  stopwordsOf?: (language: string) => ReadonlySet<string>,
  byLanguage?: Readonly<Record<string, Partial<RankWeights>>>
): EvalSystem {
  const summarize: Summarizer = createSummarizer(weights, stopwordsOf, byLanguage)
  return {
    name,
    run: (article, k) => {
      const result = summarize(article.text, {
        language: article.lang,
        ...(article.title ? { title: article.title } : {}),
        lengths: [{ sentences: k }],
      })
      const selection = result.summaries[0]
      if (selection === undefined) return []
      return selection.sentences.map((s) => article.text.slice(s.offset, s.offset + s.length))
    },
  }
}
