/**
 * Access control at the edge: who is calling (`identify`), which browser origins may read the
 * answer (`corsPolicy`), and per route which scope it needs, how often and how much
 * (`requireScope`), with usage counted after the answer.
 *
 * Order on `/v1/*`: `identify` resolves the caller without refusing anything yet, so that CORS
 * can decide the origin from the caller's key (a refusal must still reach the browser as a
 * readable 401/403/429); then `corsPolicy`; then `enforceIdentity` refuses bad credentials.
 *
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import { admissionFor } from '../access/admission'
import { type AuthFailure, authenticate, authorize, type Caller } from '../access/authenticate'
import { rateLimitPolicy } from '../access/rate-limit'
import { canonicalOrigin, type Scope } from '../access/scopes'
import { countCharacters, type MeteredOperation } from '../access/usage'
import { isStorageUnavailable } from '../adapters/storage-deadline'
import { type AccessMeterStub, accessPorts, tenantGlossaries } from '../services'
import type { AppEnv } from './env'
import { ApiError } from './problem'

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="precis"' }

/** Headers a browser may send and read (the issue's list). */
const ALLOW_HEADERS = [
  'authorization',
  'content-type',
  'if-none-match',
  'if-match',
  'cache-control',
]
const EXPOSE_HEADERS = ['ETag', 'X-Cache', 'X-Request-Id', 'Retry-After', 'RateLimit-Policy']

// The refusal of `identify`, kept until `enforceIdentity` (after CORS) throws it.
const failures = new WeakMap<object, AuthFailure>()

/** Runs `promise` after the response (waitUntil), or just lets it run without a context. */
function background(c: Context<AppEnv>, promise: Promise<unknown>): void {
  const settled = promise.catch((error: unknown) => {
    c.var.services.log('metering_failed', { error: String(error) })
  })
  try {
    c.executionCtx.waitUntil(settled)
  } catch {
    void settled
  }
}

/**
 * Resolves the caller from `Authorization` (never the query string), and rebinds the request's
 * glossary store to the caller's tenant. Preflights (`OPTIONS`) carry no credentials and pass.
 */
export function identify(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next()
    const { config } = c.var.services
    const ports = accessPorts(c.env ?? ({} as Env))
    const outcome = await authenticate({
      mode: config.access.authMode,
      authorization: c.req.header('Authorization'),
      origin: c.req.header('Origin'),
      address: c.req.header('CF-Connecting-IP') ?? 'unknown',
      adminToken: config.adminToken,
      findByHash: async (hash) => (ports.keys ? ports.keys.findByHash(hash) : undefined),
    })
    if (!outcome.ok) {
      failures.set(c.req.raw, outcome)
      return next()
    }
    c.set('caller', outcome.caller)
    const glossaries = c.env ? tenantGlossaries(c.env, outcome.caller.tenant) : undefined
    if (glossaries) c.set('services', { ...c.var.services, glossaries })
    return next()
  }
}

/** Throws the refusal `identify` recorded (401 with a challenge, or 403 for the origin). */
export function enforceIdentity(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const failure = failures.get(c.req.raw)
    if (failure) {
      throw new ApiError(failure.code, failure.detail, {
        ...(failure.code === 'unauthorized' ? { headers: CHALLENGE } : {}),
      })
    }
    return next()
  }
}

/**
 * CORS with `hono/cors`. An origin is allowed when the calling publishable key lists it, or in
 * `open` mode when `CORS_ORIGINS` does. A preflight carries no key, so it is allowed when any
 * unrevoked publishable key lists the origin (the actual request is then checked against the
 * key it carries). Disallowed origins get no `Access-Control-Allow-Origin`.
 */
