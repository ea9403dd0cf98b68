/**
 * Placeholders that protect invariable terms during machine translation.
 *
 * The measured winner on Apertium (translation-notes §A5) is a capitalised, letters-only nonce
 * word: `Zq` + a fixed-length lowercase code (`Zqaa`, `Zqab`, …). Engines treat it as an unknown
 * proper noun, so it keeps its slot and the words around it stay grammatical. No digits (engines
 * split at them), no punctuation (delimiters get torn apart), fixed length (no `T1` ⊂ `T10`
 * prefix clash on restore). A code is never used when it occurs anywhere in the input or in a
 * term it will be replaced with, compared case-insensitively, so restoring can never touch text
 * the author wrote.
 *
 * @module
 */
import { isWordCharAt } from './text'

/** Two-letter prefixes, tried in order; all start with a capital and are unlike real words. */
const PREFIXES = ['Zq', 'Qz', 'Zx', 'Xq', 'Qx', 'Jq', 'Qj', 'Vq', 'Qv', 'Kq'] as const
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/** A set of placeholders for one text. */
export type PlaceholderSet = {
  /** The placeholders, in allocation order (all the same length). */
  readonly codes: readonly string[]
  /** The prefixes in use (to scan engine output for stray codes). */
  readonly prefixes: readonly string[]
  /** Length of every code. */
  readonly length: number
}

/**
 * Allocates `count` placeholders that do not occur in any of `avoid` (case-insensitive).
 *
 * Deterministic: the same input gives the same placeholders, so engine requests (and their
 * caches) are stable.
 */
export function allocatePlaceholders(count: number, avoid: readonly string[]): PlaceholderSet {
  if (count <= 0) return { codes: [], prefixes: [], length: 0 }
  const corpus = avoid.join('\u0000').toLowerCase()
  for (let size = 2; ; size++) {
    const capacity = LETTERS.length ** size
    const codes: string[] = []
    const prefixes: string[] = []
    for (const prefix of PREFIXES) {
      const taken = takenSuffixes(corpus, prefix.toLowerCase(), size)
      if (capacity - taken.size <= 0) continue
      prefixes.push(prefix)
      for (let n = 0; n < capacity && codes.length < count; n++) {
        const suffix = suffixFor(n, size)
        if (!taken.has(suffix)) codes.push(prefix + suffix)
      }
      if (codes.length === count) return { codes, prefixes, length: prefix.length + size }
    }
  }
}

/** Every `size`-letter tail that follows `prefix` in the corpus (possibly shorter at the end). */
function takenSuffixes(corpus: string, prefix: string, size: number): Set<string> {
  const taken = new Set<string>()
  for (let at = corpus.indexOf(prefix); at >= 0; at = corpus.indexOf(prefix, at + 1)) {
    // A tail never runs into the next string of the corpus.
    const tail =
      corpus.slice(at + prefix.length, at + prefix.length + size).split('\u0000')[0] ?? ''
    // A shorter tail at the end of a string could still be completed by the engine's output
    // next to it; reserve every code it starts.
    if (tail.length < size) {
      for (let n = 0; n < LETTERS.length ** size; n++) {
        const suffix = suffixFor(n, size)
        if (suffix.startsWith(tail)) taken.add(suffix)
      }
    } else {
      taken.add(tail)
    }
  }
  return taken
}

function suffixFor(n: number, size: number): string {
  let out = ''
  let rest = n
  for (let i = 0; i < size; i++) {
    out = LETTERS[rest % LETTERS.length] + out
    rest = Math.floor(rest / LETTERS.length)
  }
  return out
}

/** Markers Apertium glues to words it could not handle (`*` unknown, `@` generation, `#` inflection). */
const ENGINE_MARKS = new Set(['*', '@', '#'])

/** How a placeholder came back from the engine. */
export type PlaceholderCheck =
  | { readonly ok: true; readonly start: number; readonly end: number }
  | { readonly ok: false; readonly reason: 'lost' | 'duplicated' | 'glued' }

/**
 * Locates `code` in engine output: it must appear exactly once, not glued to a letter or digit
 * (`Zqabha`). One engine mark right before it is tolerated and included in the returned span, so
 * restoring removes it.
 */
export function checkPlaceholder(output: string, code: string): PlaceholderCheck {
  const first = output.indexOf(code)
  if (first < 0) return { ok: false, reason: 'lost' }
  if (output.indexOf(code, first + 1) >= 0) return { ok: false, reason: 'duplicated' }
  let start = first
  const end = first + code.length
  if (start > 0 && ENGINE_MARKS.has(output[start - 1] ?? '')) start--
  if (isWordCharAt(output, start - 1) || isWordCharAt(output, end)) {
    return { ok: false, reason: 'glued' }
  }
  return { ok: true, start, end }
}

/**
 * Codes from `set` that occur in `output` although they do not belong to it (`own`): an engine
 * that moved a placeholder across segments. Scans only at the prefixes in use.
 */
export function strayPlaceholders(
  output: string,
  set: PlaceholderSet,
  all: ReadonlySet<string>,
  own: ReadonlySet<string>
): string[] {
  const stray: string[] = []
  for (const prefix of set.prefixes) {
    for (let at = output.indexOf(prefix); at >= 0; at = output.indexOf(prefix, at + 1)) {
      const candidate = output.slice(at, at + set.length)
      if (all.has(candidate) && !own.has(candidate)) stray.push(candidate)
    }
  }
  return stray
}
