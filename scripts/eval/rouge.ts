/**
 * ROUGE for the eval script, with the tokenization of ../shared/eval/rouge-harness.mjs so that
 * figures are comparable: NFKC, lowercase, maximal runs of letters/digits, each CJK character
 * a token of its own, no stemming. F1 is reported ×100 by the caller.
 */

/** Han, Kana and Hangul: split per character. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u
const SEPARATORS = /[^\p{L}\p{N}]+/u

/** ROUGE tokens of a string. */
export function rougeTokens(text: string): string[] {
  const out: string[] = []
  for (const piece of text.normalize('NFKC').toLowerCase().split(SEPARATORS)) {
    if (piece === '') continue
    if (CJK.test(piece)) out.push(...piece)
    else out.push(piece)
  }
  return out
}

export type Prf = { readonly p: number; readonly r: number; readonly f: number }

function prf(hits: number, candidateSize: number, referenceSize: number): Prf {
  const p = candidateSize > 0 ? hits / candidateSize : 0
  const r = referenceSize > 0 ? hits / referenceSize : 0
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 }
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join('\u0000')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** ROUGE-N: clipped n-gram overlap of candidate and reference token sequences. */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): Prf {
  const c = ngrams(candidate, n)
  const r = ngrams(reference, n)
  let hits = 0
  let total = 0
  for (const [gram, count] of r) {
    total += count
    hits += Math.min(count, c.get(gram) ?? 0)
  }
  let candidateTotal = 0
  for (const count of c.values()) candidateTotal += count
  return prf(hits, candidateTotal, total)
}

/**
 * Positions of `a` that belong to one longest common subsequence with `b`, using the usual
 * backtrack of ROUGE-1.5.5 / rouge-score (diagonal on a match, else towards the larger cell,
 * preferring to drop from `a` on a tie).
 */
function lcsPositions(a: readonly string[], b: readonly string[]): number[] {
  const cols = b.length + 1
  const table = new Uint16Array((a.length + 1) * cols)
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i * cols + j] =
        a[i - 1] === b[j - 1]
          ? (table[(i - 1) * cols + j - 1] as number) + 1
          : Math.max(table[(i - 1) * cols + j] as number, table[i * cols + j - 1] as number)
    }
  }
  const positions: number[] = []
  let i = a.length
  let j = b.length
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      positions.push(i - 1)
      i--
      j--
    } else if ((table[i * cols + j - 1] as number) > (table[(i - 1) * cols + j] as number)) j--
    else i--
  }
  return positions.reverse()
}

/**
 * ROUGE-Lsum (summary-level LCS, Lin 2004 §3.2): for every reference sentence, the union of its
 * LCS positions with each candidate sentence, with hits clipped by token counts.
 */
export function rougeLsum(
  candidate: readonly (readonly string[])[],
  reference: readonly (readonly string[])[]
): Prf {
  const candidateSize = candidate.reduce((n, s) => n + s.length, 0)
  const referenceSize = reference.reduce((n, s) => n + s.length, 0)
  if (candidateSize === 0 || referenceSize === 0) return { p: 0, r: 0, f: 0 }
  const left = (sentences: readonly (readonly string[])[]): Map<string, number> => {
    const m = new Map<string, number>()
    for (const s of sentences) for (const t of s) m.set(t, (m.get(t) ?? 0) + 1)
    return m
  }
  const candidateLeft = left(candidate)
  const referenceLeft = left(reference)
  let hits = 0
  for (const r of reference) {
    const union = new Set<number>()
    for (const c of candidate) for (const p of lcsPositions(r, c)) union.add(p)
    for (const p of [...union].sort((x, y) => x - y)) {
      const token = r[p] as string
      const inCandidate = candidateLeft.get(token) ?? 0
      const inReference = referenceLeft.get(token) ?? 0
      if (inCandidate > 0 && inReference > 0) {
        hits++
        candidateLeft.set(token, inCandidate - 1)
        referenceLeft.set(token, inReference - 1)
      }
    }
  }
  return prf(hits, candidateSize, referenceSize)
}

/**
 * Keeps whole sentences while they fit `maxWords` ROUGE tokens and cuts the first one that
 * overflows after its last fitting token (ROUGE rewards length: this compares at equal length).
 */
export function cutToWords(sentences: readonly string[], maxWords: number): string[] {
  const out: string[] = []
  let used = 0
  for (const sentence of sentences) {
    const size = rougeTokens(sentence).length
    if (used + size <= maxWords) {
      out.push(sentence)
      used += size
      continue
    }
    const room = maxWords - used
    if (room > 0) {
      let seen = 0
      let cut = sentence.length
      for (const m of sentence.matchAll(/[\p{L}\p{N}]+/gu)) {
        if (++seen === room) {
          cut = (m.index ?? 0) + m[0].length
          break
        }
      }
      out.push(sentence.slice(0, cut))
    }
    break
  }
  return out
}

export type RougeScores = {
  readonly r1: Prf
  readonly r2: Prf
  readonly rLsum: Prf
  readonly words: number
}

/** ROUGE-1, -2 and -Lsum of candidate sentences against reference sentences. */
export function scoreSummary(
  candidate: readonly string[],
  reference: readonly string[],
  withLsum = true
): RougeScores {
  const c = rougeTokens(candidate.join(' '))
  const r = rougeTokens(reference.join(' '))
  return {
    r1: rougeN(c, r, 1),
    r2: rougeN(c, r, 2),
    rLsum: withLsum
      ? rougeLsum(
          candidate.map(rougeTokens).filter((s) => s.length > 0),
          reference.map(rougeTokens).filter((s) => s.length > 0)
        )
      : { p: 0, r: 0, f: 0 },
    words: c.length,
  }
}
