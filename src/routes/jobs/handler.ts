import type { RouteHandler } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { authorize, type Caller } from '../../access/authenticate'
import { countCharacters, countsCharacters, type MeteredOperation } from '../../access/usage'
import { admitJob } from '../../http/access'
import type { AppEnv } from '../../http/env'
import { ApiError } from '../../http/problem'
import {
  type ChunkMessage,
  idempotentJobId,
  isJobId,
  isTerminal,
  JOB_CHUNK_ITEMS,
  type JobRecord,
  type JobSpec,
  jobDocument,
  MAX_NDJSON_JOB_BYTES,
  newJobId,
  parseCursor,
  RESULTS_PAGE_LINES,
} from '../../jobs/model'
import { newWebhookSecret } from '../../jobs/webhook'
import type { CreateResult, ResultsPlan } from '../../objects/job-state'
import { type JobPorts, jobPorts } from '../../services'
import { OPERATION_SCOPES } from './operations'
import type { cancelJobRoute, createJobRoute, getJobRoute, jobResultsRoute } from './route'
import { JobRequestSchema } from './schemas'
import { type Envelope, readNdjsonUpload, stageItems } from './submit'

/** Seconds a client is asked to wait between polls of a running job. */
const POLL_SECONDS = 2
/** Most messages per `sendBatch` (the Queues limit). */
const SEND_BATCH = 100

function ports(c: Context<AppEnv>): JobPorts {
  const found = c.env ? jobPorts(c.env) : undefined
  if (!found) {
    throw new ApiError(
      'configuration_error',
      'Background jobs need the JOBS, JOB_QUEUE and JOB_FILES bindings.'
    )
  }
  return found
}

function callerOf(c: Context<AppEnv>): Caller {
  const caller = c.get('caller') as Caller | undefined
  if (caller === undefined) throw new ApiError('unauthorized', 'Missing credentials.')
  return caller
}

function notFound(id: string): ApiError {
  return new ApiError('not_found', `No job '${id}'.`)
}

/** The scope of the operation, before anything is stored. */
function authorizeOperation(caller: Caller, envelope: Envelope): void {
  const scope = OPERATION_SCOPES[envelope.operation]
  const decision = authorize(caller, scope)
  if (!decision.ok) {
    throw new ApiError(decision.code, decision.detail, { extensions: { scope } })
  }
}

/** How each operation is metered: as its single route is (`check` is not metered). */
const METERED: Readonly<Record<Envelope['operation'], MeteredOperation | null>> = {
  summarize: 'summarize',
  detect: 'detect',
  translate: 'translate',
  check: null,
}

/** Characters of one item as its single request would be metered (text, and a summary's title). */
function meteredCharacters(envelope: Envelope): (item: Record<string, unknown>) => number {
  const operation = METERED[envelope.operation]
  if (operation === null || !countsCharacters(operation)) return () => 0
  const strings = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((t) => typeof t === 'string') : []
  return (item) => {
    const text = strings(item.text ?? envelope.defaults.text)
    const title = operation === 'summarize' ? strings(item.title ?? envelope.defaults.title) : []
    return countCharacters([...text, ...title])
  }
}

