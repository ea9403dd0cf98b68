import { describe, expect, it } from 'vitest'
import { monthPeriod } from './period'
import { decide, rateLimitPolicy } from './rate-limit'
import { countersFromRows, emptyCounters, totalCharacters, usageReport } from './usage'

describe('usage', () => {
  it('sums rows per operation and counts characters only where they are metered', () => {
    const c = countersFromRows([
      { operation: 'detect', requests: 3, characters: 900 },
      { operation: 'summarize', requests: 2, characters: 5000 },
      { operation: 'summarize', requests: 1, characters: 10 },
      { operation: 'translate', requests: 1, characters: 42 },
      { operation: 'bogus', requests: 7, characters: 7 },
    ])
    expect(c).toEqual({
      requests: { detect: 3, summarize: 3, translate: 1 },
      characters: { summarize: 5010, translate: 42 },
    })
    expect(totalCharacters(c)).toBe(5052)
    expect(totalCharacters(emptyCounters())).toBe(0)
  })

  it('reports the period and the limits', () => {
    const r = usageReport(monthPeriod(new Date('2026-12-02T10:00:00Z')), emptyCounters(), 1000)
    expect(r.period).toEqual({ start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' })
    expect(r.limits).toEqual({ monthlyCharacters: 1000 })
  })
})

describe('rate-limit decision', () => {
  const limit = { requests: 5, period: 60 }
  it('admits while the window has room', () => {
    expect(decide(limit, 4, 0, 1000)).toEqual({ allowed: true })
  })
  it('refuses when full, with Retry-After rounded up and at least 1 s', () => {
    expect(decide(limit, 5, 61_001, 1_000)).toEqual({ allowed: false, retryAfterSeconds: 61 })
    expect(decide(limit, 5, 1_000, 1_000)).toEqual({ allowed: false, retryAfterSeconds: 1 })
  })
  it('formats RateLimit-Policy', () => {
    expect(rateLimitPolicy('key', limit)).toBe('"key";q=5;w=60')
  })
})
