import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from './env'
import { ApiError } from './problem'

/** How much of a rejected streamed body is read and discarded, as a multiple of the limit. */
export const DRAIN_FACTOR = 8
/** How long draining a rejected streamed body may take, in milliseconds. */
export const DRAIN_MS = 5000

/**
 * Middleware: 413 for a body over `MAX_BODY_BYTES`, before anything parses it.
 *
 * - With a `Content-Length` (and no `Transfer-Encoding`), the declared length decides; the
 *   runtime delivers exactly that many bytes, so nothing is read here.
 * - A streamed (chunked) body is read into memory up to the limit and handed on as a buffer.
 *   When it goes over, what is left of it is read and thrown away — up to `DRAIN_FACTOR` × the
 *   limit or `DRAIN_MS`, whichever comes first — and the stream is then cancelled. Answering
 *   while the client is still sending leaves the unread rest on the connection; under
 *   `wrangler dev` that made the next requests fail with 503 (issue #14). The bounds keep a
 *   client that never stops sending from holding the isolate.
 */
export function requestBodyLimit(
  /** A route's own limit: bytes, or `stream` when the handler reads (and limits) the stream. */
  limitFor: (c: Context<AppEnv>) => number | 'stream' | undefined = () => undefined
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const body = c.req.raw.body
    if (!body) return next()
    const own = limitFor(c)
    if (own === 'stream') return next()
    const maxSize = own ?? c.var.services.config.maxBodyBytes
    const tooLarge = () =>
      new ApiError('payload_too_large', `The request body is over the limit of ${maxSize} bytes.`)
    const declared = c.req.raw.headers.get('content-length')
    if (declared !== null && !c.req.raw.headers.has('transfer-encoding')) {
      if (Number.parseInt(declared, 10) > maxSize) throw tooLarge()
      return next()
    }
    const reader = body.getReader()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>
      try {
        result = await reader.read()
      } catch {
        // The client went away mid-body (or sent broken chunking): there is no request to serve.
        throw new ApiError('incomplete_body', 'The request body ended before it was complete.')
      }
      const { done, value } = result
      if (done) break
      size += value.byteLength
      if (size > maxSize) {
        await drain(reader, DRAIN_FACTOR * maxSize - size, DRAIN_MS)
        throw tooLarge()
      }
      chunks.push(value)
    }
    const buffer = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) {
      buffer.set(chunk, offset)
      offset += chunk.byteLength
    }
    c.req.raw = new Request(c.req.raw, { body: buffer })
    return next()
  }
}

/**
 * Reads and discards the rest of a stream, up to `maxBytes` or `maxMs`, then cancels it if it has
 * not ended. Never throws: a client that went away has nothing left to drain.
 */
export async function drain(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
  maxMs: number
): Promise<{ bytes: number; ended: boolean }> {
  let bytes = 0
  let ended = false
  let timer: ReturnType<typeof setTimeout> | null = null
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), maxMs)
  })
  try {
    while (bytes < maxBytes) {
      const result = await Promise.race([reader.read(), expired])
      if (result === 'expired') break
      if (result.done) {
        ended = true
        break
      }
      bytes += result.value.byteLength
    }
  } catch {
    // The stream errored (client disconnected): nothing more to read.
    ended = true
  } finally {
    if (timer !== null) clearTimeout(timer)
    if (!ended) reader.cancel().catch(() => undefined)
  }
  return { bytes, ended }
}
