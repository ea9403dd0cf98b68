/**
 * RFC 9457 problem details: the one error format of the API.
 *
 * Every non-2xx body is `application/problem+json` with `type`, `title`, `status`, `detail`, a
 * stable machine `code`, the `instance` path and the `requestId`; validation failures add
 * `errors: [{ pointer, message }]` with JSON pointers (RFC 6901, in the `#/…` fragment form).
 * Codes, statuses and titles live in one table so they never drift between occurrences.
 *
 * @module
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { type FieldIssue, UseCaseError, type UseCaseErrorCode } from '../usecases/errors'

/** Codes only the HTTP edge produces (the use cases never see a method or a route). */
type EdgeCode =
  | 'unauthorized'
  | 'incomplete_body'
  | 'insufficient_scope'
  | 'origin_not_allowed'
  | 'rate_limited'
  | 'quota_exceeded'
  | 'method_not_allowed'
  | 'not_acceptable'
  | 'internal_error'
  | 'configuration_error'

/**
 * Every problem the API can answer with: code → status and title. The only place a status is
 * decided; use cases and engines name a code, never a status.
 */
export const PROBLEMS = {
  malformed_json: { status: 400, title: 'Malformed JSON' },
  malformed_document: { status: 400, title: 'Malformed document' },
  incomplete_body: { status: 400, title: 'Incomplete request body' },
  invalid_request: { status: 422, title: 'Invalid request' },
  unauthorized: { status: 401, title: 'Missing or invalid credentials' },
  insufficient_scope: { status: 403, title: 'The key lacks a scope this needs' },
  origin_not_allowed: { status: 403, title: 'Origin not allowed for this key' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  not_acceptable: { status: 406, title: 'Not acceptable' },
  conflict: { status: 409, title: 'Conflict' },
  precondition_failed: { status: 412, title: 'Precondition failed' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  quota_exceeded: { status: 429, title: 'Monthly character quota exceeded' },
  // 404, not 422: a glossary of another tenant must look exactly like one that does not exist.
  unknown_glossary: { status: 404, title: 'Unknown glossary' },
  language_not_detected: { status: 422, title: 'Language not detected' },
  no_text: { status: 422, title: 'No text' },
  markdown_too_complex: { status: 422, title: 'Markdown too complex' },
  unsupported_language_pair: { status: 422, title: 'Unsupported language pair' },
  provider_not_configured: { status: 422, title: 'Translation provider not configured' },
  internal_error: { status: 500, title: 'Internal error' },
  configuration_error: { status: 500, title: 'Service misconfigured' },
  provider_unavailable: { status: 502, title: 'Translation engine unavailable' },
  provider_bad_response: { status: 502, title: 'Translation engine gave an unusable answer' },
  provider_rate_limited: { status: 503, title: 'Translation engine is rate limited' },
  provider_timeout: { status: 504, title: 'Translation engine timed out' },
  storage_unavailable: { status: 503, title: 'Storage unavailable' },
} as const satisfies Record<
  UseCaseErrorCode | EdgeCode,
  { status: ContentfulStatusCode; title: string }
>

export type ProblemCode = keyof typeof PROBLEMS

/** One validation failure: where (JSON pointer into the request body) and what. */
export type FieldError = FieldIssue

/** The problem document as sent. */
export type Problem = {
  type: string
  title: string
  status: number
  detail: string
  code: ProblemCode
  instance: string
  requestId: string
  errors?: FieldError[]
  [extension: string]: unknown
}

/**
 * The only error handlers throw. `app.onError` renders it.
 *
 * @example
 * throw new ApiError('not_found', `No glossary '${id}'.`)
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly options: {
      readonly errors?: readonly FieldError[]
      /** Extra members of the problem document (e.g. `supportedTargets`). */
      readonly extensions?: Readonly<Record<string, unknown>>
      /** Extra response headers (e.g. `Allow`, `Retry-After`). */
      readonly headers?: Readonly<Record<string, string>>
    } = {}
  ) {
    super(detail)
  }

  get status(): ContentfulStatusCode {
    return PROBLEMS[this.code].status
  }
}

/** `invalid_request` → `invalid-request`: the slug used in the `type` URI. */
export function problemSlug(code: ProblemCode): string {
  return code.replaceAll('_', '-')
}

/**
 * Builds a JSON pointer (`#/lengths/0/words`) from a path of keys, escaping `~` and `/` as
 * RFC 6901 requires.
 */
export function toPointer(path: ReadonlyArray<PropertyKey>): string {
  const parts = path.map((key) => String(key).replaceAll('~', '~0').replaceAll('/', '~1'))
  return `#/${parts.join('/')}`
}

/** Where a problem happened: what its `type`, `instance` and `requestId` are built from. */
export type ProblemPlace = {
  /** Origin of the API (`https://api.example.com`). */
  readonly origin: string
  /** Path of the request (or job) the problem belongs to. */
  readonly instance: string
  readonly requestId: string
}

/** The place of the current request. */
export function problemPlace(c: Context): ProblemPlace {
  const url = new URL(c.req.url)
  return {
    origin: url.origin,
    instance: url.pathname,
    requestId: (c.get('requestId') as string | undefined) ?? '',
  }
}

/** The problem document of `error` at `place` (job items are rendered outside any request). */
export function problemDocumentAt(place: ProblemPlace, error: ApiError): Problem {
  const { status, title } = PROBLEMS[error.code]
  return {
    type: `${place.origin}/problems/${problemSlug(error.code)}`,
    title,
    status,
    detail: error.detail,
    code: error.code,
    instance: place.instance,
    requestId: place.requestId,
    ...(error.options.errors ? { errors: [...error.options.errors] } : {}),
    ...error.options.extensions,
  }
}

/** The problem document of `error` in the context of the current request (batch items embed it). */
export function problemDocument(c: Context, error: ApiError): Problem {
  return problemDocumentAt(problemPlace(c), error)
}

/** Renders a problem response in the context of the current request. */
export function problemResponse(c: Context, error: ApiError): Response {
  const body = problemDocument(c, error)
  return c.json(body, error.status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...error.options.headers,
  })
}

/** A use case's typed failure as the problem the edge answers with. */
export function fromUseCaseError(error: UseCaseError): ApiError {
  return new ApiError(error.code, error.detail, {
    ...(error.fields ? { errors: error.fields } : {}),
    ...(error.extensions ? { extensions: error.extensions } : {}),
    ...(error.retryAfterSeconds !== undefined
      ? { headers: { 'Retry-After': String(error.retryAfterSeconds) } }
      : {}),
  })
}

/** Maps whatever was thrown to an `ApiError`; unknown errors become `internal_error`. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  if (error instanceof UseCaseError) return fromUseCaseError(error)
  if (error instanceof HTTPException) {
    // Errors raised by Hono's own middleware (validator, body limit, media-type gate).
    switch (error.status) {
      case 400:
        return new ApiError('malformed_json', 'The request body is not valid JSON.')
      case 401:
        return new ApiError('unauthorized', 'Missing or invalid credentials.')
      case 413:
        return new ApiError('payload_too_large', 'The request body is larger than the limit.')
      case 415:
        return new ApiError(
          'unsupported_media_type',
          'This route does not take a body of that Content-Type; JSON routes take application/json (the OpenAPI document lists each route’s types).'
        )
      default:
        return new ApiError('internal_error', 'The request could not be processed.')
    }
  }
  return new ApiError('internal_error', 'The request could not be processed.')
}
