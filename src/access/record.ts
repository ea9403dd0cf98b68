/**
 * The stored key record and the body that creates one.
 *
 * The record is built field by field from a validated request and server-owned values (id,
 * tenant check, timestamps); the request is never spread into it, so a caller cannot set
 * `createdAt`, `revokedAt` or anything else the server owns.
 *
 * @module
 */
import { z } from 'zod'
import {
  canonicalOrigin,
  forbiddenScopes,
  KEY_KINDS,
  type KeyKind,
  SCOPES,
  type Scope,
} from './scopes'

/** A tenant name: what glossary namespaces, usage and KV prefixes are keyed by. */
export const TENANT_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62})$/

/** The operator's tenant (callers holding `ADMIN_TOKEN`). */
export const DEFAULT_TENANT = 'default'

/** @returns whether `value` is a valid tenant name. */
export function isTenant(value: string): boolean {
  return TENANT_PATTERN.test(value)
}

/**
 * Bounds on a key's own rate limit. The limiter keeps one timestamp per admitted request in the
 * window (that is what makes it exact), so `requests` is capped to bound its storage; a day is
 * the longest window (longer budgets are what `monthlyCharacters` is for).
 */
export const RATE_LIMIT_BOUNDS = {
  maxRequests: 100_000,
  maxPeriodSeconds: 86_400,
} as const

/** `{ requests, period }`: at most `requests` in any `period` seconds. */
export type RateLimit = { readonly requests: number; readonly period: number }

/** A key as stored (under its hash) and as listed (never with the key or its hash). */
export type KeyRecord = {
  readonly id: string
  readonly tenant: string
  readonly name: string
  readonly kind: KeyKind
  readonly scopes: readonly Scope[]
  /** Allowed browser origins (publishable keys; empty for secret keys). */
  readonly origins: readonly string[]
  readonly rateLimit: RateLimit | null
  /** Characters per calendar month (UTC), or `null` for no quota. */
  readonly monthlyCharacters: number | null
  /** ISO 8601 instants. */
  readonly createdAt: string
  readonly revokedAt: string | null
}

const RateLimitSchema = z
  .object({
    requests: z.number().int().min(1).max(RATE_LIMIT_BOUNDS.maxRequests),
    period: z.number().int().min(1).max(RATE_LIMIT_BOUNDS.maxPeriodSeconds),
  })
  .strict()

/** Body of `POST /v1/keys`. */
export const CreateKeySchema = z
  .object({
    tenant: z.string().regex(TENANT_PATTERN, 'must be 1–63 of a-z, 0-9 and -, not starting with -'),
    name: z.string().trim().min(1).max(100),
    kind: z.enum(KEY_KINDS),
    scopes: z
      .array(z.enum(SCOPES))
      .min(1)
      .refine((s) => new Set(s).size === s.length, 'must not repeat a scope'),
    origins: z.array(z.string().max(256)).max(50).optional(),
    rateLimit: RateLimitSchema.optional(),
    monthlyCharacters: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const extra = forbiddenScopes(body.kind, body.scopes)
    if (extra.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['scopes'],
        message: `a publishable key may hold only detect and summarize, not ${extra.join(', ')}`,
      })
    }
    if (body.kind === 'publishable' && (body.origins === undefined || body.origins.length === 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['origins'],
        message: 'a publishable key needs at least one allowed origin',
      })
    }
    if (body.kind === 'secret' && body.origins !== undefined && body.origins.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['origins'],
        message: 'only publishable keys have origins (secret keys are not for browsers)',
      })
    }
    body.origins?.forEach((o, i) => {
      if (canonicalOrigin(o) === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['origins', i],
          message: 'must be an origin such as https://cms.example.com (no path)',
        })
      }
    })
  })

export type CreateKeyRequest = z.infer<typeof CreateKeySchema>

/**
 * The record for a validated request, with server-owned fields supplied by the caller.
 *
 * @example
 * buildKeyRecord(body, { id, createdAt: new Date() })
 */
export function buildKeyRecord(
  body: CreateKeyRequest,
  server: { readonly id: string; readonly createdAt: Date }
): KeyRecord {
  const origins = [...new Set((body.origins ?? []).map((o) => canonicalOrigin(o) ?? o))]
  return {
    id: server.id,
    tenant: body.tenant,
    name: body.name,
    kind: body.kind,
    scopes: [...body.scopes],
    origins,
    rateLimit: body.rateLimit
      ? { requests: body.rateLimit.requests, period: body.rateLimit.period }
      : null,
    monthlyCharacters: body.monthlyCharacters ?? null,
    createdAt: server.createdAt.toISOString(),
    revokedAt: null,
  }
}

/** Shape check of a record read back from storage (refuses truncated or hand-edited values). */
export function isKeyRecord(value: unknown): value is KeyRecord {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return (
    typeof r.id === 'string' &&
    typeof r.tenant === 'string' &&
    typeof r.name === 'string' &&
    (r.kind === 'secret' || r.kind === 'publishable') &&
    Array.isArray(r.scopes) &&
    Array.isArray(r.origins) &&
    (r.rateLimit === null || typeof r.rateLimit === 'object') &&
    (r.monthlyCharacters === null || typeof r.monthlyCharacters === 'number') &&
    typeof r.createdAt === 'string' &&
    (r.revokedAt === null || typeof r.revokedAt === 'string')
  )
}
