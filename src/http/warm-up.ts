/**
 * Startup warm-up of the HTTP layer: a few requests through the Worker's own `fetch`, against
 * bindings that live in memory, while the isolate starts.
 *
 * Why: V8 compiles every function and regular expression on its first call, and a new isolate's
 * first request used to pay for all of those on its path — Hono's middleware and router, the zod
 * schemas of the route and of the configuration, the cache, the problem details — beyond the
 * domain calls that `usecases/warm-up.ts` covers. Workers give startup its own CPU budget (1 s),
 * separate from a request's (10 ms on the free plan), so the compilation moves there. Measured
 * with `npm run bench -- cold-start-workerd`.
 *
 * The requests use nothing that startup forbids (no network, timers or random values: each sends
 * its own `x-request-id`) and nothing that lasts: the cache they fill is thrown away, the caller
 * is anonymous (open mode, no meter). Workers do not let startup construct a `Response` either,
 * so in the runtime each request runs up to its answer (validation, the use case, rendering, the
 * cache write) and ends there, in the error handler, which ends warm-up requests without a log
 * line (`isWarmUpEnv`). Under Node the requests complete.
 *
 * @module
 */

type FetchHandler = (
  request: Request,
  env: Env,
  context: ExecutionContext
) => Response | Promise<Response>

/**
 * A KV namespace in a Map, with the two calls the adapters make on a first request's path (text
 * reads, writes: the result cache, keys and glossaries).
 */
function memoryNamespace(): KVNamespace {
  const entries = new Map<string, string>()
  const namespace = {
    get: async (key: string) => entries.get(key) ?? null,
    put: async (key: string, value: string) => {
      entries.set(key, value)
    },
  }
  return namespace as unknown as KVNamespace
}

const ARTICLE =
  'The harbour board agreed on Friday to double the number of night buses to the ferry terminal. ' +
  'The first new routes start in June, the board’s chair, Dr. Lena Ortiz, told reporters. ' +
  '"Passengers on late crossings have waited long enough," she said. Unions welcomed the plan ' +
  'but asked for more drivers. The Silk Road exhibition at the terminal stays open until 2027.'

/**
 * V8 moves a function to its faster tiers only after it has run a few times; passes beyond the
 * first move that compilation to startup as well (`npm run bench -- cold-start-workerd`: the
 * first computed summary 38.6 → 35.9 ms, V8's helper threads 4.7 → 2.4 ms, startup + ≈ 20 ms).
 */
export const WARM_UP_PASSES = 3

const UNKNOWN_KEY = `sk_${'0'.repeat(16)}_${'A'.repeat(43)}`

/** Requests that cover the paths a first request takes: computed, cached, detection, refusals. */
const REQUESTS: readonly { path: string; method: string; body?: unknown; key?: string }[] = [
  { path: '/v1/summarize', method: 'POST', body: { text: ARTICLE } },
  { path: '/v1/summarize', method: 'POST', body: { text: ARTICLE } },
  { path: '/v1/summarize', method: 'POST', body: { text: ARTICLE, lengths: ['medium', 'tiny'] } },
  { path: '/v1/detect', method: 'POST', body: { text: ARTICLE } },
  // A well-formed key that no one holds: hashed and looked up, then refused.
  { path: '/v1/detect', method: 'POST', body: { text: ARTICLE }, key: UNKNOWN_KEY },
  { path: '/health', method: 'GET' },
]

const warmUpEnvs = new WeakSet<object>()

/** Whether `env` is the warm-up's own (its failures are expected and not logged). */
export function isWarmUpEnv(env: unknown): boolean {
  return typeof env === 'object' && env !== null && warmUpEnvs.has(env)
}

/** The vars of an anonymous, unmetered Worker with the default glossary; only memory bindings. */
function warmUpEnv(): Env {
  const env = {
    AUTH_MODE: 'open',
    ANON_RATE_LIMIT: '0',
    DEFAULT_GLOSSARY: 'news-central-asia',
    CACHE: memoryNamespace(),
    GLOSSARIES: memoryNamespace(),
    KEYS: memoryNamespace(),
  }
  warmUpEnvs.add(env)
  return env as unknown as Env
}

/**
 * Sends the warm-up requests through `fetch`, one after another, `WARM_UP_PASSES` times. Never
 * rejects: a failure here only means a slower first request.
 *
 * @returns the statuses answered (for the tests).
 */
export async function warmUpHttp(fetch: FetchHandler): Promise<number[]> {
  const env = warmUpEnv()
  const statuses: number[] = []
  const pending: Promise<unknown>[] = []
  const context = {
    waitUntil: (promise: Promise<unknown>) => pending.push(promise),
    passThroughOnException: () => undefined,
    props: {},
  } as unknown as ExecutionContext
  const passes = Array.from({ length: WARM_UP_PASSES }, () => REQUESTS).flat()
  for (const [i, request] of passes.entries()) {
    try {
      const headers = new Headers({ 'x-request-id': `warm-up-${i}` })
      if (request.body !== undefined) headers.set('content-type', 'application/json')
      if (request.key !== undefined) headers.set('authorization', `Bearer ${request.key}`)
      const response = await fetch(
        new Request(`https://warm-up.invalid${request.path}`, {
          method: request.method,
          headers,
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        }),
        env,
        context
      )
      await response.arrayBuffer()
      await Promise.allSettled(pending.splice(0))
      statuses.push(response.status)
    } catch {
      statuses.push(0)
    }
  }
  return statuses
}
