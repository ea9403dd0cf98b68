/**
 * Configuration: the only place that reads `Env` vars and secrets. Parsed once per isolate and
 * validated with zod, so a misconfiguration fails loudly instead of half-working.
 *
 * @module
 */
import { z } from 'zod'

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
})

export type Config = {
  readonly cacheTtlSeconds: number
  readonly maxBodyBytes: number
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
  return {
    cacheTtlSeconds: parsed.data.CACHE_TTL_SECONDS,
    maxBodyBytes: parsed.data.MAX_BODY_BYTES,
  }
}
