/**
 * Admin authentication for glossary writes: `Authorization: Bearer <ADMIN_TOKEN>`, checked by
 * Hono's `bearerAuth` (which compares SHA-256 digests of both tokens in constant time, so
 * neither the token's content nor its length leaks through timing). Mounted as route middleware,
 * it runs before the request is validated: a write to a malformed id without a token is a 401,
 * not a 422 that tells a stranger what the id rules are. The token never appears in a log line
 * or a problem document.
 *
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import type { AppEnv } from './env'
import { ApiError, problemResponse } from './problem'

const REALM = 'precis-glossaries'

/** Route middleware: 401 `unauthorized` unless the request carries the admin token. */
export function adminAuth(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const expected = c.var.services.config.adminToken
    const detail =
      expected === undefined
        ? 'Glossary writes are disabled: the service has no ADMIN_TOKEN.'
        : 'Send Authorization: Bearer <admin token>.'
    // Every refusal (no header, a header that is not a bearer token, a wrong token) is the same
    // 401 problem; bearerAuth adds the WWW-Authenticate challenge.
    const refuse = {
      message: (ctx: Context<AppEnv>) => problemResponse(ctx, new ApiError('unauthorized', detail)),
    }
    const options = {
      realm: REALM,
      noAuthenticationHeader: refuse,
      invalidAuthenticationHeader: refuse,
      invalidToken: refuse,
    }
    const check =
      expected === undefined
        ? bearerAuth<AppEnv>({ ...options, verifyToken: async () => false })
        : bearerAuth<AppEnv>({ ...options, token: expected })
    return check(c, next)
  }
}
