/**
 * Identifiers from outside (a URL segment, a JSON field) are checked before they reach any
 * storage, with one rule wherever they come from. A KV key built from a lone surrogate, a `/` or
 * a `..` is at best a miss and at worst a 500 or a path into another namespace.
 *
 * @module
 */
import { GLOSSARY_ID_PATTERN } from '../glossary/limits'
import { invalidField } from './errors'

/** Longest glossary id, in characters. */
export const MAX_GLOSSARY_ID_LENGTH = 64

/**
 * Why `id` cannot name a glossary, or `undefined` when it can. The pattern alone decides
 * (lowercase ASCII letters, digits, inner hyphens, at most 64), which already excludes lone
 * surrogates, uppercase, `/`, `.` and `%`; the named reasons only make the message useful.
 */
export function glossaryIdProblem(id: string): string | undefined {
  if (GLOSSARY_ID_PATTERN.test(id)) return undefined
  if (id.length === 0) return 'must not be empty'
  if (id.length > MAX_GLOSSARY_ID_LENGTH) {
    return `must be at most ${MAX_GLOSSARY_ID_LENGTH} characters`
  }
  return 'must be lowercase letters, digits and inner hyphens (like "news-central-asia")'
}

/**
 * Throws 422-worthy `invalid_request` naming `pointer` unless `id` is a glossary id.
 *
 * @param pointer - where the id came from: `#/glossary` for a body field, `#/id` for the path.
 */
export function assertGlossaryId(id: string, pointer: string): void {
  const problem = glossaryIdProblem(id)
  if (problem !== undefined) {
    throw invalidField(
      pointer,
      problem,
      `'${printable(id)}' cannot name a glossary: it ${problem}.`
    )
  }
}

/** The id as it may appear in a message: bounded, lone surrogates and controls escaped. */
function printable(id: string): string {
  const short = id.length > 80 ? `${id.slice(0, 80)}…` : id
  return short.replace(
    /[\p{Cc}\p{Cs}]/gu,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`
  )
}
