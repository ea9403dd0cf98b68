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
import { canEndBefore, canStartAfter, type FoldedText, foldText, matchKey } from './fold'
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
  /** The same occurrences as `find`, in compact form: no object or string per occurrence. */
  spans(text: string): TermSpans
}

/** What an occurrence reports besides where it is: the same for every occurrence of a pattern. */
export type TermKind = Omit<TermMatch, 'start' | 'end' | 'found'>

/**
 * Occurrences as parallel arrays, in text order: what `find` returns, without an object and a
 * string per occurrence (a text of short sentences that each name a term has tens of thousands).
 */
export type TermSpans = {
  readonly count: number
  /** Half-open UTF-16 ranges of the searched text. */
  readonly start: Int32Array
  readonly end: Int32Array
  /** Per occurrence: its index in `kinds`. */
  readonly kind: Int32Array
  readonly kinds: readonly TermKind[]
}

function emptySpans(kinds: readonly TermKind[]): TermSpans {
  const none = new Int32Array(0)
  return { count: 0, start: none, end: none, kind: none, kinds }
}

/** Options of {@link compileMatcher}, for tests and benchmarks. */
export type CompileOptions = {
  /**
   * Largest transition table (states × character classes) stored densely; bigger automata use a
   * sparse table. Default 1,048,576 cells (a few MiB).
   */
  readonly denseLimit?: number
  /** Most entries of the flat chain table (default 262,144); past it the scan follows links. */
  readonly flatChainLimit?: number
}

