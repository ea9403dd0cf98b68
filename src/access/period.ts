/**
 * Usage periods: calendar months in UTC.
 *
 * @module
 */

/** One calendar month: `key` is `YYYY-MM`; `start` inclusive, `end` exclusive (ISO 8601). */
export type MonthPeriod = { readonly key: string; readonly start: string; readonly end: string }

/**
 * The UTC calendar month containing `at`.
 *
 * @example
 * monthPeriod(new Date('2026-12-31T23:59:59Z'))
 * // { key: '2026-12', start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' }
 */
export function monthPeriod(at: Date): MonthPeriod {
  const year = at.getUTCFullYear()
  const month = at.getUTCMonth()
  const start = new Date(Date.UTC(year, month, 1))
  const end = new Date(Date.UTC(year, month + 1, 1))
  return {
    key: `${year.toString().padStart(4, '0')}-${(month + 1).toString().padStart(2, '0')}`,
    start: start.toISOString(),
    end: end.toISOString(),
  }
}

/** @returns whether `key` has the form `YYYY-MM` with a month 01–12. */
export function isMonthKey(key: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(key)
}

/** The period of a `YYYY-MM` key (as produced by {@link monthPeriod}). */
export function periodOfMonthKey(key: string): MonthPeriod {
  const [y, m] = key.split('-').map(Number)
  return monthPeriod(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)))
}
