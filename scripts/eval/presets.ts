/**
 * The publishing presets' budget check over an eval set: every article summarized with `meta`,
 * `social`, `keyPoints` and `standfirst`, each summary checked against its budget and rules.
 * Prints counts; asserts nothing.
 */
import { isBalanced, MIN_KEY_POINTS, PRESET_NAMES, summaryItems } from '../../src/summarize/presets'
import { ELLIPSIS, renderSummary, summarize } from '../../src/summarize/summarize'
import { postLength } from '../../src/text/post-length'
import { countWords } from '../../src/text/words'
import type { EvalArticle } from './run'

export type PresetCheck = {
  readonly articles: number
  /** Articles whose preset summary kept its budget and rules (the count, by preset). */
  readonly kept: Readonly<Record<(typeof PRESET_NAMES)[number], number>>
  readonly meta: { readonly whole: number; readonly cut: number; readonly empty: number }
  /** Articles with fewer than MIN_KEY_POINTS key points (too few short sentences). */
  readonly fewKeyPoints: number
  /** Articles where meta's sentences are not all in social (neither one cut). */
  readonly unnested: number
}

export function checkPresets(articles: readonly EvalArticle[]): PresetCheck {
  const kept = { meta: 0, social: 0, keyPoints: 0, standfirst: 0 }
  const meta = { whole: 0, cut: 0, empty: 0 }
  let fewKeyPoints = 0
  let unnested = 0
  for (const a of articles) {
    const { summaries } = summarize(a.text, {
      language: a.lang,
      title: a.title,
      lengths: [...PRESET_NAMES],
    })
    const [m, s, k, f] = summaries
    if (m === undefined || s === undefined || k === undefined || f === undefined) continue
    const bare = (t: string) => (t.endsWith(ELLIPSIS) ? t.slice(0, -ELLIPSIS.length) : t)
    const metaText = renderSummary(a.text, m)
    if (metaText.length <= 160 && isBalanced(bare(metaText))) kept.meta++
    if (m.sentences.length === 0) meta.empty++
    else if (m.truncated) meta.cut++
    else meta.whole++
    const socialText = renderSummary(a.text, s)
    if (postLength(socialText) <= 280 && isBalanced(bare(socialText))) kept.social++
    const items = summaryItems(a.text, k)
    const indexes = k.sentences.map((x) => x.index)
    if (
      items.length <= 5 &&
      items.every((item) => countWords(item, a.lang) <= 35) &&
      indexes.every((i, n) => n === 0 || i > (indexes[n - 1] as number)) &&
      new Set(items).size === items.length
    )
      kept.keyPoints++
    if (items.length < MIN_KEY_POINTS) fewKeyPoints++
    if (f.sentences.length <= 2 && countWords(renderSummary(a.text, f), a.lang) <= 50)
      kept.standfirst++
    if (!m.truncated && !s.truncated) {
      const inSocial = new Set(s.sentences.map((x) => x.index))
      if (!m.sentences.every((x) => inSocial.has(x.index))) unnested++
    }
  }
  return { articles: articles.length, kept, meta, fewKeyPoints, unnested }
}

/** One line for the eval output. */
export function presetsLine(check: PresetCheck): string {
  const n = check.articles
  const { kept, meta } = check
  return `presets budget check (${n} articles): ${[
    `meta ≤160 chars, no dangling quote ${kept.meta}/${n} (whole ${meta.whole}, cut ${meta.cut}, empty ${meta.empty})`,
    `social ≤280 X-weighted ${kept.social}/${n}`,
    `keyPoints ≤5 × ≤35 words, in order ${kept.keyPoints}/${n} (fewer than 3: ${check.fewKeyPoints})`,
    `standfirst ≤2 sentences ≤50 words ${kept.standfirst}/${n}`,
    `meta ⊄ social ${check.unnested}`,
  ].join(' · ')}`
}
