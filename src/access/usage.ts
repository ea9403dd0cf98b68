/**
 * Metered operations and the usage document of `GET /v1/usage`.
 *
 * @module
 */
import type { MonthPeriod } from './period'

/** Operations whose requests are counted. */
export const METERED_OPERATIONS = ['detect', 'summarize', 'translate'] as const
export type MeteredOperation = (typeof METERED_OPERATIONS)[number]

/** Operations whose characters are counted (and count against `monthlyCharacters`). */
export const CHARACTER_OPERATIONS = ['summarize', 'translate'] as const
export type CharacterOperation = (typeof CHARACTER_OPERATIONS)[number]

/** @returns whether characters of `op` are metered. */
export function countsCharacters(op: MeteredOperation): op is CharacterOperation {
  return (CHARACTER_OPERATIONS as readonly string[]).includes(op)
}

/** Raw counters of one key (or a whole tenant) in one month. */
export type UsageCounters = {
  readonly requests: Readonly<Record<MeteredOperation, number>>
  readonly characters: Readonly<Record<CharacterOperation, number>>
}

/** The body of `GET /v1/usage`. */
export type UsageReport = {
  readonly period: { readonly start: string; readonly end: string }
  readonly requests: Readonly<Record<MeteredOperation, number>>
  readonly characters: Readonly<Record<CharacterOperation, number>>
  readonly limits: { readonly monthlyCharacters: number | null }
}

/** Counters with every operation at zero. */
export function emptyCounters(): UsageCounters {
  return {
    requests: { detect: 0, summarize: 0, translate: 0 },
    characters: { summarize: 0, translate: 0 },
  }
}

/** Counters from `(operation, requests, characters)` rows; unknown operations are ignored. */
export function countersFromRows(
  rows: Iterable<{ operation: string; requests: number; characters: number }>
): UsageCounters {
  const requests: Record<MeteredOperation, number> = { detect: 0, summarize: 0, translate: 0 }
  const characters: Record<CharacterOperation, number> = { summarize: 0, translate: 0 }
  for (const row of rows) {
    const op = row.operation
    if (!(METERED_OPERATIONS as readonly string[]).includes(op)) continue
    requests[op as MeteredOperation] += row.requests
    if (countsCharacters(op as MeteredOperation))
      characters[op as CharacterOperation] += row.characters
  }
  return { requests, characters }
}

/** The usage document for a period. */
export function usageReport(
  period: MonthPeriod,
  counters: UsageCounters,
  monthlyCharacters: number | null
): UsageReport {
  return {
    period: { start: period.start, end: period.end },
    requests: { ...counters.requests },
    characters: { ...counters.characters },
    limits: { monthlyCharacters },
  }
}

/** Characters used in a month across operations (what `monthlyCharacters` limits). */
export function totalCharacters(counters: UsageCounters): number {
  return CHARACTER_OPERATIONS.reduce((sum, op) => sum + counters.characters[op], 0)
}

/** Characters of `texts` as metered: Unicode code points (what a reader counts as characters). */
export function countCharacters(texts: readonly string[]): number {
  let n = 0
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i)
      // A surrogate pair is one code point.
      if (u >= 0xd800 && u <= 0xdbff) {
        const next = text.charCodeAt(i + 1)
        if (next >= 0xdc00 && next <= 0xdfff) i++
      }
      n++
    }
  }
  return n
}