export function corsPolicy(): MiddlewareHandler<AppEnv> {
  return cors({
    origin: async (origin, c: Context<AppEnv>) => {
      const canonical = canonicalOrigin(origin)
      if (canonical === undefined) return null
      const { access } = c.var.services.config
      if (access.authMode === 'open' && access.corsOrigins.includes(canonical)) return origin
      if (c.req.method === 'OPTIONS') {
        const keys = c.env ? accessPorts(c.env).keys : undefined
        return keys && (await keys.hasOrigin(canonical)) ? origin : null
      }
      const caller = c.get('caller') as Caller | undefined
      if (caller?.kind === 'key' && caller.record.origins.includes(canonical)) return origin
      return null
    },
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ALLOW_HEADERS,
    exposeHeaders: EXPOSE_HEADERS,
    maxAge: 600,
  })
}

/** Characters a metered request will process, read from its JSON body (0 if unreadable). */
async function charactersOf(c: Context<AppEnv>, operation: MeteredOperation): Promise<number> {
  if (operation === 'detect') return 0
  let body: unknown
  try {
    // Hono caches the parsed body, so the route's validator does not read the stream again.
    body = await c.req.json()
  } catch {
    return 0
  }
  if (typeof body !== 'object' || body === null) return 0
  // A batch (`items`) counts every item's text and title, as the same requests one by one would.
  const { items } = body as { items?: unknown }
  const parts = Array.isArray(items) ? items : [body]
  const texts: unknown[] = []
  for (const part of parts) {
    if (typeof part !== 'object' || part === null) continue
    const { text, title } = part as { text?: unknown; title?: unknown }
    texts.push(...(Array.isArray(text) ? text : [text]))
    // An item without its own title inherits the request's.
    if (operation === 'summarize') texts.push(title ?? (body as { title?: unknown }).title)
  }
  return countCharacters(texts.filter((t): t is string => typeof t === 'string'))
}

/** Whether a summarize body asks for translated summaries (which needs `translate` too). */
async function asksTranslation(c: Context<AppEnv>): Promise<boolean> {
  try {
    const body = (await c.req.json()) as { translate?: unknown; items?: unknown }
    const asks = (part: unknown) =>
      typeof part === 'object' &&
      part !== null &&
      (part as { translate?: unknown }).translate != null
    return asks(body) || (Array.isArray(body.items) && body.items.some(asks))
  } catch {
    return false
  }
}

/** What admission leaves for settling: the caller's meter, and the month and characters it reserved. */
type Admission = {
  readonly stub: AccessMeterStub
  readonly month?: string
  readonly reserved: number
}

/**
 * Admits `characters` of `operation` for `caller`: asks the caller's meter to admit the plan's
 * check, or throws a 429 (`rate_limited` with the policy, or `quota_exceeded`). `undefined` when
 * there is no meter, or nothing to check or count. Fails open: when the meter is unavailable the
 * work is served unmetered (logged), not refused — an outage of the bookkeeping must not become
 * an outage of the API (docs/faults.md).
 */
async function admitOrRefuse(
  c: Context<AppEnv>,
  caller: Caller,
  operation: MeteredOperation | null,
  characters: number,
  subject: 'request' | 'job'
): Promise<Admission | undefined> {
  const plan = admissionFor(
    caller,
    operation,
    characters,
    c.var.services.config.access.anonRateLimit
  )
  const meter = c.env ? accessPorts(c.env).meter : undefined
  if (meter === undefined || (plan.check === null && !plan.metered)) return undefined
  const stub = meter(plan.meter)
  if (plan.check === null) return { stub, reserved: 0 }
  const result = await stub.admit(plan.check).catch((error: unknown) => {
    if (!isStorageUnavailable(error)) throw error
    c.var.services.log('admission_unmetered', { meter: plan.meter, reason: error.detail })
    return null
  })
  if (result === null) return { stub, reserved: 0 }
  if (result.ok) return { stub, month: result.month, reserved: result.reserved }
  if (result.reason === 'rate_limited') {
    const limit = plan.check.rateLimit
    throw new ApiError(
      'rate_limited',
      `Rate limit reached; retry in ${result.retryAfterSeconds} s.`,
      {
        headers: {
          'Retry-After': String(result.retryAfterSeconds),
          ...(limit ? { 'RateLimit-Policy': rateLimitPolicy(plan.policy, limit) } : {}),
        },
      }
    )
  }
  throw new ApiError(
    'quota_exceeded',
    `This ${subject} needs ${characters} characters; ${result.used} of the ${result.limit} this month are used. The quota resets at ${result.resetAt}.`,
    {
      headers: { 'Retry-After': String(result.retryAfterSeconds) },
      extensions: { resetAt: result.resetAt, used: result.used, limit: result.limit },
    }
  )
}

