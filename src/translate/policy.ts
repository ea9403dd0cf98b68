/**
 * Deadlines and retries around engine calls.
 *
 * One deadline (default 10 s) covers a whole translation call — the first attempt, the retry
 * after a transient failure, and the unmasked re-translation of segments whose placeholders were
 * damaged — so a request never waits on the engine longer than configured. A transient failure
 * (`retryable`) gets exactly one more attempt after a short backoff, and only while the deadline
 * still has time. The clock and the sleep are injectable: tests never wait on real time.
 *
 * @module
 */
import { isProviderError, ProviderError } from './errors'

/** Default engine deadline. */
export const DEFAULT_TIMEOUT_MS = 10_000
/** Default pause before the single retry (doubled by nothing: there is only one retry). */
export const DEFAULT_BACKOFF_MS = 250
/** Upper bound for a server-requested pause (`Retry-After`). */
const MAX_BACKOFF_MS = 2_000

/** How engine calls are bounded. Every field has a production default. */
export type CallPolicyOptions = {
  /** Deadline for the whole call in milliseconds (default 10 000). */
  readonly timeoutMs?: number
  /** The caller's own cancellation (e.g. the client went away). Rethrown as is. */
  readonly signal?: AbortSignal
  /** Pause before the retry (default 250 ms; a larger `Retry-After` wins, capped at 2 s). */
  readonly backoffMs?: number
  /** Number of retries after a transient failure (default 1). */
  readonly retries?: number
  /** Waits `ms` or rejects when `signal` aborts. Injected by tests. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  /** Creates the deadline signal. Injected by tests to expire it on demand. */
  readonly deadline?: (timeoutMs: number) => AbortSignal
}

/** A live deadline shared by the calls of one translation. */
export type CallBudget = {
  /** Aborts when the deadline passes or the caller cancels. Pass it to the engine. */
  readonly signal: AbortSignal
  readonly deadline: AbortSignal
  readonly external: AbortSignal | undefined
  readonly timeoutMs: number
  readonly backoffMs: number
  readonly retries: number
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>
}

/** Starts a deadline for one translation call. */
export function startBudget(options: CallPolicyOptions = {}): CallBudget {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const deadline = (options.deadline ?? ((ms: number) => AbortSignal.timeout(ms)))(timeoutMs)
  const external = options.signal
  return {
    signal: external ? AbortSignal.any([deadline, external]) : deadline,
    deadline,
    external,
    timeoutMs,
    backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
    retries: options.retries ?? 1,
    sleep: options.sleep ?? sleepFor,
  }
}

/**
 * Runs one engine operation under the budget: maps a passed deadline to a `timeout`
 * ProviderError (even when the engine ignores the abort signal), anything unexpected to
 * `unavailable`, and retries once when the failure is transient.
 */
export async function callEngine<T>(
  provider: string,
  budget: CallBudget,
  operation: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await untilAborted(operation(budget.signal), budget.signal)
    } catch (error) {
      const failure = classify(provider, budget, error)
      if (
        !(failure instanceof ProviderError) ||
        !failure.retryable ||
        attempt >= budget.retries ||
        budget.signal.aborted
      )
        throw failure
      const pause = Math.min(
        Math.max(budget.backoffMs, failure.retryAfterMs ?? 0),
        Math.max(budget.backoffMs, MAX_BACKOFF_MS)
      )
      try {
        await budget.sleep(pause, budget.signal)
      } catch (sleepError) {
        throw classify(provider, budget, sleepError)
      }
    }
  }
}

function classify(provider: string, budget: CallBudget, error: unknown): Error {
  if (budget.external?.aborted) {
    const reason: unknown = budget.external.reason
    return reason instanceof Error ? reason : new Error('aborted by the caller')
  }
  if (budget.deadline.aborted) {
    return new ProviderError(
      'timeout',
      provider,
      `No answer within ${budget.timeoutMs} ms (TRANSLATION_TIMEOUT_MS).`,
      { retryable: false, cause: error }
    )
  }
  if (isProviderError(error)) return error
  return new ProviderError('unavailable', provider, 'The engine call failed unexpectedly.', {
    cause: error,
  })
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (whichever comes first). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {})
    return Promise.reject(signal.reason)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      }
    )
  })
}

function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
