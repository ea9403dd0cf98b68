/**
 * The queue consumer of background jobs. A message is one chunk of a job: its items are read
 * from R2, run one by one through the operation's use case (`ITEM_RUNNERS`, the single routes'
 * own), and their results written back to R2 before the job's object counts the chunk.
 *
 * Failures:
 * - an item whose engine is unavailable, timed out or rate-limited (`TRANSIENT_CODES`) sends the
 *   whole chunk back to the queue with a growing delay (the items before it answer from the
 *   cache the second time); on the last delivery (`JOB_MAX_ATTEMPTS`) it ends failed with that
 *   problem instead, so a chunk never loops and never holds up the others;
 * - any other item failure is that item's problem at once (retrying would not change it);
 * - a chunk whose processing throws (R2 or the object unreachable) is retried by the queue and,
 *   after `max_retries`, lands in the dead-letter queue, whose consumer (this same function) marks
 *   each of its items failed with an `internal_error` problem, so the job still finishes.
 *
 * @module
 */
import { ApiError, type ProblemPlace, problemDocumentAt } from '../../http/problem'
import {
  type ChunkMessage,
  isChunkMessage,
  JOB_CHUNK_ITEMS,
  type JobRecord,
  retryDelaySeconds,
} from '../../jobs/model'
import type { StartResult } from '../../objects/job-state'
import {
  configFor,
  createServices,
  type JobPorts,
  jobPorts,
  tenantGlossaries,
} from '../../services'
import { type BatchResult, runItem } from '../batch'
import { ITEM_RUNNERS, TRANSIENT_CODES } from './operations'

/** The dead-letter queue's name ends so (wrangler.toml: `precis-jobs-dlq`). */
const DEAD_LETTER_SUFFIX = '-dlq'

export async function consumeJobChunks(
  batch: MessageBatch<unknown>,
  env: Env,
  ctx: ExecutionContext
): Promise<void> {
  const ports = jobPorts(env)
  const deadLetter = batch.queue.endsWith(DEAD_LETTER_SUFFIX)
  const config = configFor(env)
  for (const message of batch.messages) {
    if (!ports || !isChunkMessage(message.body)) {
      console.log(JSON.stringify({ event: 'job_message_dropped', queue: batch.queue }))
      message.ack()
      continue
    }
    const body = message.body
    try {
      const outcome = await processChunk(env, ctx, ports, body, {
        deadLetter,
        lastAttempt: deadLetter || message.attempts >= config.jobs.maxAttempts,
      })
      if (outcome === 'retry') {
        message.retry({
          delaySeconds: retryDelaySeconds(config.jobs.retryDelaySeconds, message.attempts),
        })
      } else {
        message.ack()
      }
    } catch (error) {
      console.log(
        JSON.stringify({
          event: 'job_chunk_failed',
          job: body.job,
          chunk: body.chunk,
          attempt: message.attempts,
          deadLetter,
          error: String(error),
        })
      )
      message.retry({
        delaySeconds: retryDelaySeconds(config.jobs.retryDelaySeconds, message.attempts),
      })
    }
  }
}

type ChunkOptions = { readonly deadLetter: boolean; readonly lastAttempt: boolean }

async function processChunk(
  env: Env,
  ctx: ExecutionContext,
  ports: JobPorts,
  { job: id, chunk }: ChunkMessage,
  options: ChunkOptions
): Promise<'done' | 'retry' | 'skipped'> {
  const stub = ports.job(id)
  const start = (await stub.start(chunk, Date.now())) as StartResult
  if (!start.go) return 'skipped'
  const job = start.job
  const place: ProblemPlace = {
    origin: job.origin,
    instance: `/v1/jobs/${job.id}`,
    requestId: job.requestId,
  }
  const input = await ports.files.getInput(job.id, job.upload, chunk)
  const items = input === null ? null : parseItems(input)
  const results: BatchResult<unknown>[] = []
  if (items === null || options.deadLetter) {
    // Nothing can be run: every item of the chunk gets the same problem.
    const count = items?.length ?? Math.min(JOB_CHUNK_ITEMS, job.total - chunk * JOB_CHUNK_ITEMS)
    const error = new ApiError(
      'internal_error',
      items === null
        ? 'The item’s input could not be read.'
        : 'The item’s chunk failed every delivery; it was not processed.'
    )
    for (let i = 0; i < count; i++) {
      const item = items?.[i]
      const index = chunk * JOB_CHUNK_ITEMS + i
      const itemId = typeof item?.id === 'string' ? item.id : String(index)
      results.push({ id: itemId, status: error.status, problem: problemDocumentAt(place, error) })
    }
  } else {
    const base = createServices(env, {
      waitUntil: (promise) => ctx.waitUntil(promise),
      requestId: job.requestId,
    })
    const glossaries = tenantGlossaries(env, job.tenant) ?? base.glossaries
    const services = { ...base, glossaries }
    const runner = ITEM_RUNNERS[job.operation]
    const where = { place, log: services.log }
    for (const [i, item] of items.entries()) {
      const index = chunk * JOB_CHUNK_ITEMS + i
      const outcome = await runItem(where, job.defaults, item, index, runner.schema, (value) =>
        runner.run(services, value, job.mayTranslate)
      )
      if (outcome.error && TRANSIENT_CODES.has(outcome.error.code) && !options.lastAttempt) {
        services.log('job_chunk_retry', { job: job.id, chunk, code: outcome.error.code })
        return 'retry'
      }
      results.push(outcome.result)
    }
  }
  await ports.files.putResults(
    job.id,
    chunk,
    `${results.map((r) => JSON.stringify(r)).join('\n')}\n`
  )
  const failed = results.filter((r) => r.status !== 200).length
  await stub.finish(chunk, results.length, failed, Date.now())
  return 'done'
}

function parseItems(ndjson: string): Record<string, unknown>[] {
  return ndjson
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

export type { JobRecord }
