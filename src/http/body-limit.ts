import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from './env'
import { ApiError } from './problem'

/**
 * Middleware: 413 for a body over `MAX_BODY_BYTES`, enforced on the raw stream (or
 * Content-Length) before anything parses it. Needs the services (the limit is configuration).
 */
export function requestBodyLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const maxSize = c.var.services.config.maxBodyBytes
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(
          'payload_too_large',
          `The request body is over the limit of ${maxSize} bytes.`
        )
      },
    })(c, next)
  }
}
