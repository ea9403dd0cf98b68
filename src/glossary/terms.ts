/**
 * What the API does with matches: the `terms` report of `/v1/summarize`, preferred-term
 * rendering of summary text, and the terminology check of `POST /v1/glossaries/{id}/check`.
 *
 * @module
 */
import { findTerms, type TermKind, type TermSpans } from './match'
import type { Glossary, TermMatch } from './types'

/** One glossary occurrence in a summarized text (the `terms` array of `/v1/summarize`). */
export type TermOccurrence = {
  readonly concept: string
  readonly preferred: string
  readonly found: string
  /** UTF-16 offset into the submitted text. */
  readonly offset: number
  readonly length: number
}

/** Maps matches to the `terms` report of `/v1/summarize` (every occurrence, in text order). */
export function termOccurrences(matches: readonly TermMatch[]): TermOccurrence[] {
  return matches.map((m) => ({
    concept: m.concept,
    preferred: m.preferred,
    found: m.found,
    offset: m.start,
    length: m.end - m.start,
  }))
}

/**
 * `true` when `text` has more than one cased letter and all of them are capitals.
 *
 * Every displayed sentence asks this of its matches, so the scripts without case that make up
 * most CJK and Korean text are skipped by code unit; everything else is decided per code point
 * by the case mappings themselves.
 */
export function isAllCaps(text: string): boolean {
  let letters = 0
  for (let k = 0; k < text.length; k++) {
    const unit = text.charCodeAt(k)
    if (unit < 0x80) {
      if (unit >= 0x61 && unit <= 0x7a) return false
      if (unit >= 0x41 && unit <= 0x5a) letters++
      continue
    }
    if (isCaseless(unit)) continue
    const point = text.codePointAt(k) as number
    if (point > 0xffff) k++
    const c = String.fromCodePoint(point)
    const upper = c.toUpperCase()
    if (c.toLowerCase() !== upper) {
      if (c !== upper) return false
      letters++
    }
  }
  return letters > 1
}

/** Code units of blocks without case: CJK punctuation, kana, ideographs, Hangul syllables. */
function isCaseless(unit: number): boolean {
  return (
    (unit >= 0x3000 && unit <= 0x30ff) ||
    (unit >= 0x3400 && unit <= 0x9fff) ||
    (unit >= 0xac00 && unit <= 0xd7a3)
  )
}

/**
 * How a match is written in output: the preferred term, in capitals when the text shouts
 * (`XIAN` in a headline → `XI'AN`) unless the glossary term itself is written in capitals (an
 * acronym such as `NATO` says nothing about the text's style).
 */
function rendering(match: TermMatch): string {
  return renderedTerm(match.found, match.term, match.preferred)
}

function renderedTerm(found: string, term: string | undefined, preferred: string): string {
  if (isAllCaps(found) && !isAllCaps(term ?? found)) return preferred.toUpperCase()
  return preferred
}

/**
 * Rewrites variants and forbidden terms in `text` with the preferred term; preferred terms and
 * inflected forms are kept exactly as written (including the writer's apostrophe style).
 *
 * `text` may be a slice of the text the matches were found in: `offset` is where the slice
 * starts, and matches outside the slice (or crossing its ends) are left alone. That lets a
 * summary render each selected sentence from the article's matches.
 *
 * @param text - the text (or slice) to rewrite.
 * @param matches - matches from {@link findTerms}, in text order, offsets in the whole text.
 * @param offset - offset of `text` within the text the matches point into.
 * @example
 * const matches = findTerms(glossary, article, 'en')
 * const sentence = replaceWithPreferred(article.slice(s.offset, s.offset + s.length), matches, s.offset)
 */
