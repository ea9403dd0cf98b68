/**
 * Publishing presets: summaries in the shapes newsrooms publish, beside `short`/`medium`/`long`.
 *
 * - `meta`: a meta description, ≤ 160 characters; whole sentences when one fits, else the best
 *   sentence cut at a word boundary with "…"; never a dangling quotation mark or bracket.
 * - `social`: a post, ≤ 280 as X counts it (`postLength`: URLs 23, CJK and emoji 2).
 * - `keyPoints`: up to 5 points, each one sentence of ≤ 35 words, chosen for coverage with the
 *   usual redundancy penalty, in article order (`summaryItems` gives them as a list).
 * - `standfirst`: the opening of the story, 1–2 sentences and ≤ 50 words.
 *
 * They are extractive like the other lengths and share their nesting (each is grown from the
 * smaller summaries of the same request when those fit), except `standfirst`, which follows the
 * article's order rather than the ranking and so stays out of the nesting chain.
 *
 * @module
 */
import { postLength } from '../text/post-length'
import type { Budget } from './lengths'

export type PresetName = 'meta' | 'social' | 'keyPoints' | 'standfirst'

export const PRESET_NAMES: readonly PresetName[] = ['meta', 'social', 'keyPoints', 'standfirst']

/** The budgets of the presets (see the module comment). */
export const PRESET_LENGTHS: Readonly<Record<PresetName, Budget>> = {
  meta: { characters: 160, balanced: true },
  social: { characters: 280, characterCount: 'post', balanced: true },
  // 5 × 35 words: the word limit never binds before the sentence limit; it is there so that a
  // sentence too long to be a point can never slip in through the seed of a smaller summary.
  keyPoints: { sentences: 5, words: 175, sentenceWords: 35 },
  standfirst: { sentences: 2, words: 50, opening: true },
}

/** The fewest key points a `keyPoints` summary should have when the article has enough. */
export const MIN_KEY_POINTS = 3

/** `characters` as the budget counts them: UTF-16 units, or X's weighted post length. */
export function measureCharacters(budget: Budget, text: string): number {
  return budget.characterCount === 'post' ? postLength(text) : text.length
}

/** `true` when the budget counts or filters sentences beyond words and UTF-16 characters. */
export function hasSentenceRules(budget: Budget): boolean {
  return (
    budget.characterCount === 'post' ||
    budget.sentenceWords !== undefined ||
    budget.balanced === true
  )
}

/** Quotation marks and brackets that open, by the mark that closes them. */
const CLOSERS = new Map<number, number>([
  [0x28, 0x29], // ( )
  [0x5b, 0x5d], // [ ]
  [0x7b, 0x7d], // { }
  [0xab, 0xbb], // « »
  [0x2039, 0x203a], // ‹ ›
  [0x201c, 0x201d], // “ ”
  [0x2018, 0x2019], // ‘ ’
  [0x201e, 0x201c], // „ “ (German)
  [0x300c, 0x300d], // 「 」
  [0x300e, 0x300f], // 『 』
  [0xff08, 0xff09], // （ ）
  [0x3010, 0x3011], // 【 】
  [0x300a, 0x300b], // 《 》
])
const CLOSING = new Set(CLOSERS.values())

/**
 * `true` when every quotation mark and bracket opened in `text` is closed in it, in order.
 * Straight double quotes pair up among themselves; a closing mark with nothing open is fine
 * (’ is also the apostrophe, and a sentence may close a quote opened before it). "“" closes a
 * German „ when one is open, and opens otherwise.
 */
export function isBalanced(text: string): boolean {
  const open: number[] = []
  let straight = false
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k)
    if (code === 0x22) {
      straight = !straight
      continue
    }
    const top = open[open.length - 1]
    if (top !== undefined && CLOSERS.get(top) === code) {
      open.pop()
      continue
    }
    if (CLOSERS.has(code)) open.push(code)
    else if (CLOSING.has(code)) {
      // A closer that matches something deeper closes it and what was left open inside.
      const at = open.findLastIndex((o) => CLOSERS.get(o) === code)
      if (at >= 0) open.length = at
    }
  }
  return open.length === 0 && !straight
}

/**
 * The sizes of every sentence under `budget`, and which sentences it may use: `characters` in
 * the budget's count, and the sentence rules (`sentenceWords`, `balanced`). A sentence the budget
 * may not use is marked 0 in `eligible`.
 */
export function budgetedSizes(
  budget: Budget,
  base: { readonly words: ArrayLike<number>; readonly chars: ArrayLike<number> },
  sentenceText: (i: number) => string,
  selectable: Uint8Array
): { words: ArrayLike<number>; chars: ArrayLike<number>; eligible: Uint8Array } {
  const n = selectable.length
  const eligible = Uint8Array.from(selectable)
  const post = budget.characterCount === 'post'
  const chars = post ? new Int32Array(n) : base.chars
  for (let i = 0; i < n; i++) {
    if (selectable[i] !== 1) continue
    const shown = post || budget.balanced ? sentenceText(i) : ''
    if (post) (chars as Int32Array)[i] = postLength(shown)
    if (budget.sentenceWords !== undefined && (base.words[i] as number) > budget.sentenceWords)
      eligible[i] = 0
    if (budget.balanced && !isBalanced(shown)) eligible[i] = 0
  }
  return { words: base.words, chars, eligible }
}

/**
 * The opening of the story for an `opening` budget: the first selectable sentences, in order,
 * while they fit; stops at the first one that does not (a standfirst is never a later sentence
 * standing in for one that is too long). Empty when the first does not fit alone.
 */
export function openingSelection(
  selectable: Uint8Array,
  sizes: { readonly words: ArrayLike<number>; readonly chars: ArrayLike<number> },
  separatorLength: (i: number) => number,
  budget: Budget
): number[] {
  const maxSentences = budget.sentences ?? Number.POSITIVE_INFINITY
  const maxWords = budget.words ?? Number.POSITIVE_INFINITY
  const maxChars = budget.characters ?? Number.POSITIVE_INFINITY
  const picked: number[] = []
  let words = 0
  let chars = 0
  for (let i = 0; i < selectable.length && picked.length < maxSentences; i++) {
    if (selectable[i] !== 1) continue
    const last = picked[picked.length - 1]
    const addedChars = (sizes.chars[i] as number) + (last === undefined ? 0 : separatorLength(last))
    if (words + (sizes.words[i] as number) > maxWords || chars + addedChars > maxChars) break
    words += sizes.words[i] as number
    chars += addedChars
    picked.push(i)
  }
  return picked
}

/**
 * A summary's sentences as list items (for `keyPoints`): each sentence as the reader sees it,
 * in article order; a cut sentence keeps its "…".
 */
export function summaryItems(
  source: string,
  selection: {
    readonly truncated: boolean
    readonly sentences: readonly { readonly offset: number; readonly length: number }[]
  },
  display?: (offset: number, length: number) => string
): string[] {
  const items = selection.sentences.map((s) =>
    display ? display(s.offset, s.length) : source.slice(s.offset, s.offset + s.length)
  )
  if (selection.truncated && items.length > 0) items[items.length - 1] += '…'
  return items
}
