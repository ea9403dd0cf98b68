/**
 * `@precis/client` — a small typed client for the Précis API, for Node 18+, browsers, Deno, Bun
 * and Workers. No runtime dependencies; the types are generated from the API's OpenAPI document
 * (`api.generated.ts`), which the Worker builds from the schemas it validates requests with.
 *
 * @example
 * import { createPrecisClient, PrecisError } from '@precis/client'
 *
 * const precis = createPrecisClient({ baseUrl: 'https://precis.example.com', apiKey: 'sk_…' })
 * try {
 *   const { summaries } = await precis.summarize({ text, lengths: ['short', { sentences: 2 }] })
 * } catch (error) {
 *   if (error instanceof PrecisError) console.error(error.problem.code, error.problem.errors)
 * }
 *
 * @module
 */
import {
  type DetectBatchResponse,
  type Detection,
  type DetectRequest,
  type Glossary,
  type GlossaryList,
  type Health,
  type LanguagesResponse,
  OPERATIONS,
  type Operations,
  type Problem,
  type SummarizeBatchResponse,
  type SummarizeRequest,
  type SummarizeResponse,
  type TerminologyCheckRequest,
  type TerminologyCheckResponse,
  type TranslateRequest,
  type TranslateResponse,
  type Usage,
} from './api.generated.js'

export * from './api.generated.js'

/**
 * What the client needs of `fetch`, written out so that the types need neither the DOM library
 * nor `@types/node` nor the Workers types: the global `fetch` of every modern runtime fits.
 */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>
export type FetchInit = {
  method: string
  headers: Record<string, string>
  body?: string
  signal?: unknown
}
export type HeadersLike = { get(name: string): string | null }
export type FetchResponse = {
  readonly status: number
  readonly headers: HeadersLike
  text(): Promise<string>
}

export type PrecisClientOptions = {
  /** The deployment, e.g. `https://precis.example.com` (a trailing slash is fine). */
  readonly baseUrl: string
  /** Sent as `Authorization: Bearer <apiKey>`: a secret `sk_…` key on servers. */
  readonly apiKey?: string
  /** Sent with every request (an explicit `authorization` here wins over `apiKey`). */
  readonly headers?: Readonly<Record<string, string>>
  /** Default: the global `fetch`. */
  readonly fetch?: FetchLike
}

export type OperationId = keyof Operations

type SuccessStatus = 200 | 201 | 202 | 204 | 304
type Responses<K extends OperationId> = Operations[K]['responses']
type SuccessKeys<K extends OperationId> = Extract<keyof Responses<K>, SuccessStatus>

/** A successful answer: its status, its body (JSON parsed, text as a string) and its headers. */
export type PrecisResponse<K extends OperationId> = {
  [S in SuccessKeys<K>]: { status: S; data: Responses<K>[S]; headers: HeadersLike }
}[SuccessKeys<K>]

type Body<K extends OperationId> = Operations[K]['body']
type ParamsOption<K extends OperationId> =
  Operations[K]['params'] extends Record<string, never>
    ? { params?: undefined }
    : { params: Operations[K]['params'] }
type BodyOption<K extends OperationId> = [Body<K>] extends [never]
  ? { body?: undefined; contentType?: undefined }
  : (Operations[K]['bodyRequired'] extends true
      ? { body: Body<K>[keyof Body<K>] }
      : { body?: Body<K>[keyof Body<K>] }) & {
      /** Media type of a string body (e.g. `text/tab-separated-values`); objects go as JSON. */
      contentType?: keyof Body<K> & string
    }

export type RequestOptions<K extends OperationId> = ParamsOption<K> &
  BodyOption<K> & {
    query?: Operations[K]['query']
    headers?: Operations[K]['headers'] & Record<string, string>
    /** An `AbortSignal`, passed to `fetch`. */
    signal?: unknown
  }

type RequestArgs<K extends OperationId> =
  Record<string, never> extends RequestOptions<K>
    ? [options?: RequestOptions<K>]
    : [options: RequestOptions<K>]

/**
 * A request the API refused or failed: `problem` is its RFC 9457 problem details (`code`,
 * `detail`, `errors[]` with a JSON pointer per field, `requestId` for the logs). An answer that
 * is not problem+json (a proxy's error page, say) gets a problem with `code: "unexpected_response"`.
 */
export class PrecisError extends Error {
  readonly status: number
  readonly problem: Problem
  readonly headers: HeadersLike

  constructor(problem: Problem, headers: HeadersLike) {
    super(`${problem.status} ${problem.code}: ${problem.detail}`)
    this.name = 'PrecisError'
    this.status = problem.status
    this.problem = problem
    this.headers = headers
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.status === 'number' && typeof v.code === 'string' && typeof v.title === 'string'
}

function expand(template: string, params: Readonly<Record<string, unknown>> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined) throw new TypeError(`missing path parameter "${name}"`)
    return encodeURIComponent(String(value))
  })
}

