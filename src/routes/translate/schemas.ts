/**
 * Request and response schemas of `POST /v1/translate`.
 *
 * @module
 */
import { z } from '@hono/zod-openapi'
import { PROVIDER_NAMES } from '../../translate/engines'
import { MAX_TRANSLATE_ITEM_LENGTH, MAX_TRANSLATE_TOTAL_LENGTH } from '../../usecases/translate'
import {
  FormatSchema,
  GlossaryIdSchema,
  LanguageCodeSchema,
  MAX_MARKUP_LENGTH,
  TerminologySchema,
} from '../schemas'

export { MAX_TRANSLATE_ITEM_LENGTH, MAX_TRANSLATE_TOTAL_LENGTH }

/** Most texts in one request. */
export const MAX_TRANSLATE_ITEMS = 50

/**
 * One text. Plain text is held to `MAX_TRANSLATE_ITEM_LENGTH` (below, where the format is known);
 * HTML and Markdown to the same limit on their readable text (checked once it is extracted), the
 * markup itself only to the body limit.
 */
const ItemSchema = z
  .string()
  .max(MAX_MARKUP_LENGTH, `must be at most ${MAX_MARKUP_LENGTH} characters`)
  .refine((s) => /[^\s\u200B-\u200D\u2060\uFEFF]/u.test(s), 'must contain non-blank text')

export const TranslateRequestSchema = z
  .object({
    text: z
      .union([
        ItemSchema,
        z
          .array(ItemSchema)
          .min(1, 'must hold at least one text')
          .max(MAX_TRANSLATE_ITEMS, `must hold at most ${MAX_TRANSLATE_ITEMS} texts`),
      ])
      .openapi({
        description: `One text, or up to ${MAX_TRANSLATE_ITEMS} texts translated together (each at most ${MAX_TRANSLATE_ITEM_LENGTH} characters, ${MAX_TRANSLATE_TOTAL_LENGTH} in total; for HTML and Markdown these limits apply to the text once the markup is left out). Paragraph breaks are kept.`,
        example: 'Temur Umarov, a researcher at the Carnegie Russia Eurasia Center, told the FT.',
      }),
    source: z
      .union([z.literal('auto'), LanguageCodeSchema])
      .default('auto')
      .openapi({
        description: '`auto` detects the language of each text; a code skips detection.',
      }),
    target: LanguageCodeSchema.openapi({ example: 'es' }),
    format: FormatSchema.openapi({
      description:
        '`text` (default), `html` or `markdown`. Markup comes back exactly as sent — tags, attributes, comments, Markdown syntax, link URLs, code spans and blocks — with only its text translated: each block (paragraph, heading, list item, cell) is one segment, inline markup inside it (`<a href>`, `<em>`, `**`, `[…](…)`) is protected by placeholders and put back around the translated words. HTML elements with `translate="no"` or class `notranslate`, and `code`/`pre`/`script`/`style`, are left byte for byte. A segment whose placeholders the engine did not keep is translated again piece by piece between its tags. Glossary terms are enforced and reported as for plain text. An HTML document with no text at all is 422 `no_text`.',
    }),
    glossary: GlossaryIdSchema.nullable().optional().openapi({
      description:
        'Glossary id to enforce. Absent: the deployment default (`DEFAULT_GLOSSARY`); `null`: none.',
      example: 'news-central-asia',
    }),
    provider: z.enum(PROVIDER_NAMES).optional().openapi({
      description:
        'Translation engine. Absent: the deployment default (`TRANSLATION_PROVIDER`). `GET /v1/languages` lists the configured ones.',
    }),
    debug: z.boolean().default(false).openapi({
      description:
        'Adds `debug` to each translation: segment and placeholder counters and how each glossary occurrence was handled. Not part of the cache key.',
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    const texts = typeof body.text === 'string' ? [body.text] : body.text
    // Markup is measured by its readable text, once extracted (the use case).
    if (body.format !== 'text') return
    texts.forEach((text, i) => {
      if (text.length > MAX_TRANSLATE_ITEM_LENGTH) {
        ctx.addIssue({
          code: 'custom',
          path: typeof body.text === 'string' ? ['text'] : ['text', i],
          message: `must be at most ${MAX_TRANSLATE_ITEM_LENGTH} characters`,
        })
      }
    })
    const total = texts.reduce((sum, t) => sum + t.length, 0)
    if (total > MAX_TRANSLATE_TOTAL_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: `the texts total ${total} characters; the limit is ${MAX_TRANSLATE_TOTAL_LENGTH}`,
      })
    }
  })
  .openapi('TranslateRequest')

const DebugSchema = z
  .object({
    cached: z.boolean().openapi({ description: 'Whether this text came from the KV cache.' }),
    segments: z.number().int().openapi({ description: 'Pieces sent to the engine.' }),
    segmentsRetried: z
      .number()
      .int()
      .openapi({ description: 'Pieces translated again without placeholders.' }),
    placeholders: z.number().int(),
    placeholdersLost: z
      .number()
      .int()
      .openapi({ description: 'Placeholders the engine lost, duplicated or glued to a word.' }),
    terms: z.array(
      z.object({
        concept: z.string(),
        source: z.string(),
        target: z.string(),
        strategy: z.enum(['mask', 'verify']),
        method: z.enum(['mask', 'engine', 'postedit', 'missed']),
      })
    ),
  })
  .openapi('TranslationDebug')

const TranslationSchema = z
  .object({
    text: z.string(),
    detectedSource: z.string().openapi({
      description: 'The language translated from: detected when `source` is `auto`, else `source`.',
      example: 'en',
    }),
    terminology: TerminologySchema,
    debug: DebugSchema.optional(),
  })
  .openapi('Translation')

export const TranslateResponseSchema = z
  .object({
    provider: z.string().openapi({ example: 'apertium' }),
    target: z.string().openapi({ example: 'es' }),
    glossary: z
      .object({ id: z.string(), version: z.string() })
      .nullable()
      .openapi({ description: 'The glossary enforced, or `null`.' }),
    translations: z.array(TranslationSchema).openapi({ description: 'One per text, in order.' }),
  })
  .openapi('TranslateResponse')

export type TranslateResponse = z.infer<typeof TranslateResponseSchema>

export const translateHeaders = z.object({
  ETag: z.string().openapi({ description: 'Strong validator of the representation.' }),
  'X-Cache': z.enum(['HIT', 'MISS', 'PARTIAL']).openapi({
    description: 'HIT: every text came from the KV cache; PARTIAL: some did; MISS: none.',
  }),
  'Cache-Control': z.string(),
  'X-Request-Id': z.string(),
})
