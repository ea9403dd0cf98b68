/**
 * A small, slow, obviously-correct glossary matcher for tests, the evaluation script and the
 * benchmark, standing in for the glossary module's matcher (issue 5) so the translation pipeline
 * can be exercised on its own. Production code never imports it.
 *
 * It matches word sequences: case-insensitive unless the entry has `case`, apostrophes folded,
 * any run of whitespace (line breaks included) between the words of a multi-word term, whole
 * words only (`Xian` is not found in `Xianyang`), an English possessive `'s` left outside the
 * match, longest match first and no overlaps.
 *
 * @module
 */
import type { Glossary, TermMatch } from '../../glossary/types'
import { termsFor } from '../terms'
import type { TermFinder } from '../types'

type Token = { readonly start: number; readonly end: number; readonly key: string }

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu

function fold(text: string, caseless: boolean): string {
  const folded = text.replace(/[’ʼ′]/g, "'")
  return caseless ? folded.toLowerCase() : folded
}

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    key: m[0],
  }))
}

type Pattern = {
  readonly entry: number
  readonly concept: string
  readonly preferred: string
  readonly kind: TermMatch['kind']
  readonly words: readonly string[]
  /** What must stand between consecutive words: `null` = any whitespace run, else literal text. */
  readonly glue: readonly (string | null)[]
  readonly caseless: boolean
  readonly length: number
}

/** Builds a {@link TermFinder} over `glossary`. */
export function naiveTermFinder(glossary: Glossary): TermFinder {
  const byLanguage = new Map<string, Pattern[]>()
  function patterns(language: string): Pattern[] {
    const cached = byLanguage.get(language)
    if (cached) return cached
    const list: Pattern[] = []
    glossary.entries.forEach((entry, index) => {
      const terms = termsFor(entry, language)
      if (!terms) return
      const preferred = terms[0] as string
      const concept =
        entry.id ?? termsFor(entry, glossary.languages[0] ?? language)?.[0] ?? preferred
      const caseless = !entry.flags.includes('case')
      const add = (term: string, kind: TermMatch['kind']) => {
        const ts = tokens(term)
        if (ts.length === 0) return
        const glue: (string | null)[] = []
        for (let i = 1; i < ts.length; i++) {
          const between = term.slice((ts[i - 1] as Token).end, (ts[i] as Token).start)
          glue.push(/^\s+$/u.test(between) ? null : between)
        }
        list.push({
          entry: index,
          concept,
          preferred,
          kind,
          words: ts.map((t) => fold(t.key, caseless)),
          glue,
          caseless,
          length: term.length,
        })
      }
      terms.forEach((term, i) => {
        add(term, i === 0 ? 'preferred' : 'variant')
      })
      for (const term of entry.forbidden[language] ?? []) add(term, 'forbidden')
    })
    list.sort((a, b) => b.length - a.length)
    byLanguage.set(language, list)
    return list
  }

  return (text, language) => {
    const ts = tokens(text)
    const found: TermMatch[] = []
    const taken = new Array<boolean>(ts.length).fill(false)
    for (const pattern of patterns(language)) {
      for (let i = 0; i + pattern.words.length <= ts.length; i++) {
        const end = matchAt(text, ts, i, pattern)
        if (end === undefined) continue
        let free = true
        for (let k = i; k < i + pattern.words.length; k++) if (taken[k]) free = false
        if (!free) continue
        for (let k = i; k < i + pattern.words.length; k++) taken[k] = true
        const start = (ts[i] as Token).start
        found.push({
          entry: pattern.entry,
          concept: pattern.concept,
          start,
          end,
          found: text.slice(start, end),
          preferred: pattern.preferred,
          kind: pattern.kind,
        })
      }
    }
    return found.sort((a, b) => a.start - b.start)
  }
}

/** End offset of `pattern` matched at token `i`, or `undefined`. */
function matchAt(
  text: string,
  ts: readonly Token[],
  i: number,
  pattern: Pattern
): number | undefined {
  let end = 0
  for (let w = 0; w < pattern.words.length; w++) {
    const token = ts[i + w] as Token
    const key = fold(token.key, pattern.caseless)
    const word = pattern.words[w] as string
    const last = w === pattern.words.length - 1
    if (key === word) end = token.end
    else if (last && (key === `${word}'s` || key === `${word}'S`)) end = token.end - 2
    else return undefined
    if (w > 0) {
      const previous = ts[i + w - 1] as Token
      const between = text.slice(previous.end, token.start)
      const glue = pattern.glue[w - 1]
      if (glue === null ? !/^\s+$/u.test(between) : fold(between, true) !== fold(glue ?? '', true))
        return undefined
    }
  }
  return end
}