export function replaceWithPreferred(
  text: string,
  matches: readonly TermMatch[],
  offset = 0
): string {
  let out = ''
  let at = 0
  const end = offset + text.length
  // A summary displays every sentence of an article against the article's matches: starting
  // at the slice's first match (bisection) rather than walking every match keeps that linear.
  const sorted = inStartOrder(matches)
  for (let i = sorted ? firstStartingAt(matches, offset) : 0; i < matches.length; i++) {
    const m = matches[i] as TermMatch
    if (sorted && m.start >= end) break
    if (m.kind === 'preferred' || m.start < offset + at || m.end > end) continue
    const from = m.start - offset
    // Only rewrite when the slice still shows what was matched (guards against stale offsets).
    // In place: `m.end` is within the slice here, so this is `text.slice(from, …) === m.found`.
    if (m.end - m.start !== m.found.length || !text.startsWith(m.found, from)) continue
    out += text.slice(at, from) + rendering(m)
    at = m.end - offset
  }
  return at === 0 ? text : out + text.slice(at)
}

/**
 * A sentence display for a summary of `text`: `display(offset, length)` is
 * `replaceWithPreferred(text.slice(offset, offset + length), matches, offset)` for the matches
 * `spans` holds, computed from the compact form. `undefined` when no occurrence would be
 * rewritten.
 *
 * @param write - how a preferred term is written (the caller's typography), asked once per kind;
 *   the glossary's spelling when absent.
 */
export function preferredDisplay(
  text: string,
  spans: TermSpans,
  write?: (preferred: string) => string
): ((offset: number, length: number) => string) | undefined {
  const { count, start, end, kind, kinds } = spans
  let rewrites = false
  for (let k = 0; k < count && !rewrites; k++) {
    rewrites = (kinds[kind[k] as number] as TermKind).kind !== 'preferred'
  }
  if (!rewrites) return undefined
  const written: (string | undefined)[] = []
  return (offset, length) => {
    const to = offset + length
    // The first occurrence starting at or after `offset` (occurrences are in text order).
    let lo = 0
    let hi = count
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((start[mid] as number) < offset) lo = mid + 1
      else hi = mid
    }
    let out = ''
    let at = offset
    for (let k = lo; k < count; k++) {
      const from = start[k] as number
      if (from >= to) break
      const until = end[k] as number
      const info = kinds[kind[k] as number] as TermKind
      if (info.kind === 'preferred' || from < at || until > to) continue
      let preferred = written[kind[k] as number]
      if (preferred === undefined) {
        preferred = write ? write(info.preferred) : info.preferred
        written[kind[k] as number] = preferred
      }
      out += text.slice(at, from) + renderedTerm(text.slice(from, until), info.term, preferred)
      at = until
    }
    return at === offset ? text.slice(offset, to) : out + text.slice(at, to)
  }
}

/** Whether each matches array seen is in start order (checked once per array, not per call). */
const startOrder = new WeakMap<readonly TermMatch[], boolean>()

function inStartOrder(matches: readonly TermMatch[]): boolean {
  let sorted = startOrder.get(matches)
  if (sorted === undefined) {
    sorted = true
    for (let i = 1; i < matches.length && sorted; i++) {
      sorted = (matches[i - 1] as TermMatch).start <= (matches[i] as TermMatch).start
    }
    startOrder.set(matches, sorted)
  }
  return sorted
}

/** Index of the first of `matches` (in start order) that starts at or after `offset`. */
function firstStartingAt(matches: readonly TermMatch[], offset: number): number {
  let lo = 0
  let hi = matches.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((matches[mid] as TermMatch).start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** One finding of the terminology check. */
export type TerminologyFinding = {
  /** `variant`: an accepted spelling that is not the preferred one; `forbidden`: must not be used. */
  readonly kind: 'variant' | 'forbidden'
  /** The text as found. */
  readonly term: string
  /** What to write instead. */
  readonly preferred: string
  readonly concept: string
  /** UTF-16 offset into the checked text. */
  readonly offset: number
  readonly length: number
}

/**
 * Terminology QA for editors and translators: every variant and forbidden term in `text`
 * (a text in `language`), in text order. Preferred terms and their inflected forms are fine
 * and not reported.
 */
export function checkTerminology(
  glossary: Glossary,
  text: string,
  language: string
): TerminologyFinding[] {
  const findings: TerminologyFinding[] = []
  for (const m of findTerms(glossary, text, language)) {
    if (m.kind === 'preferred') continue
    findings.push({
      kind: m.kind,
      term: m.found,
      preferred: m.preferred,
      concept: m.concept,
      offset: m.start,
      length: m.end - m.start,
    })
  }
  return findings
}
