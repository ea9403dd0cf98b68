/**
 * zod schemas for glossary input: the JSON shape of the API, and the shape every other importer
 * (TSV, CSV, TBX) produces before validation. Per-value rules live here; rules across entries
 * (a term in two concepts, duplicate ids) live in `validate.ts`.
 *
 * @module
 */
import { z } from 'zod'
import { describeCharacterProblem, findBadCharacter } from './fold'
import { CONCEPT_ID_PATTERN, GLOSSARY_LIMITS } from './limits'
import { GLOSSARY_FLAGS } from './model'

/** Code points in a string (what "characters" means in the limits). */
export function codePointLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i)
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    n++
  }
  return n
}

/** Shows a term in a message, with invisible characters spelled out and long terms cut. */
export function quoteTerm(term: string): string {
  let visible = ''
  for (const c of term) {
    const bad = c.length === 1 ? findBadCharacter(c) : undefined
    visible += bad !== undefined ? `<${bad.codePoint}>` : c
  }
  return `'${visible.length > 60 ? `${visible.slice(0, 57)}…` : visible}'`
}

/**
 * One glossary term: trimmed and NFC-normalized, then checked (not empty, at most 256
 * characters, no control, bidi or invisible characters). Issues carry `params.code`.
 */
export const GlossaryTermSchema = z
  .string()
  .trim()
  .normalize('NFC')
  .superRefine((term, ctx) => {
    if (term === '') {
      ctx.addIssue({ code: 'custom', message: 'the term is empty', params: { code: 'empty_term' } })
      return
    }
    const length = codePointLength(term)
    if (length > GLOSSARY_LIMITS.maxTermLength) {
      ctx.addIssue({
        code: 'custom',
        message: `the term ${quoteTerm(term)} is ${length} characters long; the limit is ${GLOSSARY_LIMITS.maxTermLength}`,
        params: { code: 'term_too_long' },
      })
    }
    const bad = findBadCharacter(term)
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `the term ${quoteTerm(term)} ${describeCharacterProblem(bad)}`,
        params: { code: 'bad_character' },
      })
    }
  })

/** A free-text note: at most 1,000 characters, no control, bidi or invisible characters. */
export const GlossaryNoteSchema = z
  .string()
  .trim()
  .normalize('NFC')
  .superRefine((note, ctx) => {
    const length = codePointLength(note)
    if (length > GLOSSARY_LIMITS.maxNoteLength) {
      ctx.addIssue({
        code: 'custom',
        message: `the note is ${length} characters long; the limit is ${GLOSSARY_LIMITS.maxNoteLength}`,
        params: { code: 'note_too_long' },
      })
    }
    const bad = findBadCharacter(note)
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `the note ${describeCharacterProblem(bad)}`,
        params: { code: 'bad_character' },
      })
    }
  })

/** One flag of the `flags` column. */
export const GlossaryFlagSchema = z.enum(['dnt', 'case', 'inflect', 'fixed'], {
  error: (issue) =>
    `unknown flag '${String(issue.input)}': the flags are ${GLOSSARY_FLAGS.join(', ')}`,
})

/** A concept id (the optional `id` column). */
export const ConceptIdSchema = z
  .string()
  .trim()
  .regex(CONCEPT_ID_PATTERN, {
    error: (issue) =>
      `the id '${String(issue.input)}' is not valid: use letters, digits, '.', '_' or '-', starting with a letter, at most ${GLOSSARY_LIMITS.maxConceptIdLength} characters`,
  })

const TermListSchema = z.array(GlossaryTermSchema).max(GLOSSARY_LIMITS.maxTermsPerCell, {
  error: `too many terms in one cell (the limit is ${GLOSSARY_LIMITS.maxTermsPerCell})`,
})
const TermRecordSchema = z.record(z.string(), TermListSchema)

/** One concept as an importer or an API client gives it. */
export const GlossaryEntryInputSchema = z
  .object({
    id: ConceptIdSchema.optional(),
    /** Language → terms; the first is preferred, the rest are variants. */
    terms: TermRecordSchema,
    /** Language → inflected forms of the preferred term. */
    forms: TermRecordSchema.optional(),
    /** Language → forbidden terms. */
    forbidden: TermRecordSchema.optional(),
    flags: z
      .array(GlossaryFlagSchema)
      .max(GLOSSARY_FLAGS.length * 2)
      .optional(),
    note: GlossaryNoteSchema.optional(),
  })
  .strict()

/**
 * A glossary as an importer or an API client gives it (`id`, `version` and `source`, present in
 * what `GET` returns, are ignored).
 */
export const GlossaryInputSchema = z
  .object({
    id: z.string().optional(),
    version: z.string().optional(),
    source: z.string().optional(),
    /** Column order; defaults to the languages of the entries in order of appearance. */
    languages: z.array(z.string()).max(GLOSSARY_LIMITS.maxLanguages).optional(),
    entries: z.array(GlossaryEntryInputSchema).max(GLOSSARY_LIMITS.maxEntries, {
      error: `too many entries (the limit is ${GLOSSARY_LIMITS.maxEntries.toLocaleString('en-US')})`,
    }),
  })
  .strict()

/** The input type of {@link GlossaryEntryInputSchema}. */
export type GlossaryEntryInput = z.input<typeof GlossaryEntryInputSchema>
/** The input type of {@link GlossaryInputSchema}. */
export type GlossaryInput = z.input<typeof GlossaryInputSchema>