type Pattern = {
  readonly entry: number
  readonly kind: TermMatch['kind']
  readonly term: string
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
 * An Aho–Corasick automaton over folded keys. Each state that completes a key knows the one
 * pattern it reports (the lowest pattern id with that key: at equal start and end the first
 * pattern wins, so the others can never be chosen) and its key length.
 */
type Automaton = {
  readonly classOf: Int32Array
  readonly step: (state: number, cls: number) => number
  /** Per state: the nearest state on its failure chain (itself included) that completes a key, or -1. */
  readonly report: Int32Array
  /** Per state completing a key: the next state on its failure chain that completes one, or -1. */
  readonly nextReport: Int32Array
  /**
   * The same chains laid out flat, when they fit in `FLAT_CHAIN_LIMIT` entries: per state
   * completing a key, `chainAt[s]` is where its keys (itself, then the shorter keys ending with
   * it) start in `chainDepth`/`chainPattern`, and `chainLength[s]` how many there are.
   */
  readonly flat:
    | {
        readonly chainAt: Int32Array
        readonly chainLength: Int32Array
        readonly chainDepth: Int32Array
        readonly chainPattern: Int32Array
      }
    | undefined
  readonly fail: Int32Array
  /** Per state completing a key: the pattern it reports (-1 for others). */
  readonly pattern: Int32Array
  /** Per state: its depth, i.e. the length of its key in folded units. */
  readonly depth: Int32Array
  /** Longest chain of keys that end one another (see `GLOSSARY_LIMITS.maxNestedTerms`). */
  readonly nested: number
  /** A pattern at the end of that chain (for validation messages), or -1. */
  readonly nestedPattern: number
}

function buildAutomaton(
  keys: readonly string[],
  ids: readonly number[],
  denseLimit: number,
  flatChainLimit = FLAT_CHAIN_LIMIT
): Automaton {
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
  // (first child / next sibling) while building
  const capacity = totalLength + 1
  const rootChild = new Int32Array(width)
  const firstChild = new Int32Array(capacity).fill(-1)
  const nextSibling = new Int32Array(capacity).fill(-1)
  const edgeClass = new Int32Array(capacity)
  const depth = new Int32Array(capacity)
  const pattern = new Int32Array(capacity).fill(-1)
  let stateCount = 1
  // Children are looked up through a map while building, so a state with thousands of children
  // (a CJK glossary: one first character, many second ones) costs no sibling-list walk.
  const edges = new Map<number, number>()
  const childOf = (state: number, cls: number): number => {
    if (state === 0) return rootChild[cls] || -1
    return edges.get(state * width + cls) ?? -1
  }
  keys.forEach((key, i) => {
    let state = 0
    for (let k = 0; k < key.length; k++) {
      const cls = classOf[key.charCodeAt(k)] ?? 0
      let next = childOf(state, cls)
      if (next < 0) {
        next = stateCount++
        edgeClass[next] = cls
        depth[next] = k + 1
        if (state === 0) rootChild[cls] = next
        else edges.set(state * width + cls, next)
        nextSibling[next] = firstChild[state] ?? -1
        firstChild[state] = next
      }
      state = next
    }
    const id = ids[i] ?? 0
    const own = pattern[state] ?? -1
    if (own < 0 || id < own) pattern[state] = id
  })

  // --- failure links (breadth first), output links and nesting depth
  const fail = new Int32Array(stateCount)
  const report = new Int32Array(stateCount).fill(-1)
  const chain = new Int32Array(stateCount)
  const order = new Int32Array(stateCount)
  let queued = 0
  for (let c = firstChild[0] ?? -1; c >= 0; c = nextSibling[c] ?? -1) order[queued++] = c
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
  let nested = 0
  let nestedPattern = -1
  for (let q = 0; q < queued; q++) {
    const s = order[q] ?? 0
    const f = fail[s] ?? 0
    const own = (pattern[s] ?? -1) >= 0
    report[s] = own ? s : (report[f] ?? -1)
    chain[s] = (own ? 1 : 0) + (chain[f] ?? 0)
    if (own && (chain[s] ?? 0) > nested) {
      nested = chain[s] ?? 0
      nestedPattern = pattern[s] ?? -1
    }
  }

  // --- transitions: a complete DFA table when it is small enough, else the trie + failure links
  let step: (state: number, cls: number) => number
  if (stateCount * width <= denseLimit) {
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
    // Failure steps are amortized O(1) per character: each one shortens the current match,
    // which grows by at most one per character.
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
  // The chain walk of `scan` follows these: one load per nested key instead of two.
  const nextReport = new Int32Array(stateCount)
  for (let s = 0; s < stateCount; s++) nextReport[s] = report[fail[s] ?? 0] ?? -1
  const flat = flatChains(pattern, depth, nextReport, chain, stateCount, flatChainLimit)
  return { classOf, step, report, nextReport, flat, fail, pattern, depth, nested, nestedPattern }
}

/**
 * Entries of the flat chain table at most (two 4-byte numbers each): a glossary of thousands of
 * terms nesting a few deep needs a few thousand; past the limit the scan follows the links.
 */
const FLAT_CHAIN_LIMIT = 1 << 18

/**
 * Every key's chain laid out in consecutive entries: walking nested keys (up to 32 per unit of
 * text) then reads adjacent numbers instead of following a link per key.
 */
function flatChains(
  pattern: Int32Array,
  depth: Int32Array,
  nextReport: Int32Array,
  chain: Int32Array,
  stateCount: number,
  limit: number
): Automaton['flat'] {
  let total = 0
  for (let s = 0; s < stateCount; s++) if ((pattern[s] as number) >= 0) total += chain[s] as number
  if (total > limit) return undefined
  const chainAt = new Int32Array(stateCount)
  const chainLength = new Int32Array(stateCount)
  const chainDepth = new Int32Array(total)
  const chainPattern = new Int32Array(total)
  let at = 0
  for (let s = 0; s < stateCount; s++) {
    if ((pattern[s] as number) < 0) continue
    chainAt[s] = at
    for (let t = s; t >= 0; t = nextReport[t] as number) {
      chainDepth[at] = depth[t] as number
      chainPattern[at] = pattern[t] as number
      at++
    }
    chainLength[s] = at - (chainAt[s] as number)
  }
  return { chainAt, chainLength, chainDepth, chainPattern }
}

/**
 * Feeds the candidates of `automaton` in `folded` into `bestEnd`/`bestPattern`, indexed by
 * source offset: for each start, the longest candidate (then the lowest pattern id). Linear:
 * one transition per unit, and at a unit where a term may end, one look per nested key.
 */
function scan(
  automaton: Automaton,
  folded: FoldedText,
  bestEnd: Int32Array,
  bestPattern: Int32Array,
  startsWord: Uint8Array
): void {
  const { classOf, step, report, nextReport, pattern, depth, flat } = automaton
  const { units, starts, ends } = folded
  const n = folded.length
  // `startsWord`: whether a term may start at each unit (0: not asked yet, 1: no, 2: yes). Nested
  // keys ask about the same starts again and again (a 32-deep chain: 32 times per unit), so each
  // unit's answer is worked out once.
  let state = 0
  for (let k = 0; k < n; k++) {
    state = step(state, classOf[units[k] ?? 0] ?? 0)
    let t = report[state] ?? -1
    // The end boundary is the same for every key ending here: test it once.
    if (t < 0 || !canEndBefore(codePointBefore(units, k + 1), codePointAt(units, k + 1, n))) {
      continue
    }
    const end = ends[k] ?? 0
    // Every index below is in range by construction (states, units and offsets of this text), so
    // the loads are plain: these loops run once per nested key per unit.
    if (flat !== undefined) {
      const { chainDepth, chainPattern } = flat
      const last = (flat.chainAt[t] as number) + (flat.chainLength[t] as number)
      for (let i = flat.chainAt[t] as number; i < last; i++) {
        const from = k - (chainDepth[i] as number) + 1
        if (mayStart(units, n, startsWord, from))
          keepLonger(bestEnd, bestPattern, starts[from] as number, end, chainPattern[i] as number)
      }
      continue
    }
    for (; t >= 0; t = nextReport[t] as number) {
      const from = k - (depth[t] as number) + 1
      if (mayStart(units, n, startsWord, from))
        keepLonger(bestEnd, bestPattern, starts[from] as number, end, pattern[t] as number)
    }
  }
}

/** Whether a term may start at folded unit `from`, worked out once per unit (see `scan`). */
function mayStart(units: Uint16Array, n: number, startsWord: Uint8Array, from: number): boolean {
  let may = startsWord[from] as number
  if (may === 0) {
    may = canStartAfter(codePointBefore(units, from), codePointAt(units, from, n)) ? 2 : 1
    startsWord[from] = may
  }
  return may === 2
}

/** Records a candidate `[start, end)` of pattern `pid` if it beats the one known at `start`. */
function keepLonger(
  bestEnd: Int32Array,
  bestPattern: Int32Array,
  start: number,
  end: number,
  pid: number
): void {
  const known = bestEnd[start] as number
  if (end > known || (end === known && pid < (bestPattern[start] as number))) {
    bestEnd[start] = end
    bestPattern[start] = pid
  }
}

/**
 * The buffers of one scan, sized by the text and kept for the next one: fresh buffers of a few
 * megabytes cost page faults on every request, more than the scan over them. Scans are
 * synchronous and never re-entered, so one set serves every call; buffers for texts longer than
 * `KEPT_UNITS` are not kept.
 */
class ScanBuffers {
  /** Zeroed over the first `length + 1` entries by `scanBuffers(length)`. */
  readonly bestEnd: Int32Array
  readonly bestPattern: Int32Array
  private startsWordBuffer: Uint8Array
  /** The last folding's buffers, for the next one to write into. */
  fold: Omit<FoldedText, 'length'> | undefined

  constructor(readonly capacity: number) {
    this.bestEnd = new Int32Array(capacity)
    this.bestPattern = new Int32Array(capacity)
    this.startsWordBuffer = new Uint8Array(capacity)
  }

  /** `scan`'s memo of start boundaries, zeroed over `units + 1` entries. */
  startsWord(units: number): Uint8Array {
    if (this.startsWordBuffer.length < units + 1) this.startsWordBuffer = new Uint8Array(units + 1)
    return this.startsWordBuffer.fill(0, 0, units + 1)
  }
}

/** Texts up to this long keep their scan buffers (the API takes 200,000 characters; benches 500,000). */
const KEPT_UNITS = 1 << 19
let keptScan: ScanBuffers | undefined

function scanBuffers(length: number): ScanBuffers {
  const kept = keptScan
  if (kept !== undefined && kept.capacity >= length + 1) {
    kept.bestEnd.fill(0, 0, length + 1)
    kept.bestPattern.fill(0, 0, length + 1)
    return kept
  }
  const fresh = new ScanBuffers(length + 1)
  keptScan = length <= KEPT_UNITS ? fresh : undefined
  return fresh
}

/** How deeply the terms of one compiled column nest (for validation). */
export type Nesting = {
  /** Most keys that end one another, over the case-insensitive and case-sensitive terms. */
  readonly depth: number
  /** An (entry, term) at the end of the deepest chain. */
  readonly entry: number
  readonly term: string
}

/**
 * Compiles the terms of `glossary` in `language` into a matcher. Prefer {@link matcherFor},
 * which caches the result per glossary version and column.
 *
 * @param language - BCP 47 code of the texts to search; the column is picked by
 *   `resolveColumn` (exact code, then same primary language).
 */
export function compileMatcher(
  glossary: Glossary,
  language: string,
  options: CompileOptions = {}
): TermMatcher & { readonly nesting: Nesting } {
  const column = resolveColumn(glossary.languages, language)
  const patterns: Pattern[] = []
  // Case-insensitive terms are matched in lowercased folded text, `case` terms in folded text
  // that keeps case: two automata, so a thousand casings of one word cost no more than one.
  const foldedKeys: string[] = []
  const foldedIds: number[] = []
  const casedKeys: string[] = []
  const casedIds: number[] = []
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
      const key = matchKey(term, !caseSensitive)
      if (key === '' || seen.has(key)) return
      seen.add(key)
      ;(caseSensitive ? casedIds : foldedIds).push(patterns.length)
      ;(caseSensitive ? casedKeys : foldedKeys).push(key)
      patterns.push({ entry: index, kind, term })
    }
    add(terms.preferred, 'preferred')
    for (const t of terms.variants) add(t, 'variant')
    for (const t of terms.forms) add(t, 'preferred')
    for (const t of terms.forbidden) add(t, 'forbidden')
  })
  const limit = options.denseLimit ?? DEFAULT_DENSE_LIMIT
  const chains = options.flatChainLimit
  const folded =
    foldedKeys.length > 0 ? buildAutomaton(foldedKeys, foldedIds, limit, chains) : undefined
  const cased =
    casedKeys.length > 0 ? buildAutomaton(casedKeys, casedIds, limit, chains) : undefined
  const deepest = [folded, cased].reduce<Automaton | undefined>(
    (a, b) => (b !== undefined && (a === undefined || b.nested > a.nested) ? b : a),
    undefined
  )
  const deepestPattern = patterns[deepest?.nestedPattern ?? -1]
  const nesting: Nesting = {
    depth: deepest?.nested ?? 0,
    entry: deepestPattern?.entry ?? -1,
    term: deepestPattern?.term ?? '',
  }

  // What each pattern reports, shared by all its occurrences.
  const kinds: TermKind[] = patterns.map((p) => ({
    entry: p.entry,
    concept: concepts[p.entry] ?? '',
    preferred: preferred[p.entry] ?? '',
    kind: p.kind,
    term: p.term,
  }))

  function spans(text: string): TermSpans {
    if (patterns.length === 0 || text === '') return emptySpans(kinds)
    const nfc = toNfc(text)
    const source = nfc.text
    // For each source offset: the end of the longest candidate starting there (0: none) and
    // its pattern. Leftmost-longest selection is then one pass, with no sorting.
    const buffers = scanBuffers(source.length)
    const { bestEnd, bestPattern } = buffers
    if (folded !== undefined) {
      const text = foldText(source, true, buffers.fold)
      scan(folded, text, bestEnd, bestPattern, buffers.startsWord(text.length))
      buffers.fold = text
    }
    if (cased !== undefined) {
      const text = foldText(source, false, buffers.fold)
      scan(cased, text, bestEnd, bestPattern, buffers.startsWord(text.length))
      buffers.fold = text
    }
    let count = 0
    for (let at = 0; at < source.length; at++) {
      const to = bestEnd[at] ?? 0
      if (to === 0) continue
      count++
      at = to - 1
    }
    const start = new Int32Array(count)
    const end = new Int32Array(count)
    const kind = new Int32Array(count)
    let k = 0
    for (let at = 0; at < source.length; at++) {
      const to = bestEnd[at] ?? 0
      if (to === 0) continue
      start[k] = nfc.toOriginal(at)
      end[k] = nfc.toOriginal(to)
      kind[k] = bestPattern[at] ?? 0
      k++
      at = to - 1
    }
    return { count, start, end, kind, kinds }
  }

  function find(text: string): TermMatch[] {
    const found = spans(text)
    const matches: TermMatch[] = []
    // The last text found per pattern: a term repeats with the same spelling, and reusing that
    // string spares a copy per occurrence (text of many short sentences has one every few units).
    const lastFound: (string | undefined)[] = []
    for (let k = 0; k < found.count; k++) {
      const pid = found.kind[k] as number
      const p = kinds[pid] as TermKind
      const start = found.start[k] as number
      const end = found.end[k] as number
      let slice = lastFound[pid]
      if (slice === undefined || slice.length !== end - start || !text.startsWith(slice, start)) {
        slice = text.slice(start, end)
        lastFound[pid] = slice
      }
      matches.push({
        entry: p.entry,
        concept: p.concept,
        start,
        end,
        found: slice,
        preferred: p.preferred,
        kind: p.kind,
        term: p.term,
      })
    }
    return matches
  }

  return { language, column, patternCount: patterns.length, find, spans, nesting }
}

