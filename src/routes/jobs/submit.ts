/**
 * Reading a job submission into R2: items are checked line by line and written in chunks as
 * they arrive, so a 100 MB upload never sits in memory; a malformed line refuses the whole
 * submission (422 naming the line) and deletes what was written.
 *
 * @module
 */
import type { JobFiles } from '../../adapters/job-files'
import { ApiError, type FieldError } from '../../http/problem'
import { fieldErrors } from '../../http/validation'
import {
  JOB_CHUNK_ITEMS,
  MAX_JOB_ITEMS,
  MAX_NDJSON_JOB_BYTES,
  MAX_NDJSON_LINE_BYTES,
  sha256Hex,
} from '../../jobs/model'
import { NdjsonError, ndjsonLines, parseObjectLine } from '../../jobs/ndjson'
import { JobEnvelopeSchema, JobItemSchema } from './schemas'

export type Envelope = ReturnType<typeof JobEnvelopeSchema.parse>

/** What was stored: how many items, in how many chunks, and a digest of the whole payload. */
export type Staged = {
  readonly total: number
  readonly chunks: number
  readonly hash: string
  /** Characters the items will process, as metered (`measure` of each). */
  readonly characters: number
}

/** Chunk writes in flight at once. */
const PARALLEL_WRITES = 6

/** Writes `items` as NDJSON chunks under `jobs/{job}/{upload}/input/`. */
export async function stageItems(
  files: JobFiles,
  job: string,
  upload: string,
  envelope: Envelope,
  items: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
  measure: (item: Record<string, unknown>) => number = () => 0
): Promise<Staged> {
  let characters = 0
  const hashes: string[] = []
  const pending = new Set<Promise<void>>()
  let lines: string[] = []
  let total = 0
  let chunk = 0
  const flush = async () => {
    const text = `${lines.join('\n')}\n`
    lines = []
    const index = chunk++
    hashes.push(await sha256Hex(text))
    const write = files.putInput(job, upload, index, text).finally(() => pending.delete(write))
    pending.add(write)
    if (pending.size >= PARALLEL_WRITES) await Promise.race(pending)
  }
  try {
    for await (const item of items) {
      total++
      if (total > MAX_JOB_ITEMS) {
        throw new ApiError('payload_too_large', `A job holds at most ${MAX_JOB_ITEMS} items.`)
      }
      characters += measure(item)
      lines.push(JSON.stringify(item))
      if (lines.length === JOB_CHUNK_ITEMS) await flush()
    }
    if (lines.length > 0) await flush()
    await Promise.all(pending)
  } catch (error) {
    await Promise.allSettled(pending)
    throw error
  }
  if (total === 0) {
    throw new ApiError('invalid_request', 'The job has no items.', {
      errors: [{ pointer: '#/items', message: 'must hold at least one item' }],
    })
  }
  const head = JSON.stringify([envelope.operation, envelope.defaults, envelope.callbackUrl ?? null])
  return {
    total,
    chunks: chunk,
    characters,
    hash: await sha256Hex(`${head}\n${hashes.join('\n')}`),
  }
}

function lineError(line: number, detail: string, errors: FieldError[]): ApiError {
  return new ApiError('invalid_request', detail, {
    errors: errors.map((e) => ({ ...e, line })),
  })
}

/** An NDJSON error as the problem the submitter gets. */
function uploadProblem(error: NdjsonError): ApiError {
  if (error.kind === 'too_large') return new ApiError('payload_too_large', error.message)
  const line = error.line ?? 0
  return lineError(line, error.message, [{ pointer: '#', message: error.message }])
}

/**
 * An NDJSON upload: the envelope from its first line, then its items, each checked as it is read.
 * The returned items iterable must be consumed once, after the envelope.
 */
export async function readNdjsonUpload(body: ReadableStream<Uint8Array>): Promise<{
  envelope: Envelope
  items: AsyncIterable<Record<string, unknown>>
}> {
  const lines = ndjsonLines(body, {
    maxBytes: MAX_NDJSON_JOB_BYTES,
    maxLineBytes: MAX_NDJSON_LINE_BYTES,
  })
  let first: IteratorResult<{ line: number; text: string }>
  try {
    first = await lines.next()
  } catch (error) {
    throw error instanceof NdjsonError ? uploadProblem(error) : error
  }
  if (first.done) {
    throw new ApiError('invalid_request', 'The upload is empty.', {
      errors: [{ pointer: '#', message: 'line 1 must be { operation, defaults?, callbackUrl? }' }],
    })
  }
  const { line, text } = first.value
  let parsed: ReturnType<typeof JobEnvelopeSchema.safeParse>
  try {
    parsed = JobEnvelopeSchema.safeParse(parseObjectLine(text, line))
  } catch (error) {
    throw error instanceof NdjsonError ? uploadProblem(error) : error
  }
  if (!parsed.success) {
    throw lineError(
      line,
      `Line ${line} must be the job: { operation, defaults?, callbackUrl? }.`,
      fieldErrors(parsed.error)
    )
  }
  async function* items(): AsyncGenerator<Record<string, unknown>> {
    try {
      for await (const { line, text } of lines) {
        const value = parseObjectLine(text, line)
        const item = JobItemSchema.safeParse(value)
        if (!item.success) {
          throw lineError(line, `Line ${line} is not a job item.`, fieldErrors(item.error))
        }
        yield value
      }
    } catch (error) {
      throw error instanceof NdjsonError ? uploadProblem(error) : error
    }
  }
  return { envelope: parsed.data, items: items() }
}
