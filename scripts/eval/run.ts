/**
 * The evaluation loop shared by `npm run eval` and its ablation mode: systems × settings ×
 * articles → mean ROUGE F1 per source.
 */
import { readFileSync } from 'node:fs'
import { type SentenceSpan, splitSentences } from '../../src/text/sentences'
import { cutToWords, type RougeScores, rougeTokens, scoreSummary } from './rouge'

/** One article of the eval JSONL (fields of ../shared/eval/README-summarization.md). */
export type EvalArticle = {
  readonly id: string
  readonly lang: string
  readonly source: string
  readonly title: string
  readonly text: string
  readonly reference: string
}

/** An article with what every system needs precomputed once. */
export type PreparedArticle = EvalArticle & {
  readonly spans: readonly SentenceSpan[]
  readonly referenceSentences: readonly string[]
  readonly referenceWords: number
}

/** A summarizer under test: returns the summary's sentences for a sentence budget `k`. */
export type EvalSystem = {
  readonly name: string
  run(article: PreparedArticle, k: number): string[]
}

/** How many sentences to ask for: a number, or as many as the reference has. */
export type SentenceSetting = number | 'ref'

export function readEvalArticles(file: string): EvalArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalArticle)
}

export function prepare(article: EvalArticle): PreparedArticle {
  const referenceSentences = splitSentences(article.reference, article.lang).map((s) =>
    article.reference.slice(s.start, s.end)
  )
  return {
    ...article,
    spans: splitSentences(article.text, article.lang),
    referenceSentences,
    referenceWords: rougeTokens(article.reference).length,
  }
}

export function sentenceCount(article: PreparedArticle, setting: SentenceSetting): number {
  return setting === 'ref' ? Math.max(1, article.referenceSentences.length) : setting
}

/** Mean scores (F1 ×100) of one system at one setting over a set of articles. */
export type Row = {
  readonly r1: number
  readonly r2: number
  readonly rLsum: number
  readonly words: number
  readonly cut: { readonly r1: number; readonly r2: number; readonly rLsum: number }
}

export function evaluate(
  system: EvalSystem,
  articles: readonly PreparedArticle[],
  setting: SentenceSetting,
  options: { readonly lsum?: boolean; readonly cut?: boolean } = {}
): Row {
  const lsum = options.lsum ?? true
  const cut = options.cut ?? true
  const full: RougeScores[] = []
  const cutScores: RougeScores[] = []
  for (const article of articles) {
    const out = system.run(article, sentenceCount(article, setting))
    full.push(scoreSummary(out, article.referenceSentences, lsum))
    if (cut)
      cutScores.push(
        scoreSummary(cutToWords(out, article.referenceWords), article.referenceSentences, lsum)
      )
  }
  const mean = (scores: readonly RougeScores[], pick: (s: RougeScores) => number): number =>
    scores.length === 0 ? 0 : (100 * scores.reduce((a, s) => a + pick(s), 0)) / scores.length
  return {
    r1: mean(full, (s) => s.r1.f),
    r2: mean(full, (s) => s.r2.f),
    rLsum: mean(full, (s) => s.rLsum.f),
    words: mean(full, (s) => s.words) / 100,
    cut: {
      r1: mean(cutScores, (s) => s.r1.f),
      r2: mean(cutScores, (s) => s.r2.f),
      rLsum: mean(cutScores, (s) => s.rLsum.f),
    },
  }
}
