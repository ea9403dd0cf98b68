/**
 * Bodies over the limit, streamed (no Content-Length, as a chunked upload arrives) or declared:
 * refused with 413 before parsing, the rest of a streamed body drained within bounds, and the
 * next request served. The same scenario over a real socket under `wrangler dev` is in
 * test/e2e/oversized-body.test.ts.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, it } from 'vitest'
import { DRAIN_FACTOR } from '../../src/http/body-limit'
import worker from '../../src/index'
import { expectStatus } from './helpers'

const LIMIT = Number(env.MAX_BODY_BYTES)
const CHUNK = 16 * 1024

/** A body stream of `total` bytes (or endless) in 16 KiB chunks that counts what was pulled. */
function countingStream(total: number | 'endless', options: { failAfter?: number } = {}) {
  const state = { pulled: 0, cancelled: false }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (options.failAfter !== undefined && state.pulled >= options.failAfter) {
        controller.error(new Error('Network connection lost.'))
        return
      }
      if (total !== 'endless' && state.pulled >= total) {
        controller.close()
        return
      }
      const size = total === 'endless' ? CHUNK : Math.min(CHUNK, total - state.pulled)
      // Inside a JSON string, so that a body under the limit is a valid request.
      controller.enqueue(new Uint8Array(size).fill(0x61))
      state.pulled += size
    },
    cancel() {
      state.cancelled = true
    },
  })
  return { stream, state }
}

async function call(request: Request): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await worker.fetch(request, env, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

function streamed(body: ReadableStream<Uint8Array>, path = '/v1/detect'): Request {
  return new Request(`https://api.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
}

const next = () =>
  call(
    new Request('https://api.test/v1/detect', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'The next request is served as usual.' }),
    })
  )

describe('request body limit', () => {
  it('a streamed body over the limit: 413 problem, the rest drained, the next request served', async ({
    expect,
  }) => {
    const { stream, state } = countingStream(3 * LIMIT)
    const res = await call(streamed(stream))
    const body = (await expectStatus(res, 413)) as { code: string }
    expect(body.code).toBe('payload_too_large')
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    // Read to its end (it is within the drain bound), so nothing is left on the connection.
    expect(state.pulled).toBe(3 * LIMIT)
    expect(state.cancelled).toBe(false)
    await expectStatus(await next(), 200)
  })

  it('a body that never ends: drained only up to the bound, then cancelled', async ({ expect }) => {
    const { stream, state } = countingStream('endless')
    const res = await call(streamed(stream))
    await expectStatus(res, 413)
    expect(state.pulled).toBeLessThanOrEqual(DRAIN_FACTOR * LIMIT + 2 * CHUNK)
    expect(state.pulled).toBeGreaterThanOrEqual(DRAIN_FACTOR * LIMIT - CHUNK)
    expect(state.cancelled).toBe(true)
    await expectStatus(await next(), 200)
  })

  it('a streamed body that breaks off: 400 incomplete_body, not a 500', async ({ expect }) => {
    const { stream } = countingStream(LIMIT / 2, { failAfter: 4 * CHUNK })
    const body = (await expectStatus(await call(streamed(stream)), 400)) as { code: string }
    expect(body.code).toBe('incomplete_body')
    await expectStatus(await next(), 200)
  })

  it('a streamed body under the limit is handed on intact', async ({ expect }) => {
    const text = 'Leaders of five Central Asian states met in Xi’an on Thursday.'
    const bytes = new TextEncoder().encode(JSON.stringify({ text }))
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // Split inside a multi-byte character, as a chunk boundary may fall anywhere.
        const cut = bytes.indexOf(0x99)
        controller.enqueue(bytes.subarray(0, cut))
        controller.enqueue(bytes.subarray(cut))
        controller.close()
      },
    })
    const body = (await expectStatus(await call(streamed(stream)), 200)) as { language: string }
    expect(body.language).toBe('en')
  })

  it('a declared Content-Length over the limit: 413 without reading the body', async ({
    expect,
  }) => {
    const big = JSON.stringify({ text: 'a'.repeat(LIMIT) })
    const res = await call(
      new Request('https://api.test/v1/summarize', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
        body: big,
      })
    )
    const body = (await expectStatus(res, 413)) as { code: string }
    expect(body.code).toBe('payload_too_large')
    await expectStatus(await next(), 200)
  })
})
