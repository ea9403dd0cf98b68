/**
 * The shapes of cached values, as zod schemas checked on every read (see `cache-aside.ts`).
 * Each is typed against the domain type it stores, so a change of that type that the schema
 * does not follow fails the typecheck instead of serving stale shapes.
 *
 * @module
 */
import { z } from 'zod'
import type { Detection } from '../langid/detect'
import type { TargetTranslation } from '../translate/batch'
import type { TerminologyReport, Translation } from '../translate/types'

export const DetectionStored: z.ZodType<Detection> = z.object({
  language: z.string(),
  iso639_3: z.string(),
  script: z.string(),
  confidence: z.number(),
  reliable: z.boolean(),
  alternatives: z.array(z.object({ language: z.string(), confidence: z.number() })),
})

const TerminologyStored: z.ZodType<TerminologyReport> = z.object({
  expected: z.number().int(),
  applied: z.number().int(),
  missed: z.array(z.object({ source: z.string(), target: z.string() })),
})

export const TargetTranslationStored: z.ZodType<TargetTranslation> = z.object({
  text: z.string(),
  terminology: TerminologyStored,
})

export const TranslationStored: z.ZodType<Translation> = z.object({
  text: z.string(),
  terminology: TerminologyStored,
  terms: z.array(
    z.object({
      concept: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      source: z.string(),
      target: z.string(),
      strategy: z.enum(['mask', 'verify']),
      method: z.enum(['mask', 'engine', 'postedit', 'missed']),
    })
  ),
  stats: z.object({
    segments: z.number().int(),
    segmentsRetried: z.number().int(),
    placeholders: z.number().int(),
    placeholdersLost: z.number().int(),
  }),
})
