import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { isMonthKey, monthPeriod, periodOfMonthKey } from './period'

describe('month periods (UTC)', () => {
  it('covers the month, including December rolling into the next year', () => {
    expect(monthPeriod(new Date('2026-12-31T23:59:59.999Z'))).toEqual({
      key: '2026-12',
      start: '2026-12-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    })
    expect(monthPeriod(new Date('2028-02-29T12:00:00Z')).end).toBe('2028-03-01T00:00:00.000Z')
  })

  it('uses UTC, not the local day: 2026-01-01T00:30+02:00 is still December', () => {
    expect(monthPeriod(new Date('2026-01-01T00:30:00+02:00')).key).toBe('2025-12')
  })

  test.prop([
    fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
  ])('every instant lies in [start, end) of its period, and the key round-trips', (at) => {
    const p = monthPeriod(at)
    expect(Date.parse(p.start) <= at.getTime() && at.getTime() < Date.parse(p.end)).toBe(true)
    expect(isMonthKey(p.key)).toBe(true)
    expect(periodOfMonthKey(p.key)).toEqual(p)
  })

  it('validates month keys', () => {
    expect(isMonthKey('2026-13')).toBe(false)
    expect(isMonthKey('2026-1')).toBe(false)
    expect(isMonthKey('2026-00')).toBe(false)
  })
})
