/**
 * Configuration: the only place that reads `Env` vars and secrets. Parsed once per isolate and
 * validated with zod, so a misconfiguration fails loudly instead of half-working.
 *
 * @module
 */
import { z } from 'zod'
import type { AuthMode } from './access/authenticate'
import { canonicalOrigin } from './access/scopes'
import { DEFAULT_APERTIUM_URL } from './adapters/engines/apertium'
import { isGlossaryId } from './glossary/limits'
import { PROVIDER_NAMES, type ProviderName } from './translate/engines'
import { DEFAULT_TIMEOUT_MS } from './translate/policy'

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

/** An optional absolute http(s) URL; blank means the default. */
const httpUrl = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback
      let url: URL
      try {
        url = new URL(v.trim())
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be an absolute http(s) URL' })
        return z.NEVER
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        ctx.addIssue({ code: 'custom', message: 'must be an http or https URL' })
        return z.NEVER
      }
      return url.href.replace(/\/+$/, '')
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
  /** Translation engine for requests that name none (default `apertium`). */
  TRANSLATION_PROVIDER: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const name = v?.trim() || 'apertium'
      if (!(PROVIDER_NAMES as readonly string[]).includes(name)) {
        ctx.addIssue({ code: 'custom', message: `must be one of ${PROVIDER_NAMES.join(', ')}` })
        return z.NEVER
      }
      return name as ProviderName
    }),
  /** Base URL of the Apertium APy server. */
  APERTIUM_URL: httpUrl(DEFAULT_APERTIUM_URL),
  /** Deadline of one translation call to the engine, retries included, in milliseconds. */
  TRANSLATION_TIMEOUT_MS: intFrom(DEFAULT_TIMEOUT_MS, 100),
  /** DeepL API key, a secret (`wrangler secret put DEEPL_API_KEY`). Unset: no `deepl` provider. */
  DEEPL_API_KEY: z.string().optional(),
  /** `required` (unset: the safe default) or `open` (requests without a key are anonymous). */
  AUTH_MODE: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const mode = v?.trim() || 'required'
      if (mode !== 'required' && mode !== 'open') {
        ctx.addIssue({ code: 'custom', message: 'must be required or open' })
        return z.NEVER
      }
      return mode
    }),
  /** Anonymous requests per minute per client address; blank or 0 = unlimited. */
  ANON_RATE_LIMIT: intFrom(0, 0),
  /** Origins allowed by CORS in open mode without a publishable key, comma-separated. */
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const out: string[] = []
      for (const raw of (v ?? '').split(',')) {
        const value = raw.trim()
        if (value === '') continue
        const origin = canonicalOrigin(value)
        if (origin === undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `'${value}' is not an origin (scheme://host[:port])`,
          })
          return z.NEVER
        }
        out.push(origin)
      }
      return out
    }),
  /** Deliveries of one job chunk: the queue consumer's `max_retries` + 1. */
  JOB_MAX_ATTEMPTS: intFrom(4, 1),
  /** Seconds before a chunk whose engine failed is retried, doubled on each attempt. */
  JOB_RETRY_DELAY_SECONDS: intFrom(10, 0),
  /** Seconds a job and its results are kept after it was created. */
  JOB_TTL_SECONDS: intFrom(7 * 24 * 3600, 60),
})

/** Background jobs (`JOB_MAX_ATTEMPTS`, `JOB_RETRY_DELAY_SECONDS`, `JOB_TTL_SECONDS`). */
export type JobsConfig = {
  readonly maxAttempts: number
  readonly retryDelaySeconds: number
  readonly ttlSeconds: number
}

export type Config = {
  readonly cacheTtlSeconds: number
  readonly maxBodyBytes: number
  /** `undefined` when glossary writes are disabled. Never log it. */
  readonly adminToken: string | undefined
  /** Glossary id applied to summaries and translations by default, or `null`. */
  readonly defaultGlossary: string | null
  readonly translation: TranslationConfig
  readonly access: AccessConfig
  readonly jobs: JobsConfig
}

/** Who may call, and how often (`AUTH_MODE`, `ANON_RATE_LIMIT`, `CORS_ORIGINS`). */
export type AccessConfig = {
  readonly authMode: AuthMode
  /** Requests per minute per anonymous client address; 0 = unlimited. */
  readonly anonRateLimit: number
  /** Canonical origins allowed by CORS in open mode. */
  readonly corsOrigins: readonly string[]
}

/** Translation settings (the `AI` binding is not config: the composition root passes it). */
export type TranslationConfig = {
  /** `TRANSLATION_PROVIDER`. */
  readonly defaultProvider: ProviderName
  /** `APERTIUM_URL`, without a trailing slash. */
  readonly apertiumUrl: string
  /** `TRANSLATION_TIMEOUT_MS`. */
  readonly timeoutMs: number
  /** `DEEPL_API_KEY`; `undefined` when unset or blank. Never log it. */
  readonly deeplApiKey: string | undefined
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
  const deeplApiKey = parsed.data.DEEPL_API_KEY?.trim()
  return {
    cacheTtlSeconds: parsed.data.CACHE_TTL_SECONDS,
    maxBodyBytes: parsed.data.MAX_BODY_BYTES,
    adminToken: adminToken !== undefined && adminToken !== '' ? adminToken : undefined,
    defaultGlossary:
      defaultGlossary !== undefined && defaultGlossary !== '' ? defaultGlossary : null,
    translation: {
      defaultProvider: parsed.data.TRANSLATION_PROVIDER,
      apertiumUrl: parsed.data.APERTIUM_URL,
      timeoutMs: parsed.data.TRANSLATION_TIMEOUT_MS,
      deeplApiKey: deeplApiKey !== undefined && deeplApiKey !== '' ? deeplApiKey : undefined,
    },
    access: {
      authMode: parsed.data.AUTH_MODE,
      anonRateLimit: parsed.data.ANON_RATE_LIMIT,
      corsOrigins: parsed.data.CORS_ORIGINS,
    },
    jobs: {
      maxAttempts: parsed.data.JOB_MAX_ATTEMPTS,
      retryDelaySeconds: parsed.data.JOB_RETRY_DELAY_SECONDS,
      ttlSeconds: parsed.data.JOB_TTL_SECONDS,
    },
  }
}
