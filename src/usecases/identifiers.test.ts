import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { BUNDLED_GLOSSARIES } from '../glossary/bundled.generated'
import { UseCaseError } from './errors'
import { assertGlossaryId, glossaryIdProblem, MAX_GLOSSARY_ID_LENGTH } from './identifiers'

const idChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split(''))
const forbidden = fc.constantFrom(
  '/',
  '.',
  '..',
  '%2e',
  '%',
  '\ud800',
  '\udc00',
  'A',
  'Z',
  ' ',
  '_'
)

describe('glossary ids', () => {
  it('accepts every bundled glossary id', () => {
    for (const g of BUNDLED_GLOSSARIES) expect(glossaryIdProblem(g.id)).toBeUndefined()
  })

  test.prop([fc.array(idChar, { minLength: 0, maxLength: 30 }), forbidden, fc.array(idChar)])(
    'refuses any id with a character outside a-z, 0-9 and -',
    (before, bad, after) => {
      expect(glossaryIdProblem(`a${before.join('')}${bad}${after.join('')}a`)).toBeDefined()
    }
  )

  test.prop([fc.integer({ min: MAX_GLOSSARY_ID_LENGTH + 1, max: 500 })])(
    'refuses ids over the length limit, saying so',
    (length) => {
      expect(glossaryIdProblem('a'.repeat(length))).toContain(`${MAX_GLOSSARY_ID_LENGTH}`)
    }
  )

  it('names the field and escapes a lone surrogate in the message', () => {
    const error = (() => {
      try {
        assertGlossaryId('x\ud800', '#/glossary')
      } catch (e) {
        return e
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(UseCaseError)
    const { code, fields, detail } = error as UseCaseError
    expect(code).toBe('invalid_request')
    expect(fields?.[0]?.pointer).toBe('#/glossary')
    expect(detail).toContain('\\ud800')
    expect(/[\uD800-\uDFFF]/.test(detail)).toBe(false)
  })
})
