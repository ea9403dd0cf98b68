/**
 * Schemas shared by several routes.
 *
 * @module
 */
import { z } from '@hono/zod-openapi'
import { MAX_TEXT_LENGTH } from '../content/index'
import { GLOSSARY_ID_PATTERN } from '../glossary/limits'
import { glossaryIdProblem, MAX_GLOSSARY_ID_LENGTH } from '../usecases/identifiers'

/** Longest text accepted by the text endpoints, in UTF-16 units (the body limit applies too). */
export { MAX_TEXT_LENGTH }

/**
 * Longest HTML or Markdown source accepted by the schemas: a guard only, above the default body
 * limit (512 KiB), which is what binds. The readable text of markup is held to the plain-text
 * limits once extracted.
 */
export const MAX_MARKUP_LENGTH = 2_000_000

/** An article or a snippet: non-blank, bounded. */
export const TextSchema = z
  .string()
  .max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)
  .refine((s) => /[^\s\u200B-\u200D\u2060\uFEFF]/u.test(s), 'must contain non-blank text')
  .openapi({ description: 'UTF-8 text. Offsets in responses are UTF-16 code units into it.' })

/**
 * The text of an endpoint that takes `format`: plain text or markup. The schema bounds only the
 * source (above the body limit, which binds first); the use case holds the readable text — the
 * text itself, or the text once the markup is left out — to `MAX_TEXT_LENGTH` (422 naming
 * `#/text`), so a heavy page with a normal article is accepted.
 */
export const ContentTextSchema = z
  .string()
  .max(MAX_MARKUP_LENGTH, `must be at most ${MAX_MARKUP_LENGTH} characters`)
  .refine((s) => /[^\s\u200B-\u200D\u2060\uFEFF]/u.test(s), 'must contain non-blank text')
  .openapi({
    description: `UTF-8 text, at most ${MAX_TEXT_LENGTH} characters (HTML and Markdown: of readable text once the markup is left out; the markup counts against the body limit only). Offsets in responses index it, in \`offsetUnit\`.`,
  })

/** How `text` is written: plain, an HTML page or fragment, or Markdown (CommonMark). */
export const FormatSchema = z.enum(['text', 'html', 'markdown']).default('text').openapi({
  description:
    '`text` (default), `html` or `markdown`. Markup is read as a browser shows it: tags, scripts, styles, navigation, asides, footers, forms and figures left out, references decoded; Markdown code, HTML and image alt text left out. Offsets still index the submitted `text`: a sentence spans its first to last character in the source, markup inside included.',
})

/** The unit of every offset and length in a response. */
export const OffsetUnitSchema = z.enum(['utf16', 'codepoint', 'utf8']).default('utf16').openapi({
  description:
    'Unit of `offset`/`length` in the response: `utf16` code units (default; JavaScript, Java, C#), `codepoint` (PHP `mb_substr`, Python) or `utf8` bytes (Go, Rust).',
})

/** A BCP 47 language tag such as `en`, `pt-BR`, `zh-Hant`. */
export const LanguageCodeSchema = z
  .string()
  .regex(
    /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/,
    'must be a BCP 47 language tag such as "en" or "pt-BR"'
  )
  .openapi({ example: 'en' })

export const DetectionSchema = z
  .object({
    language: z.string().openapi({ description: 'BCP 47 code, or `und`.', example: 'en' }),
    iso639_3: z.string().openapi({ example: 'eng' }),
    script: z.string().openapi({ description: 'ISO 15924 script code.', example: 'Latn' }),
    confidence: z.number().min(0).max(1),
    reliable: z.boolean(),
    alternatives: z.array(z.object({ language: z.string(), confidence: z.number().min(0).max(1) })),
  })
  .openapi('Detection')

const MissedTermSchema = z
  .object({
    source: z.string().openapi({ description: 'The term as found in the source text.' }),
    target: z.string().openapi({ description: 'The target term the glossary asks for.' }),
  })
  .openapi('MissedTerm')

/** How a glossary was applied to one translated text. */
export const TerminologySchema = z
  .object({
    expected: z.number().int().openapi({
      description: 'Glossary occurrences found in the source that have a term in the target.',
    }),
    applied: z.number().int().openapi({
      description: 'Of those, how many have their target term in `text` (counted on the output).',
    }),
    missed: z.array(MissedTermSchema).openapi({
      description: 'One item per occurrence not applied; `expected = applied + missed.length`.',
    }),
  })
  .openapi('TerminologyReport')

/**
 * A glossary id, checked by the same rule as every other glossary id (`glossaryIdProblem`): a
 * malformed one is a 422 naming the field before any storage is asked.
 */
export const GlossaryIdSchema = z
  .string()
  .superRefine((id, ctx) => {
    const problem = glossaryIdProblem(id)
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem })
  })
  .openapi({
    pattern: GLOSSARY_ID_PATTERN.source,
    maxLength: MAX_GLOSSARY_ID_LENGTH,
    example: 'news-central-asia',
  })

/** `{id}` of the glossary routes. */
export const GlossaryIdParamsSchema = z.object({
  id: GlossaryIdSchema.openapi({ param: { name: 'id', in: 'path' } }),
})
