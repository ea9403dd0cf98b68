/**
 * Engine failures, as one error class with a small closed set of kinds.
 *
 * Providers translate whatever their transport reports (a refused connection, an HTTP status, a
 * thrown binding error) into a {@link ProviderError}; the pipeline decides from `retryable`
 * whether one more attempt is worth it. The error carries only its `kind` and `retryable`: the
 * use cases turn it into a typed error code and the HTTP edge's one table (`PROBLEMS` in
 * `src/http/problem.ts`) decides the status, so every provider fails the same way.
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
