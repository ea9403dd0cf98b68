import { describe, expect, it } from 'vitest'
import { admissionFor } from './admission'
import type { Caller } from './authenticate'
import { buildKeyRecord } from './record'

const key = (extra: {
  rateLimit?: { requests: number; period: number }
  monthlyCharacters?: number
}): Caller => ({
  kind: 'key',
  tenant: 'acme',
  record: buildKeyRecord(
    { tenant: 'acme', name: 'k', kind: 'secret', scopes: ['summarize'], ...extra },
    { id: '0123456789abcdef', createdAt: new Date(0) }
  ),
})

describe('admission', () => {
  it('checks nothing for a key without limits, but meters its operations', () => {
    expect(admissionFor(key({}), 'summarize', 100, 0)).toEqual({
      meter: 'acme',
      policy: 'key',
      check: null,
      metered: true,
    })
    expect(admissionFor(key({}), null, 0, 0).metered).toBe(false)
  })

  it('reserves characters only for character-metered operations of keys with a quota', () => {
    const k = key({ monthlyCharacters: 1000, rateLimit: { requests: 5, period: 60 } })
    expect(admissionFor(k, 'translate', 40, 0).check).toEqual({
      key: '0123456789abcdef',
      rateLimit: { requests: 5, period: 60 },
      quota: { monthlyCharacters: 1000, operation: 'translate', characters: 40 },
    })
    expect(admissionFor(k, 'detect', 40, 0).check?.quota).toBeNull()
    expect(admissionFor(key({ monthlyCharacters: 1000 }), 'detect', 40, 0).check).toBeNull()
  })

  it('limits anonymous callers per address only when ANON_RATE_LIMIT is set', () => {
    const anon: Caller = { kind: 'anonymous', tenant: 'default', address: '198.51.100.1' }
    expect(admissionFor(anon, 'summarize', 10, 0).check).toBeNull()
    expect(admissionFor(anon, 'summarize', 10, 30)).toEqual({
      meter: 'anon:198.51.100.1',
      policy: 'anonymous',
      check: { key: '198.51.100.1', rateLimit: { requests: 30, period: 60 }, quota: null },
      metered: false,
    })
    expect(
      admissionFor({ kind: 'operator', tenant: 'default' }, 'translate', 9, 30).check
    ).toBeNull()
  })
})
