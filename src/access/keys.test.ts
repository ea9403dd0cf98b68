import { describe, expect, it } from 'vitest'
import { generateKey, hashKey, isKeyId, newKeyId, parseKey } from './keys'

describe('API keys', () => {
  it('generates secret and publishable keys that parse back to their kind and id', () => {
    for (const kind of ['secret', 'publishable'] as const) {
      const { id, key } = generateKey(kind)
      expect(key.startsWith(kind === 'secret' ? `sk_${id}_` : `pk_${id}_`)).toBe(true)
      expect(parseKey(key)).toEqual({ kind, id })
      expect(isKeyId(id)).toBe(true)
    }
  })

  it('never generates the same key or id twice in a run', () => {
    const keys = new Set<string>()
    const ids = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const { id, key } = generateKey('secret')
      keys.add(key)
      ids.add(id)
    }
    expect(keys.size).toBe(2000)
    expect(ids.size).toBe(2000)
  })

  it('uses the whole id alphabet (no modulo bias leaves symbols out)', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) for (const c of newKeyId()) seen.add(c)
    expect(seen.size).toBe(32)
  })

  it('rejects malformed keys', () => {
    const { key } = generateKey('secret')
    for (const bad of [
      '',
      'sk_',
      key.slice(0, -1),
      `${key}x`,
      key.replace(/^sk_/, 'xk_'),
      key.replace(/^sk_/, 'SK_'),
      ` ${key}`,
      key.replace(/_/, '-'),
      // `i`, `l`, `o`, `u` are not in the id alphabet
      `sk_iiiiiiiiiiiiiiii_${key.slice(-43)}`,
    ]) {
      expect(parseKey(bad), bad).toBeUndefined()
    }
  })

  it('hashes with SHA-256 (FIPS 180-4 test vector) and hashes each key differently', async () => {
    expect(await hashKey('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    )
    const a = generateKey('secret').key
    const b = generateKey('secret').key
    expect(await hashKey(a)).not.toBe(await hashKey(b))
    expect(await hashKey(a)).toMatch(/^[0-9a-f]{64}$/)
  })
})
