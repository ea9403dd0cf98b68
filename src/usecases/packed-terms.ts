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
  const kinds: Kind[] = []
  // Kinds by entry: an entry has a handful (its terms × preferred/variant/forbidden), so a short
  // scan beats hashing a composite key per occurrence.
  const byEntry = new Map<number, number[]>()
  const at: number[] = []
  let previousEnd = 0
  for (const m of matches) {
    let candidates = byEntry.get(m.entry)
    if (candidates === undefined) {
      candidates = []
      byEntry.set(m.entry, candidates)
    }
    let k = candidates.find((i) => {
      const c = kinds[i] as Kind
      return (
        c.kind === m.kind &&
        c.term === m.term &&
        c.concept === m.concept &&
        c.preferred === m.preferred
      )
    })
    if (k === undefined) {
      k = kinds.length
      kinds.push({
        entry: m.entry,
        concept: m.concept,
        preferred: m.preferred,
        kind: m.kind,
        ...(m.term !== undefined ? { term: m.term } : {}),
      })
      candidates.push(k)
    }
    at.push(k, m.start - previousEnd, m.end - m.start)
    previousEnd = m.end
  }
  return { kinds, at }
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