const CACHE_SIZE = 32
const cache = new Map<string, TermMatcher>()

/**
 * The matcher for `glossary` in `language`, compiled once and cached per glossary content and
 * column (a small LRU: glossaries are few, texts are many). The key holds only what the
 * automaton depends on — the version (a hash of the content) and the resolved column — so
 * rotating language tags that resolve to the same column cannot evict anything.
 */
export function matcherFor(glossary: Glossary, language: string): TermMatcher {
  const column = resolveColumn(glossary.languages, language)
  // Without a column only `dnt` entries can match, and their terms do not depend on the tag.
  const key = `${glossary.version}\u0000${glossary.id}\u0000${column ?? '\u0000'}`
  let matcher = cache.get(key)
  if (matcher !== undefined) {
    cache.delete(key)
  } else {
    matcher = compileMatcher(glossary, column ?? language)
    if (cache.size >= CACHE_SIZE) {
      const oldest = cache.keys().next().value
      if (oldest !== undefined) cache.delete(oldest)
    }
  }
  cache.set(key, matcher)
  return matcher.language === language ? matcher : { ...matcher, language }
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

/** {@link findTerms} in compact form (see {@link TermSpans}). */
export function findTermSpans(glossary: Glossary, text: string, language: string): TermSpans {
  return matcherFor(glossary, language).spans(text)
}
