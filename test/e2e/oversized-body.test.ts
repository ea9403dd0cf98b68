/**
 * Issue #14, acceptance 5, end to end: under `wrangler dev`, a chunked body over the limit got
 * its 413 and then the next request failed with 503 "Your worker restarted mid-request" (the
 * unread rest of the body was left on the connection). Here the same bytes go over a real
 * socket to a `wrangler dev` this test starts, and the next request must be served.
 *
 * The next request is a POST on purpose: wrangler's dev proxy retries a failed GET by itself,
 * which would hide the failure.
 */
import net from 'node:net'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { type RawRequest, send } from '../../scripts/fuzz/raw-http'
import { type DevServer, startDevServer } from '../../scripts/harness/dev-server'

/** A port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

const LIMIT = 524_288 // MAX_BODY_BYTES of the top-level [vars]
let server: DevServer | undefined
let port = 0

beforeAll(async () => {
  port = await freePort()
  server = await startDevServer({ port, inspectorPort: await freePort() })
}, 180_000)

afterAll(async () => {
  await server?.stop()
}, 30_000)

const oversizedChunked = (chunkSize: number): RawRequest => ({
  method: 'POST',
  target: '/v1/summarize',
  headers: [['Content-Type', 'application/json']],
  body: new TextEncoder().encode(
    `{"text":"${'Xi’an news. '.repeat(Math.ceil((3 * LIMIT) / 14))}"}`
  ),
  framing: { kind: 'chunked', chunkSize },
})

const small: RawRequest = {
  method: 'POST',
  target: '/v1/detect',
  headers: [['Content-Type', 'application/json']],
  body: new TextEncoder().encode('{"text":"The next request must be served."}'),
  framing: { kind: 'length' },
}

describe('an oversized chunked body under wrangler dev', () => {
  for (const chunkSize of [1000, 16 * 1024, 64 * 1024]) {
    it(`chunks of ${chunkSize} bytes: 413 problem, then the next request is served`, async ({
      expect,
    }) => {
      const rejected = await send(port, oversizedChunked(chunkSize), 60_000)
      if (!rejected.ok) throw new Error(`oversized body: ${rejected.error}`)
      expect(rejected.response.status).toBe(413)
      expect(rejected.response.headers.get('content-type')).toContain('application/problem+json')
      for (let i = 0; i < 3; i++) {
        const next = await send(port, small, 30_000)
        if (!next.ok) throw new Error(`next request: ${next.error}`)
        expect(next.response.status, next.response.body.toString('utf8').slice(0, 200)).toBe(200)
      }
    }, 120_000)
  }
})
