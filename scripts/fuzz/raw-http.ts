/**
 * HTTP/1.1 over a bare TCP socket, one request per connection: the fuzzer needs to send what an
 * HTTP library refuses to (odd method tokens, raw bytes in the target, lying or missing
 * Content-Length, bodies cut off mid-way, malformed chunking).
 *
 * @module
 */
import net from 'node:net'

export type Framing =
  /** `Content-Length` equal to the body. */
  | { readonly kind: 'length' }
  /** `Transfer-Encoding: chunked`, in chunks of this size. */
  | { readonly kind: 'chunked'; readonly chunkSize: number }
  /** No framing header at all (and no body is sent). */
  | { readonly kind: 'none' }
  /** `Content-Length: declared`, but only the body is sent, then the socket is half-closed. */
  | { readonly kind: 'truncated'; readonly declared: number }
  /** The request bytes are sent exactly as given (`body` holds the whole request). */
  | { readonly kind: 'raw' }

export type RawRequest = {
  readonly method: string
  /** The request target as bytes in a latin1 string (each char one byte). */
  readonly target: string
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: Uint8Array
  readonly framing: Framing
}

export type RawResponse = {
  readonly status: number
  readonly headers: ReadonlyMap<string, string>
  readonly body: Buffer
  readonly ms: number
}

export type Outcome =
  | { readonly ok: true; readonly response: RawResponse }
  | { readonly ok: false; readonly error: string; readonly ms: number }

/** The bytes that go on the wire for `request` (host header added). */
export function serialize(request: RawRequest, host: string): Buffer {
  if (request.framing.kind === 'raw') return Buffer.from(request.body)
  const lines = [`${request.method} ${request.target} HTTP/1.1`, `Host: ${host}`]
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`)
  const f = request.framing
  if (f.kind === 'length') lines.push(`Content-Length: ${request.body.length}`)
  if (f.kind === 'truncated') lines.push(`Content-Length: ${f.declared}`)
  if (f.kind === 'chunked') lines.push('Transfer-Encoding: chunked')
  lines.push('Connection: close', '', '')
  const head = Buffer.from(lines.join('\r\n'), 'latin1')
  if (f.kind === 'none') return head
  if (f.kind !== 'chunked') return Buffer.concat([head, request.body])
  const parts: Buffer[] = [head]
  for (let i = 0; i < request.body.length; i += f.chunkSize) {
    const chunk = request.body.subarray(i, i + f.chunkSize)
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), Buffer.from(chunk), CRLF)
  }
  parts.push(Buffer.from('0\r\n\r\n'))
  return Buffer.concat(parts)
}

const CRLF = Buffer.from('\r\n')

export function send(
  port: number,
  request: RawRequest,
  timeoutMs: number,
  host = `127.0.0.1:${port}`
): Promise<Outcome> {
  const started = performance.now()
  const wire = serialize(request, host)
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' })
    const chunks: Buffer[] = []
    let settled = false
    const finish = (outcome: Outcome) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve(outcome)
    }
    const attempt = (closed: boolean) => {
      const parsed = parseResponse(Buffer.concat(chunks), request.method === 'HEAD', closed)
      if (parsed === 'incomplete') {
        if (closed) {
          finish({
            ok: false,
            error: chunks.length === 0 ? 'connection closed without a response' : 'cut response',
            ms: performance.now() - started,
          })
        }
        return
      }
      if (parsed === 'malformed') {
        finish({ ok: false, error: 'malformed response', ms: performance.now() - started })
        return
      }
      finish({ ok: true, response: { ...parsed, ms: performance.now() - started } })
    }
    const timer = setTimeout(() => {
      finish({
        ok: false,
        error: `no response in ${timeoutMs} ms`,
        ms: performance.now() - started,
      })
    }, timeoutMs)
    socket.on('connect', () => {
      // Large bodies go out in pieces; the server may answer (413) and close before the end.
      socket.write(wire, () => {
        if (request.framing.kind === 'truncated') socket.end()
      })
    })
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      attempt(false)
    })
    socket.on('end', () => attempt(true))
    socket.on('close', () => attempt(true))
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // EPIPE/ECONNRESET while we still write is normal after an early 413: use what arrived.
      if (chunks.length > 0) attempt(true)
      else
        finish({
          ok: false,
          error: `socket ${error.code ?? error.message}`,
          ms: performance.now() - started,
        })
    })
  })
}

type Parsed = Omit<RawResponse, 'ms'>

function parseResponse(
  data: Buffer,
  head: boolean,
  closed: boolean
): Parsed | 'incomplete' | 'malformed' {
  const end = data.indexOf('\r\n\r\n')
  if (end < 0) return 'incomplete'
  const lines = data.subarray(0, end).toString('latin1').split('\r\n')
  const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')
  if (!statusLine) return 'malformed'
  const status = Number(statusLine[1])
  const headers = new Map<string, string>()
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':')
    if (colon <= 0) return 'malformed'
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value)
  }
  // 1xx (e.g. 100 Continue) precede the real response.
  if (status >= 100 && status < 200) {
    const rest = data.subarray(end + 4)
    return rest.length === 0 ? 'incomplete' : parseResponse(rest, head, closed)
  }
  const rest = data.subarray(end + 4)
  if (head || status === 204 || status === 304) return { status, headers, body: Buffer.alloc(0) }
  if ((headers.get('transfer-encoding') ?? '').toLowerCase().includes('chunked')) {
    const body = dechunk(rest)
    if (body === 'incomplete') return 'incomplete'
    if (body === 'malformed') return 'malformed'
    return { status, headers, body }
  }
  const length = headers.get('content-length')
  if (length !== undefined) {
    const n = Number(length)
    if (!Number.isInteger(n) || n < 0) return 'malformed'
    if (rest.length < n) return 'incomplete'
    return { status, headers, body: rest.subarray(0, n) }
  }
  // Delimited by the end of the connection.
  return closed ? { status, headers, body: rest } : 'incomplete'
}

function dechunk(data: Buffer): Buffer | 'incomplete' | 'malformed' {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at)
    if (lineEnd < 0) return 'incomplete'
    const size = Number.parseInt(
      data.subarray(at, lineEnd).toString('latin1').split(';')[0] ?? '',
      16
    )
    if (!Number.isFinite(size) || size < 0) return 'malformed'
    if (size === 0) return Buffer.concat(parts)
    const start = lineEnd + 2
    if (data.length < start + size + 2) return 'incomplete'
    parts.push(data.subarray(start, start + size))
    at = start + size + 2
  }
}
