/**
 * Finds glossary terms in a text: literal multi-pattern matching with an Aho–Corasick automaton
 * over folded text (see `fold.ts`). No regular expression is ever built from a term, so a
 * glossary cannot make matching slow (ReDoS); the scan is linear in the text length plus the
 * number of candidate occurrences.
 *
 * Rules, in order:
 * - Text and terms are compared folded: NFC, case-insensitive unless the entry has the `case`
 *   flag, apostrophes (’ ʼ ' ′ ‘) alike, ё = е, any run of whitespace or line breaks as one
 *   space, invisible characters (zero-width space, soft hyphen…) ignored.
 * - A match must start and end on word boundaries: no `Xian` inside `Xianyang`. Apostrophes and
 *   hyphens are boundaries, so `Xi’an's` and `Kremlin’s` match the term without the `'s`, and
 *   `l'OTAN` matches `OTAN`. In scripts written without spaces (Chinese, Japanese, Thai…) every
 *   position is a boundary; Korean terms may be followed by particles (`서울에서`).
 * - Leftmost match first; at one position the longest term wins; matches never overlap.
 *
 * Offsets are UTF-16 code units into the text as given (not its NFC form).
 *
 * @module
 */
import { toNfc } from '../text/normalize'
import { canEndBefore, canStartAfter, foldText, matchKey } from './fold'
import { resolveColumn } from './languages'
import { conceptName, entryTermsIn } from './model'
import type { Glossary, TermMatch } from './types'

/** A compiled glossary for one language. */
export type TermMatcher = {
  /** The language asked for. */
  readonly language: string
  /** The glossary column used (`undefined`: no column; only `dnt` entries can match). */
  readonly column: string | undefined
  /** Number of distinct (entry, term) patterns. */
  readonly patternCount: number
  /**
   * Every glossary term in `text`: leftmost-longest, non-overlapping, in text order.
   * `match.found === text.slice(match.start, match.end)` always holds.
   */
  find(text: string): TermMatch[]
}

/** Options of {@link compileMatcher}, for tests and benchmarks. */
export type CompileOptions = {
  /**
   * Largest transition table (states × character classes) stored densely; bigger automata use a
   * sparse table. Default 1,048,576 cells (a few MiB).
   */
  readonly denseLimit?: number
}

type Pattern = {
  readonly entry: number
  readonly kind: TermMatch['kind']
  readonly term: string
  /** Length of the folded key in UTF-16 units. */
  readonly length: number
  /** The key folded without lowercasing, for `case` entries. */
  readonly cased: string | undefined
}

const DEFAULT_DENSE_LIMIT = 1 << 20

function codePointBefore(units: Uint16Array, k: number): number {
  if (k <= 0) return -1
  const u = units[k - 1] ?? 0
  if (u >= 0xdc00 && u <= 0xdfff && k >= 2) {
    const h = units[k - 2] ?? 0
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (u - 0xdc00) + 0x10000
  }
  return u
}

function codePointAt(units: Uint16Array, k: number, length: number): number {
  if (k >= length) return -1
  const u = units[k] ?? 0
  if (u >= 0xd800 && u <= 0xdbff && k + 1 < length) {
    const l = units[k + 1] ?? 0
    if (l >= 0xdc00 && l <= 0xdfff) return (u - 0xd800) * 0x400 + (l - 0xdc00) + 0x10000
  }
  return u
}

/**
 * Compiles the terms of `glossary` in `language` into a matcher. Prefer {@link matcherFor},
 * which caches the result per glossary version and language.
 *
 * @param language - BCP 47 code of the texts to search; the column is picked by
 *   `resolveColumn` (exact code, then same primary language).
 */
