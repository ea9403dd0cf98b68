/**
 * Configuration: the only place that reads `Env` vars and secrets. Parsed once per isolate and
 * validated with zod, so a misconfiguration fails loudly instead of half-working.
 *
 * @module
 */
import { z } from 'zod'
import { isGlossaryId } from './glossary/limits'

const intFrom = (fallback: number, min: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback
      const n = Number(v)
      if (!Number.isInteger(n) || n < min) {
        ctx.addIssue({ code: 'custom', message: `must be an integer ≥ ${min}` })
        return z.NEVER
      }
      return n
    })

const ConfigSchema = z.object({
  /** Seconds a cached result lives in KV. KV refuses TTLs under 60 s. */
  CACHE_TTL_SECONDS: intFrom(7 * 24 * 3600, 60),
  /** Largest request body accepted, in bytes; larger ones get 413 before any parsing. */
  MAX_BODY_BYTES: intFrom(512 * 1024, 1024),
  /**
   * Bearer token for glossary writes (`PUT`/`DELETE /v1/glossaries/{id}`). A secret:
   * `wrangler secret put ADMIN_TOKEN`, `.dev.vars` locally. Unset or blank: writes are refused.
   */
  ADMIN_TOKEN: z.string().optional(),
  /** Glossary applied to summaries that do not name one; blank for none. */
  DEFAULT_GLOSSARY: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.trim() === '' || isGlossaryId(v.trim()), {
      message: 'must be a glossary id (lowercase letters, digits and hyphens)',
    }),
})

export type Config = {
  readonly cacheTtlSeconds: number
  readonly maxBodyBytes: number
  /** `undefined` when glossary writes are disabled. Never log it. */
  readonly adminToken: string | undefined
  /** Glossary id applied to summaries by default, or `null`. */
  readonly defaultGlossary: string | null
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/**
 * Parses the Worker's vars and secrets.
 *
 * @throws ConfigError naming every bad variable (never its value: secrets must not leak).
 */
export function parseConfig(env: Readonly<Record<string, unknown>>): Config {
  const parsed = ConfigSchema.safeParse(env)
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new ConfigError(`Invalid configuration: ${names}`)
  }
  const adminToken = parsed.data.ADMIN_TOKEN?.trim()
  const defaultGlossary = parsed.data.DEFAULT_GLOSSARY?.trim()
  return {
    cacheTtlSeconds: parsed.data.CACHE_TTL_SECONDS,
    maxBodyBytes: parsed.data.MAX_BODY_BYTES,
    adminToken: adminToken !== undefined && adminToken !== '' ? adminToken : undefined,
    defaultGlossary:
      defaultGlossary !== undefined && defaultGlossary !== '' ? defaultGlossary : null,
  }
}
