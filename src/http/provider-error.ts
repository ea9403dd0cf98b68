/**
 * Translation engine failures as API errors: the one mapping from the domain's `ProviderError`
 * (see `src/translate/errors.ts`) to problem+json, shared by every route that translates.
 *
 * @module
 */

import type { Logger } from '../services'
import { isProviderError, type ProviderError, providerProblem } from '../translate/errors'
import { ApiError } from './problem'

/**
 * Maps an engine failure to its problem: 422 `unsupported_language_pair` (with
 * `supportedTargets`), 502 `provider_unavailable` / `provider_bad_response`, 503
 * `provider_rate_limited` (with `Retry-After`), 504 `provider_timeout`. Every problem names the
 * `provider`.
 */
export function providerApiError(error: ProviderError): ApiError {
  const problem = providerProblem(error)
  return new ApiError(problem.code, problem.detail, {
    extensions: {
      provider: error.provider,
      ...(problem.supportedTargets !== undefined
        ? { supportedTargets: [...problem.supportedTargets] }
        : {}),
    },
    ...(problem.retryAfter !== undefined
      ? { headers: { 'Retry-After': String(problem.retryAfter) } }
      : {}),
  })
}

/** Logs an engine failure (never the text) and turns it into the API's problem. */
export function engineFailure(log: Logger, error: ProviderError): ApiError {
  log('translation_failed', {
    provider: error.provider,
    kind: error.kind,
    ...(error.status !== undefined ? { upstreamStatus: error.status } : {}),
    message: error.message,
  })
  return providerApiError(error)
}

/** Runs engine work; an engine failure is logged and rethrown as its API problem. */
export async function withProviderErrors<T>(log: Logger, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isProviderError(error)) throw engineFailure(log, error)
    throw error
  }
}
