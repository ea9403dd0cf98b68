/**
 * A tiny stand-in for Apertium's APy on a loopback port, so the harnesses exercise the translation
 * path at the Worker's own speed instead of the real engine's (and without loading the shared APy).
 *
 * It speaks the two calls the apertium provider makes (`GET /listPairs`, `POST /translate` with a
 * form body) and "translates" by returning the text unchanged, which keeps the pipeline's
 * placeholders intact, so glossary enforcement runs as it would with a real engine.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['eng', 'spa'],
  ['spa', 'eng'],
  ['eng', 'cat'],
  ['cat', 'eng'],
  ['eng', 'fra'],
  ['fra', 'eng'],
]

export type FakeApy = {
  readonly url: string
  readonly requests: () => number
  readonly close: () => Promise<void>
}

export async function startFakeApy(port: number): Promise<FakeApy> {
  let count = 0
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    count++
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake')
      const form =
        req.method === 'POST'
          ? new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
          : url.searchParams
      if (url.pathname === '/listPairs') {
        return json(res, 200, {
          responseData: PAIRS.map(([sourceLanguage, targetLanguage]) => ({
            sourceLanguage,
            targetLanguage,
          })),
          responseDetails: null,
          responseStatus: 200,
        })
      }
      if (url.pathname === '/translate') {
        const [source, target] = (form.get('langpair') ?? '').split('|')
        if (!PAIRS.some(([s, t]) => s === source && t === target)) {
          return json(res, 400, {
            status: 'error',
            code: 400,
            message: 'Bad Request',
            explanation: 'That pair is not installed',
          })
        }
        return json(res, 200, {
          responseData: { translatedText: form.get('q') ?? '' },
          responseDetails: null,
          responseStatus: 200,
        })
      }
      return json(res, 404, { status: 'error', code: 404, explanation: 'Not found' })
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}