function mediaType(c: Context<AppEnv>): string {
  return (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/** Enqueues one message per chunk. */
async function enqueue(queue: Queue<ChunkMessage>, job: string, chunks: number): Promise<void> {
  for (let start = 0; start < chunks; start += SEND_BATCH) {
    const messages: MessageSendRequest<ChunkMessage>[] = []
    for (let chunk = start; chunk < Math.min(chunks, start + SEND_BATCH); chunk++) {
      messages.push({ body: { job, chunk } })
    }
    await queue.sendBatch(messages)
  }
}

function accepted(c: Context<AppEnv>, job: JobRecord, replayed: boolean): Response {
  const body = {
    ...jobDocument(job),
    ...(job.webhookSecret !== null ? { webhookSecret: job.webhookSecret } : {}),
  }
  return c.json(body, 202, {
    Location: `/v1/jobs/${job.id}`,
    'Retry-After': String(POLL_SECONDS),
    'Cache-Control': 'no-store',
    ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  })
}

export const createJobHandler: RouteHandler<typeof createJobRoute, AppEnv> = async (c) => {
  const caller = callerOf(c)
  const { files, job: jobObject, queue } = ports(c)
  const type = mediaType(c)

  let envelope: Envelope
  let items: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>
  if (type === 'application/x-ndjson') {
    const declared = Number.parseInt(c.req.header('content-length') ?? '', 10)
    if (declared > MAX_NDJSON_JOB_BYTES) {
      throw new ApiError(
        'payload_too_large',
        `The upload is over the limit of ${MAX_NDJSON_JOB_BYTES} bytes.`
      )
    }
    const body = c.req.raw.body
    if (!body) throw new ApiError('invalid_request', 'The upload is empty.')
    ;({ envelope, items } = await readNdjsonUpload(body))
  } else if (type === 'application/json') {
    const parsed = JobRequestSchema.parse(c.req.valid('json'))
    const { items: list, ...rest } = parsed
    envelope = rest
    items = list
  } else {
    throw new ApiError(
      'unsupported_media_type',
      'POST /v1/jobs takes application/json or application/x-ndjson.'
    )
  }
  authorizeOperation(caller, envelope)

  const key = c.req.header('idempotency-key')
  const id = key !== undefined ? await idempotentJobId(caller.tenant, key) : newJobId()
  const upload = crypto.randomUUID()
  let staged: Awaited<ReturnType<typeof stageItems>>
  try {
    staged = await stageItems(files, id, upload, envelope, items, meteredCharacters(envelope))
  } catch (error) {
    c.var.services.log('job_upload_refused', { job: id })
    await files.remove(id, upload).catch(() => undefined)
    throw error
  }

  try {
    await admitJob(c, METERED[envelope.operation], staged.total, staged.characters)
  } catch (error) {
    await files.remove(id, upload).catch(() => undefined)
    throw error
  }

  const url = new URL(c.req.url)
  const spec: JobSpec = {
    id,
    tenant: caller.tenant,
    operation: envelope.operation,
    defaults: envelope.defaults,
    total: staged.total,
    chunks: staged.chunks,
    upload,
    payloadHash: staged.hash,
    callbackUrl: envelope.callbackUrl ?? null,
    webhookSecret: envelope.callbackUrl !== undefined ? newWebhookSecret() : null,
    origin: url.origin,
    requestId: c.get('requestId') ?? '',
    mayTranslate: authorize(caller, 'translate').ok,
  }
  const stub = jobObject(id)
  const created = (await stub.create(
    spec,
    Date.now(),
    c.var.services.config.jobs.ttlSeconds
  )) as CreateResult
  if (created.kind !== 'created') {
    await files.remove(id, upload).catch(() => undefined)
    if (created.kind === 'conflict') {
      throw new ApiError(
        'invalid_request',
        'This Idempotency-Key was already used with another payload.',
        { extensions: { header: 'Idempotency-Key' } }
      )
    }
    return accepted(c, created.job, true) as never
  }
  try {
    await enqueue(queue, id, staged.chunks)
  } catch (error) {
    c.var.services.log('job_enqueue_failed', { job: id, error: String(error) })
    await stub.cancel(caller.tenant, Date.now())
    throw new ApiError('storage_unavailable', 'The job could not be queued; submit it again.')
  }
  c.var.services.log('job_created', { job: id, items: staged.total, chunks: staged.chunks })
  return accepted(c, created.job, false) as never
}

async function describe(c: Context<AppEnv>, id: string): Promise<JobRecord> {
  if (!isJobId(id)) throw notFound(id)
  const record = await ports(c).job(id).describe(callerOf(c).tenant)
  if (record === null) throw notFound(id)
  return record as JobRecord
}

function pollHeaders(record: JobRecord): Record<string, string> {
  return {
    'Cache-Control': 'no-store',
    ...(isTerminal(record.status) ? {} : { 'Retry-After': String(POLL_SECONDS) }),
  }
}

export const getJobHandler: RouteHandler<typeof getJobRoute, AppEnv> = async (c) => {
  const record = await describe(c, c.req.valid('param').id)
  return c.json(jobDocument(record), 200, pollHeaders(record))
}

export const cancelJobHandler: RouteHandler<typeof cancelJobRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  if (!isJobId(id)) throw notFound(id)
  const record = await ports(c).job(id).cancel(callerOf(c).tenant, Date.now())
  if (record === null) throw notFound(id)
  return c.json(jobDocument(record as JobRecord), 200, { 'Cache-Control': 'no-store' })
}

/** The results objects of `chunks`, one after the other, as one stream. */
function concatenate(files: JobPorts['files'], job: string, chunks: readonly number[]) {
  let next = 0
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (reader === null) {
          const chunk = chunks[next++]
          if (chunk === undefined) {
            controller.close()
            return
          }
          const body = await files.getResults(job, chunk)
          if (body === null) continue
          reader = body.getReader()
        }
        const { done, value } = await reader.read()
        if (done) {
          reader = null
          continue
        }
        controller.enqueue(value)
        return
      }
    },
    async cancel() {
      await reader?.cancel()
    },
  })
}

export const jobResultsHandler: RouteHandler<typeof jobResultsRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const record = await describe(c, id)
  const from = parseCursor(c.req.valid('query').cursor, record.chunks)
  if (from === undefined) {
    throw new ApiError('invalid_request', 'The cursor is not one this API gave.', {
      errors: [{ pointer: '#/cursor', message: 'use the Link rel="next" of the previous page' }],
    })
  }
  const { files, job } = ports(c)
  const plan = (await job(id).plan(
    record.tenant,
    from,
    RESULTS_PAGE_LINES / JOB_CHUNK_ITEMS
  )) as ResultsPlan | null
  if (plan === null) throw notFound(id)
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    ...pollHeaders(plan.job),
  }
  if (plan.next !== null) headers.Link = `</v1/jobs/${id}/results?cursor=${plan.next}>; rel="next"`
  return new Response(concatenate(files, id, plan.chunks), { status: 200, headers }) as never
}
