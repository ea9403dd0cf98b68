import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ConfigError } from '../config'
import { UseCaseError } from '../usecases/errors'
import type { AppEnv } from './env'
import { ApiError, problemResponse, toApiError } from './problem'

/**
 * The app's error handler: every failure becomes a problem document. Expected failures (typed
 * use-case errors, API errors, Hono's own HTTP exceptions) are answered as they are; anything
 * else is logged in full and answered as a 500 without internals.
 */
export function errorHandler(): ErrorHandler<AppEnv> {
  return (error, c) => {
    // Middleware that already rendered its problem (the admin check) hands over the response.
    if (error instanceof HTTPException && error.res) return error.getResponse()
    if (error instanceof ConfigError) {
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
    if (apiError.status >= 500 && !expected) {
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
