/**
 * NDJSON reading for job uploads: lines out of a byte stream, with the limits enforced while
 * reading (a 100 MB upload is never held in memory at once).
 *
 * @module
 */

/** Why an upload was refused while it was read. */
export class NdjsonError extends Error {
  override readonly name = 'NdjsonError'
  constructor(
    readonly kind: 'too_large' | 'line_too_long' | 'malformed_line' | 'not_utf8',
    /** 1-based line number, when one line is at fault. */
    readonly line: number | undefined,
    message: string
  ) {
    super(message)
  }
}

export type NdjsonLimits = { readonly maxBytes: number; readonly maxLineBytes: number }

/**
 * The non-blank lines of a UTF-8 NDJSON stream with their 1-based numbers (`\n` or `\r\n`
 * separated; a missing final newline is fine).
 *
 * @throws NdjsonError when the stream is over `maxBytes`, a line over `maxLineBytes`, or the
 * bytes are not UTF-8.
 */
export async function* ndjsonLines(
  stream: ReadableStream<Uint8Array>,
  limits: NdjsonLimits
): AsyncGenerator<{ readonly line: number; readonly text: string }> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  const reader = stream.getReader()
  let total = 0
  let pending = ''
  let number = 0
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode()
    } catch {
      throw new NdjsonError('not_utf8', number + 1, `Line ${number + 1} is not valid UTF-8.`)
    }
  }
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > limits.maxBytes) {
        throw new NdjsonError(
          'too_large',
          undefined,
          `The upload is over the limit of ${limits.maxBytes} bytes.`
        )
      }
      pending += decode(value)
      let newline = pending.indexOf('\n')
      while (newline !== -1) {
        number++
        const text = pending.slice(0, newline).replace(/\r$/, '')
        pending = pending.slice(newline + 1)
        checkLength(text, number, limits.maxLineBytes)
        if (text.trim() !== '') yield { line: number, text }
        newline = pending.indexOf('\n')
      }
      // A line still without its newline can only grow; refuse it as soon as it is too long.
      checkLength(pending, number + 1, limits.maxLineBytes)
    }
    pending += decode()
    if (pending.trim() !== '') {
      number++
      checkLength(pending, number, limits.maxLineBytes)
      yield { line: number, text: pending.replace(/\r$/, '') }
    }
  } finally {
    reader.releaseLock()
  }
}

function checkLength(text: string, line: number, max: number): void {
  // UTF-16 length ≤ UTF-8 length × 1 and ≥ UTF-8 length / 3: measure exactly only near the limit.
  if (text.length * 3 <= max) return
  if (new TextEncoder().encode(text).byteLength > max) {
    throw new NdjsonError('line_too_long', line, `Line ${line} is over ${max} bytes.`)
  }
}

/**
 * One line as a JSON object.
 *
 * @throws NdjsonError naming the line when it is not JSON or not an object.
 */
export function parseObjectLine(text: string, line: number): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new NdjsonError('malformed_line', line, `Line ${line} is not valid JSON.`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NdjsonError('malformed_line', line, `Line ${line} is not a JSON object.`)
  }
  return value as Record<string, unknown>
}