/**
 * Route middleware: the caller must hold `scope`; then the request is admitted by the caller's
 * rate limit and, for character-metered operations, its monthly quota (both before any work),
 * and counted in usage after the answer (`waitUntil`, so metering never delays it).
 */
export function requireScope(
  scope: Scope,
  operation: MeteredOperation | null = null
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller') as Caller | undefined
    if (caller === undefined) {
      // Only reachable when the access middleware is not mounted (a wiring bug): refuse.
      throw new ApiError('unauthorized', 'Missing credentials.', { headers: CHALLENGE })
    }
    const scopes: Scope[] = [scope]
    if (operation === 'summarize' && (await asksTranslation(c))) scopes.push('translate')
    for (const needed of scopes) {
      const decision = authorize(caller, needed)
      if (!decision.ok) {
        throw new ApiError(decision.code, decision.detail, {
          ...(decision.code === 'unauthorized'
            ? { headers: CHALLENGE }
            : { extensions: { scope: needed } }),
        })
      }
    }

    const characters = operation === null ? 0 : await charactersOf(c, operation)
    const admission = await admitOrRefuse(c, caller, operation, characters, 'request')
    if (admission === undefined) return next()
    const { stub, month, reserved } = admission

    await next()

    if (operation === null || caller.kind !== 'key') return
    const succeeded = c.res.status < 400
    if (!succeeded && reserved === 0) return
    background(
      c,
      stub.settle({
        key: caller.record.id,
        operation,
        ...(month !== undefined ? { month } : {}),
        requests: succeeded ? 1 : 0,
        characters: succeeded ? characters : 0,
        reserved,
      })
    )
  }
}

/**
 * Admission of a background job once its items are counted, before anything is queued: one
 * request against the caller's rate limit, and every item's characters reserved against the
 * monthly quota (429 otherwise). Admitted, the job is counted at once — `items` requests and their
 * characters — whatever its items' outcomes, as the same requests one by one would be.
 */
export async function admitJob(
  c: Context<AppEnv>,
  operation: MeteredOperation | null,
  items: number,
  characters: number
): Promise<void> {
  const caller = c.get('caller') as Caller | undefined
  if (caller === undefined) throw new ApiError('unauthorized', 'Missing credentials.')
  const admission = await admitOrRefuse(c, caller, operation, characters, 'job')
  if (admission === undefined || operation === null || caller.kind !== 'key') return
  const { stub, month, reserved } = admission
  background(
    c,
    stub.settle({
      key: caller.record.id,
      operation,
      ...(month !== undefined ? { month } : {}),
      requests: items,
      characters,
      reserved,
    })
  )
}

/** Route middleware: only the operator (`ADMIN_TOKEN`) may continue. */
export function requireOperator(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller') as Caller | undefined
    if (caller === undefined || caller.kind === 'anonymous') {
      throw new ApiError('unauthorized', 'Send Authorization: Bearer <admin token>.', {
        headers: CHALLENGE,
      })
    }
    if (caller.kind !== 'operator') {
      throw new ApiError(
        'insufficient_scope',
        'This needs the operator token (ADMIN_TOKEN), not an API key.',
        {
          extensions: { scope: 'admin' },
        }
      )
    }
    return next()
  }
}
