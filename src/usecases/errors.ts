/**
 * The typed failures of the use cases. A use case says *what* went wrong (a stable `code`,
 * whether trying again may help, a human `detail`, the fields at fault); the HTTP edge's one
 * table (`PROBLEMS` in `src/http/problem.ts`) decides the status and title.
 *
 * @module
 */
import type { ProviderError, ProviderErrorKind } from '../translate/errors'
import type { Logger } from './ports'

/** Every way a use case can refuse or fail. */
export type UseCaseErrorCode =
  | 'invalid_request'
  | 'malformed_json'
  | 'malformed_document'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'unknown_glossary'
  | 'language_not_detected'
  | 'no_text'
  | 'markdown_too_complex'
  | 'unsupported_language_pair'
  | 'provider_not_configured'
  | 'provider_unavailable'
  | 'provider_bad_response'
  | 'provider_rate_limited'
  | 'provider_timeout'
  | 'storage_unavailable'

/** One input at fault: a JSON pointer (`#/glossary`, `#/text/2`) and what is wrong with it. */
export type FieldIssue = {
  readonly pointer: string
  readonly message: string
  /** For text documents (glossary uploads): the 1-based line. */
  readonly line?: number
}

export type UseCaseErrorOptions = {
  readonly retryable?: boolean
  readonly fields?: readonly FieldIssue[]
  /** Extra facts a client can act on (e.g. `supportedTargets`, `availableProviders`). */
  readonly extensions?: Readonly<Record<string, unknown>>
  /** How long to wait before retrying, when the failure says. */
  readonly retryAfterSeconds?: number
  readonly cause?: unknown
}

export class UseCaseError extends Error {
  override readonly name = 'UseCaseError'
  readonly retryable: boolean
  readonly fields: readonly FieldIssue[] | undefined
  readonly extensions: Readonly<Record<string, unknown>> | undefined
  readonly retryAfterSeconds: number | undefined

  constructor(
    readonly code: UseCaseErrorCode,
    readonly detail: string,
    options: UseCaseErrorOptions = {}
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause })
    this.retryable = options.retryable ?? false
    this.fields = options.fields
    this.extensions = options.extensions
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}

/**
 * 422 `markdown_too_complex`: Markdown in a shape its parser would spend more than linear time on
 * (see `markdownComplexity`), refused before any parsing.
 */
export function markdownTooComplex(
  pointer: string,
  complexity: { readonly line: number; readonly message: string }
): UseCaseError {
  return new UseCaseError(
    'markdown_too_complex',
    `The Markdown is nested or delimited too densely to read in bounded time (line ${complexity.line}: ${complexity.message}).`,
    { fields: [{ pointer, message: complexity.message, line: complexity.line }] }
  )
}

/** 422 `no_text`: markup (HTML, Markdown) without readable text. */
export function noText(pointer = '#/text'): UseCaseError {
  return new UseCaseError(
    'no_text',
    'The text has no readable text once its markup is left out (tags, scripts, navigation, code…).',
    { fields: [{ pointer, message: 'no text outside markup' }] }
  )
}

/**
 * 422 `invalid_request` for a text over the length limit: plain text by its own length, markup by
 * the length of its readable text (the markup itself only counts against the body limit).
 */
export function textTooLong(max: number, markup: boolean, pointer = '#/text'): UseCaseError {
  return invalidField(
    pointer,
    markup
      ? `its text (markup left out) must be at most ${max} characters`
      : `must be at most ${max} characters`
  )
}

/** A refusal of one field: `invalid_request` naming it. */
export function invalidField(pointer: string, message: string, detail?: string): UseCaseError {
  return new UseCaseError('invalid_request', detail ?? `${pointer.slice(2)}: ${message}.`, {
    fields: [{ pointer, message }],
  })
}

const ENGINE_CODES: Readonly<Record<ProviderErrorKind, UseCaseErrorCode>> = {
  unsupported_pair: 'unsupported_language_pair',
  timeout: 'provider_timeout',
  rate_limited: 'provider_rate_limited',
  bad_response: 'provider_bad_response',
  unavailable: 'provider_unavailable',
}

/**
 * An engine failure as a use-case error. Upstream rate limiting is our dependency being busy, not
 * the client over its own limits, so it says when to retry rather than blaming the caller.
 */
export function engineError(error: ProviderError): UseCaseError {
  const engine = error.provider
  const code = ENGINE_CODES[error.kind]
  const common = { retryable: error.retryable, cause: error }
  switch (error.kind) {
    case 'unsupported_pair': {
      const targets = error.supportedTargets ?? []
      return new UseCaseError(
        code,
        `${error.message} Supported targets: ${targets.length > 0 ? targets.join(', ') : 'none'}.`,
        { ...common, extensions: { provider: engine, supportedTargets: [...targets] } }
      )
    }
    case 'timeout':
      return new UseCaseError(
        code,
        `The ${engine} engine did not answer in time. ${error.message}`,
        {
          ...common,
          extensions: { provider: engine },
        }
      )
    case 'rate_limited':
      return new UseCaseError(
        code,
        `The ${engine} engine refused the request (rate limit or quota). ${error.message}`,
        {
          ...common,
          extensions: { provider: engine },
          retryAfterSeconds: Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000)),
        }
      )
    case 'bad_response':
      return new UseCaseError(
        code,
        `The ${engine} engine answered with something Précis cannot use. ${error.message}`,
        { ...common, extensions: { provider: engine } }
      )
    default:
      return new UseCaseError(code, `The ${engine} engine could not be reached. ${error.message}`, {
        ...common,
        extensions: { provider: engine },
      })
  }
}

/** Logs an engine failure (never the text) and returns it as a use-case error. */
export function engineFailure(log: Logger, error: ProviderError): UseCaseError {
  log('translation_failed', {
    provider: error.provider,
    kind: error.kind,
    ...(error.status !== undefined ? { upstreamStatus: error.status } : {}),
    message: error.message,
  })
  return engineError(error)
}

/** Runs engine work; an engine failure is logged and rethrown as its use-case error. */
export async function withEngineErrors<T>(
  log: Logger,
  isEngineError: (error: unknown) => error is ProviderError,
  work: () => Promise<T>
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isEngineError(error)) throw engineFailure(log, error)
    throw error
  }
}
