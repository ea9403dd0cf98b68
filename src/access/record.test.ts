import { describe, expect, it } from 'vitest'
import { buildKeyRecord, CreateKeySchema, isKeyRecord } from './record'

const issuesOf = (body: unknown) => {
  const r = CreateKeySchema.safeParse(body)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('POST /v1/keys body', () => {
  it('accepts a minimal secret key and a publishable key with origins', () => {
    expect(
      issuesOf({ tenant: 'acme', name: 'cms', kind: 'secret', scopes: ['translate'] })
    ).toEqual([])
    expect(
      issuesOf({
        tenant: 'acme',
        name: 'plugin',
        kind: 'publishable',
        scopes: ['detect', 'summarize'],
        origins: ['https://cms.acme.test'],
        rateLimit: { requests: 5, period: 60 },
        monthlyCharacters: 100_000,
      })
    ).toEqual([])
  })

  it('names the field of each rule a publishable key breaks', () => {
    const issues = issuesOf({
      tenant: 'acme',
      name: 'plugin',
      kind: 'publishable',
      scopes: ['summarize', 'translate'],
    })
    expect(issues.some((i) => i.startsWith('scopes:') && i.includes('translate'))).toBe(true)
    expect(issues.some((i) => i.startsWith('origins:'))).toBe(true)
  })

  it('refuses bad origins by index, unknown fields, repeated scopes and bad tenants', () => {
    expect(
      issuesOf({
        tenant: 'acme',
        name: 'p',
        kind: 'publishable',
        scopes: ['detect'],
        origins: ['https://ok.test', 'https://bad.test/path'],
      })
    ).toEqual([expect.stringMatching(/^origins\.1:/)])
    expect(
      issuesOf({ tenant: 'acme', name: 'k', kind: 'secret', scopes: ['detect'], createdAt: 'x' })
    ).toHaveLength(1)
    expect(
      issuesOf({ tenant: 'acme', name: 'k', kind: 'secret', scopes: ['detect', 'detect'] })
    ).toEqual([expect.stringMatching(/^scopes:/)])
    expect(issuesOf({ tenant: 'Acme', name: 'k', kind: 'secret', scopes: ['detect'] })).toEqual([
      expect.stringMatching(/^tenant:/),
    ])
    expect(
      issuesOf({
        tenant: 'a',
        name: 'k',
        kind: 'secret',
        scopes: ['detect'],
        origins: ['https://x.test'],
      })
    ).toEqual([expect.stringMatching(/^origins:/)])
  })

  it('bounds the rate limit', () => {
    const base = { tenant: 'acme', name: 'k', kind: 'secret', scopes: ['detect'] }
    expect(issuesOf({ ...base, rateLimit: { requests: 0, period: 60 } })).toHaveLength(1)
    expect(issuesOf({ ...base, rateLimit: { requests: 5, period: 0 } })).toHaveLength(1)
    expect(issuesOf({ ...base, rateLimit: { requests: 5, period: 1.5 } })).toHaveLength(1)
    expect(issuesOf({ ...base, rateLimit: { requests: 5, period: 86_401 } })).toHaveLength(1)
  })
})

describe('key record', () => {
  it('is built from the request plus server-owned fields, with canonical origins', () => {
    const body = CreateKeySchema.parse({
      tenant: 'acme',
      name: 'plugin',
      kind: 'publishable',
      scopes: ['detect'],
      origins: ['https://CMS.acme.test:443', 'https://cms.acme.test'],
    })
    const record = buildKeyRecord(body, {
      id: '0123456789abcdef',
      createdAt: new Date('2026-12-02T10:00:00Z'),
    })
    expect(record).toEqual({
      id: '0123456789abcdef',
      tenant: 'acme',
      name: 'plugin',
      kind: 'publishable',
      scopes: ['detect'],
      origins: ['https://cms.acme.test'],
      rateLimit: null,
      monthlyCharacters: null,
      createdAt: '2026-12-02T10:00:00.000Z',
      revokedAt: null,
    })
    expect(isKeyRecord(record)).toBe(true)
    expect(isKeyRecord({ ...record, scopes: undefined })).toBe(false)
    expect(isKeyRecord(null)).toBe(false)
  })
})
