/**
 * Glossary occurrences in the compact form they are cached in.
 *
 * A cached summary must keep every occurrence (the response lists them in `terms`, and the
 * summaries show variants replaced by preferred terms), but not as one object per occurrence: at
 * ~130 bytes each, a 524 KB text of short sentences that each name a term stored an 8 MB value
 * (issue #14). Packed, what an occurrence shares with others of the same term — entry, concept,
 * preferred term, kind, glossary term — is written once in `kinds`, and each occurrence is three
 * small numbers in `at`: its index in `kinds`, the gap since the previous occurrence ended, and
 * its length. `found` is not stored: it is the input's slice, and the cache key covers the input.
 *
 * @module
 */
import { z } from 'zod'
import type { TermSpans } from '../glossary/match'
import type { TermMatch } from '../glossary/types'

type Kind = Omit<TermMatch, 'start' | 'end' | 'found'>

export type PackedTerms = {
  readonly kinds: readonly Kind[]
  /** Triples: index into `kinds`, gap from the previous occurrence's end, length. */
  readonly at: readonly number[]
}

const KindSchema = z.object({
  entry: z.number().int(),
  concept: z.string(),
  preferred: z.string(),
  kind: z.enum(['preferred', 'variant', 'forbidden']),
  term: z.string().optional(),
})

/** The stored shape; refuses triples that point outside `kinds` or go backwards. */
export const PackedTermsSchema: z.ZodType<PackedTerms> = z
  .object({
    kinds: z.array(KindSchema),
    at: z.array(z.number().int().nonnegative()),
  })
  .refine(
    (p) => {
      if (p.at.length % 3 !== 0) return false
      for (let i = 0; i < p.at.length; i += 3) {
        if ((p.at[i] as number) >= p.kinds.length || (p.at[i + 2] as number) < 1) return false
      }
      return true
    },
    { message: 'inconsistent packed terms' }
  )

/** Packs occurrences (in text order, non-overlapping, as `findTerms` returns them). */
export function packTerms(matches: readonly TermMatch[]): PackedTerms {
  const kinds = kindTable()
  const at: number[] = []
  let previousEnd = 0
  for (const m of matches) {
    at.push(kinds.indexOf(m), m.start - previousEnd, m.end - m.start)
    previousEnd = m.end
  }
  return { kinds: kinds.list, at }
}

/**
 * Packs the compact occurrences of `findTermSpans`: the value `packTerms` gives for the
 * `findTerms` of the same text, without an object per occurrence on the way.
 */
export function packTermSpans(spans: TermSpans): PackedTerms {
  const kinds = kindTable()
  // Each pattern's kind is looked up once.
  const byPattern = new Int32Array(spans.kinds.length).fill(-1)
  // Sized once: growing an array of 3 numbers per occurrence by pushes copied it at each doubling.
  const at = new Array<number>(3 * spans.count)
  let previousEnd = 0
  for (let k = 0; k < spans.count; k++) {
    const pattern = spans.kind[k] as number
    let index = byPattern[pattern] as number
    if (index < 0) {
      index = kinds.indexOf(spans.kinds[pattern] as Kind)
      byPattern[pattern] = index
    }
    const start = spans.start[k] as number
    const end = spans.end[k] as number
    at[3 * k] = index
    at[3 * k + 1] = start - previousEnd
    at[3 * k + 2] = end - start
    previousEnd = end
  }
  return { kinds: kinds.list, at }
}

/** The distinct kinds met so far, in order of first occurrence. */
function kindTable(): { list: Kind[]; indexOf(kind: Kind): number } {
  const list: Kind[] = []
  // Kinds by entry: an entry has a handful (its terms × preferred/variant/forbidden), so a short
  // scan beats hashing a composite key per occurrence.
  const byEntry = new Map<number, number[]>()
  return {
    list,
    indexOf(m) {
      let candidates = byEntry.get(m.entry)
      if (candidates === undefined) {
        candidates = []
        byEntry.set(m.entry, candidates)
      }
      let k = candidates.find((i) => {
        const c = list[i] as Kind
        return (
          c.kind === m.kind &&
          c.term === m.term &&
          c.concept === m.concept &&
          c.preferred === m.preferred
        )
      })
      if (k === undefined) {
        k = list.length
        list.push({
          entry: m.entry,
          concept: m.concept,
          preferred: m.preferred,
          kind: m.kind,
          ...(m.term !== undefined ? { term: m.term } : {}),
        })
        candidates.push(k)
      }
      return k
    },
  }
}

/** The occurrences again in compact form (for displaying sentences without an object per occurrence). */
export function spansOfPacked(packed: PackedTerms): TermSpans {
  const count = Math.floor(packed.at.length / 3)
  const start = new Int32Array(count)
  const end = new Int32Array(count)
  const kind = new Int32Array(count)
  let previousEnd = 0
  for (let k = 0; k < count; k++) {
    kind[k] = packed.at[3 * k] as number
    start[k] = previousEnd + (packed.at[3 * k + 1] as number)
    end[k] = (start[k] as number) + (packed.at[3 * k + 2] as number)
    previousEnd = end[k] as number
  }
  return { count, start, end, kind, kinds: packed.kinds }
}

/** The occurrences again, `found` sliced from `text` (the text they were found in). */
export function unpackTerms(text: string, packed: PackedTerms): TermMatch[] {
  const out: TermMatch[] = []
  let end = 0
  for (let i = 0; i + 2 < packed.at.length; i += 3) {
    const kind = packed.kinds[packed.at[i] as number] as Kind
    const start = end + (packed.at[i + 1] as number)
    end = start + (packed.at[i + 2] as number)
    const found = text.slice(start, end)
    // Written out rather than spread: one object shape for every occurrence.
    out.push(
      kind.term === undefined
        ? {
            entry: kind.entry,
            concept: kind.concept,
            start,
            end,
            found,
            preferred: kind.preferred,
            kind: kind.kind,
          }
        : {
            entry: kind.entry,
            concept: kind.concept,
            start,
            end,
            found,
            preferred: kind.preferred,
            kind: kind.kind,
            term: kind.term,
          }
    )
  }
  return out
}
