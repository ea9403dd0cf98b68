/**
 * Background jobs: what a job is, how its items are cut into chunks, and how its final status
 * follows from its counters. Pure: the Durable Object, the queue consumer and the routes share it.
 *
 * @module
 */

/** What a job runs on each item: the single-request route of the same name. */
export const JOB_OPERATIONS = ['summarize', 'detect', 'translate', 'check'] as const
export type JobOperation = (typeof JOB_OPERATIONS)[number]

export const JOB_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'partially_succeeded',
  'failed',
  'cancelled',
] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** Items per chunk: one queue message, one input object and one result object in R2. */
export const JOB_CHUNK_ITEMS = 25

/** Result lines per page of `GET /v1/jobs/{id}/results` (a whole number of chunks). */
export const RESULTS_PAGE_LINES = 1000

/** Most items of one job. */
export const MAX_JOB_ITEMS = 100_000

/** Most items of a JSON job body (larger jobs are uploaded as NDJSON). */
export const MAX_JSON_JOB_ITEMS = 5_000

/** Largest JSON job body, in bytes. */
export const MAX_JSON_JOB_BYTES = 10 * 1024 * 1024

/** Largest NDJSON upload, in bytes (the Workers request body limit of the Free and Pro plans). */
export const MAX_NDJSON_JOB_BYTES = 100 * 1024 * 1024

/** Longest NDJSON line, in bytes: one item (the single routes take at most 200,000 characters). */
export const MAX_NDJSON_LINE_BYTES = 1024 * 1024

export type JobProgress = { total: number; done: number; failed: number }

/** A job as the API shows it. */
export type JobDocument = {
  id: string
  operation: JobOperation
  status: JobStatus
  progress: JobProgress
  createdAt: string
  updatedAt: string
  expiresAt: string
  callbackUrl?: string
}

export function isTerminal(status: JobStatus): boolean {
  return status !== 'queued' && status !== 'running'
}

/** The status of a job whose every chunk has finished. */
export function finishedStatus(progress: JobProgress): JobStatus {
  if (progress.failed === 0) return 'succeeded'
  if (progress.failed >= progress.total) return 'failed'
  return 'partially_succeeded'
}

/** Chunks needed for `items` items. */
export function chunkCount(items: number): number {
  return Math.ceil(items / JOB_CHUNK_ITEMS)
}

const JOB_ID = /^job_[0-9a-f]{32}$/

export function isJobId(value: string): boolean {
  return JOB_ID.test(value)
}

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** A fresh job id. */
export function newJobId(): string {
  return `job_${hex(crypto.getRandomValues(new Uint8Array(16)))}`
}

/**
 * The job id an `Idempotency-Key` stands for: the same tenant and key always name the same job
 * (so its Durable Object decides, strongly consistently, whether the key was used before).
 */
export async function idempotentJobId(tenant: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`${tenant}\n${key}`)
  )
  return `job_${hex(digest).slice(0, 32)}`
}

/** SHA-256 of `data` in hex. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
  return hex(await crypto.subtle.digest('SHA-256', bytes))
}

/** Delay before delivery `attempt` + 1 of a chunk: `base` doubled per attempt, at most an hour. */
export function retryDelaySeconds(base: number, attempt: number): number {
  return Math.min(3600, base * 2 ** Math.max(0, attempt - 1))
}

/** A results cursor: the index of the first chunk of the page, as text. */
export function parseCursor(value: string | undefined, chunks: number): number | undefined {
  if (value === undefined) return 0
  if (!/^(0|[1-9][0-9]{0,6})$/.test(value)) return undefined
  const n = Number(value)
  return n <= chunks ? n : undefined
}

/** What a submission fixes about a job. */
export type JobSpec = {
  readonly id: string
  readonly tenant: string
  readonly operation: JobOperation
  /** The request fields every item inherits (its own fields override them). */
  readonly defaults: Readonly<Record<string, unknown>>
  readonly total: number
  readonly chunks: number
  /** Where this submission's input lies in R2 (`jobs/{id}/{upload}/input/…`). */
  readonly upload: string
  /** SHA-256 of the operation, defaults, callback and every item: what idempotency compares. */
  readonly payloadHash: string
  readonly callbackUrl: string | null
  /** `whsec_…`; returned once, in the answer that created the job. */
  readonly webhookSecret: string | null
  /** The API origin the job was submitted to: the base of its problems' `type` URIs. */
  readonly origin: string
  /** The submitting request's id, carried into every item's problem. */
  readonly requestId: string
  /** Whether the submitter held the `translate` scope (summaries with `translate` need it). */
  readonly mayTranslate: boolean
}

/** A job as its Durable Object keeps it. Times in milliseconds since the epoch. */
export type JobRecord = JobSpec & {
  status: JobStatus
  done: number
  failed: number
  createdAt: number
  updatedAt: number
  expiresAt: number
  webhook: {
    attempts: number
    /** When the next delivery is due; `null` when none is pending. */
    nextAt: number | null
    deliveredAt: number | null
    lastError: string | null
  }
}

/** The API's view of a job (never its secret). */
export function jobDocument(record: JobRecord): JobDocument {
  return {
    id: record.id,
    operation: record.operation,
    status: record.status,
    progress: { total: record.total, done: record.done, failed: record.failed },
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    expiresAt: new Date(record.expiresAt).toISOString(),
    ...(record.callbackUrl !== null ? { callbackUrl: record.callbackUrl } : {}),
  }
}

/** One queue message: a chunk of a job. Tiny, whatever the items weigh (they are in R2). */
export type ChunkMessage = { readonly job: string; readonly chunk: number }

export function isChunkMessage(value: unknown): value is ChunkMessage {
  if (typeof value !== 'object' || value === null) return false
  const { job, chunk } = value as { job?: unknown; chunk?: unknown }
  return (
    typeof job === 'string' && isJobId(job) && Number.isInteger(chunk) && (chunk as number) >= 0
  )
}
