import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ConfigError } from '../config'
import { UseCaseError } from '../usecases/errors'
import type { AppEnv } from './env'
import { ApiError, problemResponse, toApiError } from './problem'
import { isWarmUpEnv } from './warm-up'

/**
 * The app's error handler: every failure becomes a problem document. Expected failures (typed
 * use-case errors, API errors, Hono's own HTTP exceptions) are answered as they are; anything
 * else is logged in full and answered as a 500 without internals.
 */
export function errorHandler(): ErrorHandler<AppEnv> {
  return (error, c) => {
    // At startup the runtime refuses to make any Response (see warm-up.ts): the warm-up's
    // requests fail here by design, and making the problem below fails again; no log line.
    const quiet = isWarmUpEnv(c.env)
    // Middleware that already rendered its problem (the admin check) hands over the response.
    if (error instanceof HTTPException && error.res) return error.getResponse()
    if (error instanceof ConfigError) {
      if (!quiet)
        console.error(
          JSON.stringify({
            event: 'configuration_error',
            requestId: c.get('requestId'),
            error: error.message,
          })
        )
      return problemResponse(
        c,
        new ApiError('configuration_error', 'The service is misconfigured.')
      )
    }
    const apiError = toApiError(error)
    const expected = error instanceof ApiError || error instanceof UseCaseError
    if (apiError.status >= 500 && !expected && !quiet) {
      console.error(
        JSON.stringify({
          event: 'unhandled_error',
          requestId: c.get('requestId'),
          path: c.req.path,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          stack: error instanceof Error ? error.stack : undefined,
        })
      )
    }
    return problemResponse(c, apiError)
  }
}
