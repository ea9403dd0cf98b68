import { createHash } from 'node:crypto'
import { fc, test } from '@fast-check/vitest'
import { expect, it } from 'vitest'
import { sha256Hex } from './sha256'

it('matches the FIPS 180-4 test vectors', () => {
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
})

test.prop([fc.string({ unit: 'grapheme', maxLength: 300 })])(
  'equals node:crypto on any text',
  (text) => {
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
  }
)
