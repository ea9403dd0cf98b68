/**
 * Summary lengths: the named presets and how a request's lengths become budgets.
 *
 * @module
 */
import { PRESET_LENGTHS, type PresetName } from './presets'

/** A budget. Every limit that is set must hold; at least one is set. */
export type Budget = {
  /** Maximum number of sentences. */
  readonly sentences?: number
  /** Maximum number of words (as counted by `countWords`). */
  readonly words?: number
  /** Maximum `text.length` of the summary (UTF-16 units), e.g. 160 for a meta description. */
  readonly characters?: number
  /**
   * How `characters` are counted: UTF-16 units (`text.length`, the default) or `post`, the
   * weighted length X gives a post (see `postLength`).
   */
  readonly characterCount?: 'utf16' | 'post'
  /** Most words of any one sentence (a longer sentence is never chosen whole). */
  readonly sentenceWords?: number
  /** No dangling quotation mark or bracket: unbalanced sentences are skipped, cuts stop before one. */
  readonly balanced?: boolean
  /** The opening sentences of the story in order (a standfirst), not the best-ranked ones. */
  readonly opening?: boolean
}

/** A length as the caller asks for it. */
export type LengthRequest = 'short' | 'medium' | 'long' | ({ readonly name?: string } & Budget)

/** A length as the summarizer takes it: a named length, a publishing preset or a budget. */
export type SummaryLength = LengthRequest | PresetName

/** A resolved length: a name plus its budget. */
export type Length = { readonly name: string; readonly budget: Budget }

/**
 * Named lengths, chosen for news:
 * - `short`: one sentence of at most 60 words — a teaser or standfirst.
 * - `medium`: up to 3 sentences and 120 words — the classic news summary (what Lead-3 gives).
 * - `long`: up to 7 sentences and 250 words — a digest of the whole story.
 *
 * They are nested: every sentence of `short` is in `medium`, every one of `medium` in `long`.
 * The publishing presets (`meta`, `social`, `keyPoints`, `standfirst`) follow; see `presets.ts`.
 */
export const NAMED_LENGTHS: Readonly<Record<'short' | 'medium' | 'long' | PresetName, Budget>> = {
  short: { sentences: 1, words: 60 },
  medium: { sentences: 3, words: 120 },
  long: { sentences: 7, words: 250 },
  ...PRESET_LENGTHS,
}

export const DEFAULT_LENGTHS: readonly LengthRequest[] = ['short', 'medium', 'long']

/** Resolves a request's lengths to names and budgets, in request order. */
export function resolveLengths(requests: readonly SummaryLength[]): Length[] {
  return requests.map((request) => {
    if (typeof request === 'string') return { name: request, budget: NAMED_LENGTHS[request] }
    const budget: Budget = {
      ...(request.sentences !== undefined ? { sentences: request.sentences } : {}),
      ...(request.words !== undefined ? { words: request.words } : {}),
      ...(request.characters !== undefined ? { characters: request.characters } : {}),
    }
    return { name: request.name ?? defaultName(budget), budget }
  })
}

/** `sentences:3`, `words:50`, `characters:160`, or combinations such as `sentences:3,words:60`. */
function defaultName(budget: Budget): string {
  const parts: string[] = []
  if (budget.sentences !== undefined) parts.push(`sentences:${budget.sentences}`)
  if (budget.words !== undefined) parts.push(`words:${budget.words}`)
  if (budget.characters !== undefined) parts.push(`characters:${budget.characters}`)
  return parts.join(',')
}

/**
 * A rough size of a budget in characters, used only to order lengths from smallest to largest so
 * that each summary can be grown from the previous one (which keeps them nested).
 */
export function budgetSize(budget: Budget): number {
  const sizes = [
    budget.characters ?? Number.POSITIVE_INFINITY,
    budget.words !== undefined ? budget.words * 6.5 : Number.POSITIVE_INFINITY,
    budget.sentences !== undefined ? budget.sentences * 140 : Number.POSITIVE_INFINITY,
  ]
  return Math.min(...sizes)
}
