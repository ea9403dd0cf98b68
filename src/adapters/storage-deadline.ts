/**
 * Calls into storage (a Durable Object, the glossary KV namespace) with a deadline, every failure
 * turned into `storage_unavailable` (503, retryable, `Retry-After`): a stub that throws while
 * being built, a call that throws or rejects (the object is overloaded, being reset, or its
 * location is unreachable; KV errors), or a call that does not settle within `timeoutMs`.
 *
 * Whether that refusal reaches the client is the caller's decision (docs/faults.md): glossary
 * reads and writes and usage reports let it through (fail closed); admission by the access meter
 * catches it and lets the request in (fail open).
 *
 * @module
 */
import { UseCaseError } from '../usecases/errors'

/** Seconds a client is told to wait after storage failed. */
export const STORAGE_RETRY_AFTER_SECONDS = 5

/**
 * @param event - the log line's event name (the log carries the cause; the problem does not).
 * @param detail - the problem's detail: what the client may assume and should do.
 */
export async function withStorageDeadline<T>(
  event: string,
  detail: string,
  timeoutMs: number,
  call: () => Promise<T>
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | null = null
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    return await Promise.race([Promise.resolve().then(call), expired])
  } catch (error) {
    console.error(JSON.stringify({ event, error: String(error) }))
    throw new UseCaseError('storage_unavailable', detail, {
      retryable: true,
      retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS,
      cause: error,
    })
  } finally {
    if (timer !== null) clearTimeout(timer)
  }
}

export function isStorageUnavailable(error: unknown): error is UseCaseError {
  return error instanceof UseCaseError && error.code === 'storage_unavailable'
}
