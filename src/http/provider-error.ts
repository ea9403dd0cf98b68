/**
 * Translation engine failures as API errors: the one mapping from the domain's `ProviderError`
 * (see `src/translate/errors.ts`) to problem+json, shared by every route that translates.
 *
 * @module
 */
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

/** Runs a translation, turning engine failures into API errors (anything else is rethrown). */
export async function withProviderErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isProviderError(error)) throw providerApiError(error)
    throw error
  }
}