function queryString(query: Readonly<Record<string, unknown>> | undefined): string {
  const pairs = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`
}

function globalFetch(): FetchLike {
  const global = (globalThis as unknown as { fetch?: FetchLike }).fetch
  if (global === undefined)
    throw new TypeError('no global fetch in this runtime: pass options.fetch')
  return global.bind(globalThis)
}

export type PrecisClient = ReturnType<typeof createPrecisClient>

export function createPrecisClient(options: PrecisClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const fetchImpl: FetchLike = options.fetch ?? globalFetch()

  /** Any operation by its operationId; resolves on 2xx/304, rejects with `PrecisError`. */
  async function request<K extends OperationId>(
    operation: K,
    ...[opts]: RequestArgs<K>
  ): Promise<PrecisResponse<K>> {
    const { method, path } = OPERATIONS[operation]
    const o = (opts ?? {}) as {
      params?: Record<string, unknown>
      query?: Record<string, unknown>
      headers?: Record<string, string>
      body?: unknown
      contentType?: string
      signal?: unknown
    }
    const headers: Record<string, string> = {}
    if (options.apiKey !== undefined) headers.authorization = `Bearer ${options.apiKey}`
    for (const source of [options.headers, o.headers]) {
      for (const [name, value] of Object.entries(source ?? {})) headers[name.toLowerCase()] = value
    }
    let body: string | undefined
    if (o.body !== undefined) {
      const raw = typeof o.body === 'string'
      body = raw ? (o.body as string) : JSON.stringify(o.body)
      headers['content-type'] = o.contentType ?? (raw ? 'text/plain' : 'application/json')
    }
    const url = `${baseUrl}${expand(path, o.params)}${queryString(o.query)}`
    const init: FetchInit = { method, headers }
    if (body !== undefined) init.body = body
    if (o.signal !== undefined) init.signal = o.signal
    const response = await fetchImpl(url, init)
    const text = await response.text()
    const type = response.headers.get('content-type') ?? ''
    let data: unknown = text
    if (/[/+]json\b/.test(type) && text !== '') {
      try {
        data = JSON.parse(text)
      } catch {
        data = text
      }
    }
    if (response.status >= 200 && response.status < 300) {
      return {
        status: response.status,
        data: text === '' ? undefined : data,
        headers: response.headers,
      } as PrecisResponse<K>
    }
    if (response.status === 304) {
      return { status: 304, data: undefined, headers: response.headers } as PrecisResponse<K>
    }
    throw new PrecisError(
      isProblem(data)
        ? data
        : {
            type: 'about:blank',
            title: 'Unexpected response',
            status: response.status,
            detail: `${method} ${path} answered ${response.status} ${type || 'without a content type'}: ${text.slice(0, 200)}`,
            code: 'unexpected_response',
            instance: path,
            requestId: response.headers.get('x-request-id') ?? '',
          },
      response.headers
    )
  }

  const json = async <K extends OperationId>(operation: K, ...args: RequestArgs<K>) =>
    (await request(operation, ...args)).data

  return {
    request,
    health: () => json('health') as Promise<Health>,
    /** Summaries of one text (send `items` through `summarizeBatch`). */
    summarize: (body: SummarizeRequest & { text: string; items?: undefined }) =>
      json('summarize', { body }) as Promise<SummarizeResponse>,
    /** Up to 50 texts in one call; each result is a body or its own problem. */
    summarizeBatch: (body: SummarizeRequest & { items: NonNullable<SummarizeRequest['items']> }) =>
      json('summarize', { body }) as Promise<SummarizeBatchResponse>,
    detect: (body: DetectRequest & { text: string; items?: undefined }) =>
      json('detectLanguage', { body }) as Promise<Detection>,
    detectBatch: (body: DetectRequest & { items: NonNullable<DetectRequest['items']> }) =>
      json('detectLanguage', { body }) as Promise<DetectBatchResponse>,
    translate: (body: TranslateRequest) =>
      json('translate', { body }) as Promise<TranslateResponse>,
    languages: () => json('listLanguages') as Promise<LanguagesResponse>,
    usage: () => json('getUsage') as Promise<Usage>,
    glossaries: () => json('listGlossaries') as Promise<GlossaryList>,
    /** One glossary as JSON (other formats: `request('getGlossary', { query: { format } })`). */
    glossary: (id: string) => json('getGlossary', { params: { id } }) as Promise<Glossary>,
    checkTerminology: (id: string, body: TerminologyCheckRequest) =>
      json('checkTerminology', { params: { id }, body }) as Promise<TerminologyCheckResponse>,
  }
}
