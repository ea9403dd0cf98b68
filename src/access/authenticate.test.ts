import { describe, expect, it } from 'vitest'
import { type AuthInput, authenticate, authorize, secretsEqual } from './authenticate'
import { generateKey, hashKey } from './keys'
import { buildKeyRecord, type KeyRecord } from './record'

async function fixture() {
  const secret = generateKey('secret')
  const publishable = generateKey('publishable')
  const revoked = generateKey('secret')
  const at = new Date('2026-12-01T00:00:00Z')
  const records = new Map<string, KeyRecord>()
  records.set(
    await hashKey(secret.key),
    buildKeyRecord(
      { tenant: 'acme', name: 's', kind: 'secret', scopes: ['detect'] },
      { id: secret.id, createdAt: at }
    )
  )
  records.set(
    await hashKey(publishable.key),
    buildKeyRecord(
      {
        tenant: 'acme',
        name: 'p',
        kind: 'publishable',
        scopes: ['summarize'],
        origins: ['https://cms.acme.test'],
      },
      { id: publishable.id, createdAt: at }
    )
  )
  records.set(await hashKey(revoked.key), {
    ...buildKeyRecord(
      { tenant: 'acme', name: 'r', kind: 'secret', scopes: ['detect'] },
      { id: revoked.id, createdAt: at }
    ),
    revokedAt: '2026-12-02T00:00:00.000Z',
  })
  const base: AuthInput = {
    mode: 'required',
    authorization: undefined,
    origin: undefined,
    address: '203.0.113.7',
    adminToken: 'operator-token-0123456789',
    findByHash: async (hash) => records.get(hash),
  }
  return { secret, publishable, revoked, base }
}

describe('authenticate', () => {
  it('requires credentials in required mode and serves anonymous callers in open mode', async () => {
    const { base } = await fixture()
    expect(await authenticate(base)).toMatchObject({ ok: false, code: 'unauthorized' })
    expect(await authenticate({ ...base, mode: 'open' })).toEqual({
      ok: true,
      caller: { kind: 'anonymous', tenant: 'default', address: '203.0.113.7' },
    })
  })

  it('accepts a valid secret key as its tenant, in both modes', async () => {
    const { base, secret } = await fixture()
    for (const mode of ['required', 'open'] as const) {
      const out = await authenticate({ ...base, mode, authorization: `Bearer ${secret.key}` })
      expect(out).toMatchObject({ ok: true, caller: { kind: 'key', tenant: 'acme' } })
    }
  })

  it('never downgrades a bad key to anonymous in open mode', async () => {
    const { base, secret, revoked } = await fixture()
    const bad = [
      // the same key with its last character changed
      `Bearer ${secret.key.slice(0, -1)}${secret.key.endsWith('A') ? 'B' : 'A'}`,
      `Bearer ${revoked.key}`,
      `Basic ${secret.key}`,
      'Bearer',
      `Bearer ${generateKey('secret').key}`,
    ]
    for (const authorization of bad) {
      const out = await authenticate({ ...base, mode: 'open', authorization })
      expect(out, authorization).toMatchObject({ ok: false, code: 'unauthorized' })
    }
    const out = await authenticate({ ...base, authorization: `Bearer ${revoked.key}` })
    expect(out.ok === false && out.detail).toMatch(/revoked/)
  })

  it('recognizes the operator token, and nothing close to it', async () => {
    const { base } = await fixture()
    expect(
      await authenticate({ ...base, authorization: 'Bearer operator-token-0123456789' })
    ).toEqual({ ok: true, caller: { kind: 'operator', tenant: 'default' } })
    expect(
      await authenticate({ ...base, authorization: 'Bearer operator-token-012345678' })
    ).toMatchObject({ ok: false, code: 'unauthorized' })
    expect(await authenticate({ ...base, adminToken: '', authorization: 'Bearer ' })).toMatchObject(
      { ok: false, code: 'unauthorized' }
    )
  })

  it('enforces a publishable key’s origins, including a missing Origin', async () => {
    const { base, publishable } = await fixture()
    const authorization = `Bearer ${publishable.key}`
    expect(
      await authenticate({ ...base, authorization, origin: 'https://cms.acme.test' })
    ).toMatchObject({ ok: true })
    expect(
      await authenticate({ ...base, authorization, origin: 'https://evil.test' })
    ).toMatchObject({ ok: false, code: 'origin_not_allowed' })
    expect(await authenticate({ ...base, authorization })).toMatchObject({
      ok: false,
      code: 'origin_not_allowed',
    })
  })
})

describe('authorize', () => {
  it('names the missing scope for keys, asks anonymous callers for credentials', async () => {
    const { base, secret } = await fixture()
    const key = await authenticate({ ...base, authorization: `Bearer ${secret.key}` })
    if (!key.ok) throw new Error('fixture key refused')
    expect(authorize(key.caller, 'detect')).toEqual({ ok: true })
    expect(authorize(key.caller, 'translate')).toMatchObject({
      ok: false,
      code: 'insufficient_scope',
      detail: expect.stringContaining('translate'),
    })
    const anon = { kind: 'anonymous', tenant: 'default', address: 'x' } as const
    expect(authorize(anon, 'translate')).toEqual({ ok: true })
    expect(authorize(anon, 'glossaries:write')).toMatchObject({ ok: false, code: 'unauthorized' })
    expect(authorize({ kind: 'operator', tenant: 'default' }, 'glossaries:write')).toEqual({
      ok: true,
    })
  })

  it('compares secrets exactly', async () => {
    expect(await secretsEqual('a', 'a')).toBe(true)
    expect(await secretsEqual('a', 'b')).toBe(false)
    expect(await secretsEqual('a', 'aa')).toBe(false)
  })
})