export function compileMatcher(
  glossary: Glossary,
  language: string,
  options: CompileOptions = {}
): TermMatcher {
  const column = resolveColumn(glossary.languages, language)
  const patterns: Pattern[] = []
  const keys: string[] = []
  const concepts: string[] = []
  const preferred: string[] = []
  glossary.entries.forEach((entry, index) => {
    concepts.push(conceptName(glossary, entry))
    const terms = entryTermsIn(glossary, entry, column ?? language)
    preferred.push(terms?.preferred ?? '')
    if (terms === undefined) return
    const caseSensitive = entry.flags.includes('case')
    const seen = new Set<string>()
    const add = (term: string, kind: TermMatch['kind']): void => {
      const key = matchKey(term, true)
      const cased = caseSensitive ? matchKey(term, false) : undefined
      const dedupe = `${key}\u0000${cased ?? ''}`
      if (key === '' || seen.has(dedupe)) return
      seen.add(dedupe)
      patterns.push({ entry: index, kind, term, length: key.length, cased })
      keys.push(key)
    }
    add(terms.preferred, 'preferred')
    for (const t of terms.variants) add(t, 'variant')
    for (const t of terms.forms) add(t, 'preferred')
    for (const t of terms.forbidden) add(t, 'forbidden')
  })

  // --- character classes: every code unit used by a key gets a small dense number
  const classOf = new Int32Array(0x10000)
  let classCount = 0
  let totalLength = 0
  for (const key of keys) {
    totalLength += key.length
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i)
      if (classOf[unit] === 0) classOf[unit] = ++classCount
    }
  }
  const width = classCount + 1

  // --- trie in typed arrays: the root's children in a dense row, other states as sibling lists
  // (first child / next sibling), which needs no per-state allocation
  const capacity = totalLength + 1
  const rootChild = new Int32Array(width)
  const firstChild = new Int32Array(capacity).fill(-1)
  const nextSibling = new Int32Array(capacity).fill(-1)
  const edgeClass = new Int32Array(capacity)
  const ownHead = new Int32Array(capacity).fill(-1)
  const ownNext = new Int32Array(patterns.length).fill(-1)
  let stateCount = 1
  const childOf = (state: number, cls: number): number => {
    if (state === 0) return rootChild[cls] || -1
    for (let c = firstChild[state] ?? -1; c >= 0; c = nextSibling[c] ?? -1) {
      if (edgeClass[c] === cls) return c
    }
    return -1
  }
  keys.forEach((key, pid) => {
    let state = 0
    for (let i = 0; i < key.length; i++) {
      const cls = classOf[key.charCodeAt(i)] ?? 0
      let next = childOf(state, cls)
      if (next < 0) {
        next = stateCount++
        edgeClass[next] = cls
        if (state === 0) rootChild[cls] = next
        else {
          nextSibling[next] = firstChild[state] ?? -1
          firstChild[state] = next
        }
      }
      state = next
    }
    ownNext[pid] = ownHead[state] ?? -1
    ownHead[state] = pid
  })

  // --- failure links (breadth first) and output links
  const fail = new Int32Array(stateCount)
  const report = new Int32Array(stateCount).fill(-1)
  const order = new Int32Array(stateCount)
  let queued = 0
  for (let cls = 1; cls < width; cls++) {
    const child = rootChild[cls] ?? 0
    if (child > 0) order[queued++] = child
  }
  for (let q = 0; q < queued; q++) {
    const s = order[q] ?? 0
    for (let c = firstChild[s] ?? -1; c >= 0; c = nextSibling[c] ?? -1) {
      const cls = edgeClass[c] ?? 0
      let f = fail[s] ?? 0
      let target = childOf(f, cls)
      while (target < 0 && f !== 0) {
        f = fail[f] ?? 0
        target = childOf(f, cls)
      }
      fail[c] = Math.max(target, 0)
      order[queued++] = c
    }
  }
  for (let q = 0; q < queued; q++) {
    const s = order[q] ?? 0
    report[s] = (ownHead[s] ?? -1) >= 0 ? s : (report[fail[s] ?? 0] ?? -1)
  }

  // --- transitions: a complete DFA table when it is small enough, else the trie + failure links
  const limit = options.denseLimit ?? DEFAULT_DENSE_LIMIT
  let step: (state: number, cls: number) => number
  if (stateCount * width <= limit) {
    const delta =
      stateCount < 0x10000
        ? new Uint16Array(stateCount * width)
        : new Int32Array(stateCount * width)
    for (let cls = 1; cls < width; cls++) delta[cls] = rootChild[cls] ?? 0
    for (let q = 0; q < queued; q++) {
      const s = order[q] ?? 0
      // A state's row is its failure state's row (final already: breadth-first order) with its
      // own edges on top.
      const base = s * width
      const fallback = (fail[s] ?? 0) * width
      delta.copyWithin(base, fallback, fallback + width)
      for (let c = firstChild[s] ?? -1; c >= 0; c = nextSibling[c] ?? -1) {
        delta[base + (edgeClass[c] ?? 0)] = c
      }
    }
    step = (state, cls) => delta[state * width + cls] ?? 0
  } else {
    step = (state, cls) => {
      let s = state
      for (;;) {
        const next = childOf(s, cls)
        if (next >= 0) return next
        if (s === 0) return 0
        s = fail[s] ?? 0
      }
    }
  }

  function find(text: string): TermMatch[] {
    if (patterns.length === 0 || text === '') return []
    const nfc = toNfc(text)
    const folded = foldText(nfc.text, true)
    const { units, starts, ends } = folded
    const n = folded.length
    // candidates as parallel arrays: start unit, end unit (exclusive), pattern id
    const candStart: number[] = []
    const candEnd: number[] = []
    const candPattern: number[] = []
    let state = 0
    for (let k = 0; k < n; k++) {
      state = step(state, classOf[units[k] ?? 0] ?? 0)
      let t = report[state] ?? -1
      while (t >= 0) {
        for (let pid = ownHead[t] ?? -1; pid >= 0; pid = ownNext[pid] ?? -1) {
          const p = patterns[pid] as Pattern
          const from = k - p.length + 1
          if (
            !canStartAfter(codePointBefore(units, from), codePointAt(units, from, n)) ||
            !canEndBefore(codePointBefore(units, k + 1), codePointAt(units, k + 1, n))
          ) {
            continue
          }
          if (
            p.cased !== undefined &&
            matchKey(nfc.text.slice(starts[from], ends[k]), false) !== p.cased
          ) {
            continue
          }
          candStart.push(from)
          candEnd.push(k + 1)
          candPattern.push(pid)
        }
        t = report[fail[t] ?? 0] ?? -1
      }
    }
    if (candStart.length === 0) return []
    const byPosition = candStart.map((_, i) => i)
    byPosition.sort(
      (a, b) =>
        (candStart[a] ?? 0) - (candStart[b] ?? 0) ||
        (candEnd[b] ?? 0) - (candEnd[a] ?? 0) ||
        (candPattern[a] ?? 0) - (candPattern[b] ?? 0)
    )
    const matches: TermMatch[] = []
    let taken = 0
    for (const i of byPosition) {
      const from = candStart[i] ?? 0
      if (from < taken) continue
      const to = candEnd[i] ?? 0
      taken = to
      const p = patterns[candPattern[i] ?? 0] as Pattern
      const start = nfc.toOriginal(starts[from] ?? 0)
      const end = nfc.toOriginal(ends[to - 1] ?? 0)
      matches.push({
        entry: p.entry,
        concept: concepts[p.entry] ?? '',
        start,
        end,
        found: text.slice(start, end),
        preferred: preferred[p.entry] ?? '',
        kind: p.kind,
        term: p.term,
      })
    }
    return matches
  }

  return { language, column, patternCount: patterns.length, find }
}

const CACHE_SIZE = 32
const cache = new Map<string, TermMatcher>()

/**
 * The matcher for `glossary` in `language`, compiled once and cached per glossary version and
 * language (a small LRU: glossaries are few, texts are many).
 */
export function matcherFor(glossary: Glossary, language: string): TermMatcher {
  const key = `${glossary.version}\u0000${glossary.id}\u0000${language}`
  const hit = cache.get(key)
  if (hit !== undefined) {
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const matcher = compileMatcher(glossary, language)
  cache.set(key, matcher)
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value
    if (oldest !== undefined) cache.delete(oldest)
  }
  return matcher
}

/**
 * Every term of `glossary` in `text` (a text in `language`), leftmost-longest and
 * non-overlapping, with UTF-16 offsets into `text`.
 *
 * @example
 * findTerms(glossary, 'Leaders met in Xian.', 'en')
 * // [{ concept: 'xi-an', found: 'Xian', start: 15, end: 19, preferred: "Xi'an", kind: 'variant', … }]
 */
export function findTerms(glossary: Glossary, text: string, language: string): TermMatch[] {
  return matcherFor(glossary, language).find(text)
}
