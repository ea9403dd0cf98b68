/**
 * Engine failures, as one error class with a small closed set of kinds.
 *
 * Providers translate whatever their transport reports (a refused connection, an HTTP status, a
 * thrown binding error) into a {@link ProviderError}; the pipeline decides from `retryable`
 * whether one more attempt is worth it, and the HTTP layer maps `kind` to a problem+json answer
 * with {@link providerProblem}. Keeping the mapping here means every provider fails the same way.
 *
 * @module
 */

/** What went wrong with the engine, independent of which engine it was. */
export type ProviderErrorKind =
  /** Could not reach the engine, or it answered with a server error (5xx, refused connection). */
  | 'unavailable'
  /** The engine did not answer within the deadline. */
  | 'timeout'
  /** The engine does not translate this language pair. */
  | 'unsupported_pair'
  /** The engine refused because of a rate limit or an exhausted quota. */
  | 'rate_limited'
  /** The engine answered, but not with something we can use (wrong shape, wrong count). */
  | 'bad_response'

/** Options for {@link ProviderError}. */
export type ProviderErrorOptions = {
  /** Whether a second attempt may succeed. Defaults by kind (see {@link DEFAULT_RETRYABLE}). */
  readonly retryable?: boolean
  /** For `unsupported_pair`: the targets the engine offers for the requested source. */
  readonly supportedTargets?: readonly string[]
  /** Upstream HTTP status, when there was one (diagnostics only). */
  readonly status?: number
  /** A server-suggested wait before retrying (from `Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number
  readonly cause?: unknown
}

/** Which kinds are worth one more attempt when the provider does not say otherwise. */
export const DEFAULT_RETRYABLE: Readonly<Record<ProviderErrorKind, boolean>> = {
  unavailable: true,
  timeout: true,
  rate_limited: true,
  unsupported_pair: false,
  bad_response: false,
}

/** A translation engine failure. Messages never contain credentials or the submitted text. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError'
  readonly kind: ProviderErrorKind
  /** The provider's name (`apertium`, `workers-ai`, `deepl`, `fake`). */
  readonly provider: string
  readonly retryable: boolean
  readonly supportedTargets: readonly string[] | undefined
  readonly status: number | undefined
  readonly retryAfterMs: number | undefined

  constructor(
    kind: ProviderErrorKind,
    provider: string,
    message: string,
    options: ProviderErrorOptions = {}
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.kind = kind
    this.provider = provider
    this.retryable = options.retryable ?? DEFAULT_RETRYABLE[kind]
    this.supportedTargets = options.supportedTargets
    this.status = options.status
    this.retryAfterMs = options.retryAfterMs
  }
}

/** `true` for a {@link ProviderError} (also across module copies, by shape). */
export function isProviderError(error: unknown): error is ProviderError {
  return (
    error instanceof ProviderError ||
    (error instanceof Error &&
      error.name === 'ProviderError' &&
      typeof (error as Partial<ProviderError>).kind === 'string')
  )
}

/** The problem+json fields for a provider failure (RFC 9457); the HTTP layer adds `type`. */
export type ProviderProblem = {
  readonly status: 422 | 502 | 503 | 504
  /** Stable lowercase snake_case code. */
  readonly code:
    | 'unsupported_language_pair'
    | 'provider_unavailable'
    | 'provider_timeout'
    | 'provider_rate_limited'
    | 'provider_bad_response'
  readonly title: string
  readonly detail: string
  /** Only for `unsupported_language_pair`: the targets available from the requested source. */
  readonly supportedTargets?: readonly string[]
  /** Seconds, for a `Retry-After` header on 503. */
  readonly retryAfter?: number
}

/**
 * Maps a provider failure to the API's error model.
 *
 * Upstream rate limiting is our dependency being busy, not the client exceeding its own limits,
 * so it is a 503 with `Retry-After` rather than a 429.
 */
export function providerProblem(error: ProviderError): ProviderProblem {
  const engine = error.provider
  switch (error.kind) {
    case 'unsupported_pair':
      return {
        status: 422,
        code: 'unsupported_language_pair',
        title: 'Unsupported language pair',
        detail: `${error.message} Supported targets: ${
          error.supportedTargets && error.supportedTargets.length > 0
            ? error.supportedTargets.join(', ')
            : 'none'
        }.`,
        supportedTargets: error.supportedTargets ?? [],
      }
    case 'timeout':
      return {
        status: 504,
        code: 'provider_timeout',
        title: 'Translation engine timed out',
        detail: `The ${engine} engine did not answer in time. ${error.message}`,
      }
    case 'rate_limited':
      return {
        status: 503,
        code: 'provider_rate_limited',
        title: 'Translation engine is rate limited',
        detail: `The ${engine} engine refused the request (rate limit or quota). ${error.message}`,
        retryAfter: Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000)),
      }
    case 'bad_response':
      return {
        status: 502,
        code: 'provider_bad_response',
        title: 'Translation engine gave an unusable answer',
        detail: `The ${engine} engine answered with something Précis cannot use. ${error.message}`,
      }
    default:
      return {
        status: 502,
        code: 'provider_unavailable',
        title: 'Translation engine unavailable',
        detail: `The ${engine} engine could not be reached. ${error.message}`,
      }
  }
}
