import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { NdjsonError, ndjsonLines, parseObjectLine } from './ndjson'

/** A stream of `bytes` cut at `cuts` (so lines and UTF-8 sequences straddle chunks). */
function streamOf(bytes: Uint8Array, cuts: number[] = []): ReadableStream<Uint8Array> {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const parts: Uint8Array[] = []
  let last = 0
  for (const p of [...points, bytes.length]) {
    parts.push(bytes.slice(last, p))
    last = p
  }
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part)
      controller.close()
    },
  })
}

async function collect(
  text: string,
  limits = { maxBytes: 1 << 20, maxLineBytes: 1 << 16 },
  cuts: number[] = []
) {
  const out: { line: number; text: string }[] = []
  for await (const l of ndjsonLines(streamOf(new TextEncoder().encode(text), cuts), limits))
    out.push(l)
  return out
}

describe('ndjsonLines', () => {
  it('numbers lines from 1, skips blank ones, takes CRLF and a missing final newline', async () => {
    expect(await collect('{"a":1}\r\n\n{"b":2}\n  \n{"c":3}')).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 3, text: '{"b":2}' },
      { line: 5, text: '{"c":3}' },
    ])
  })

  it('refuses an upload over the limit and a line over the line limit', async () => {
    await expect(
      collect('x'.repeat(100), { maxBytes: 50, maxLineBytes: 1000 })
    ).rejects.toMatchObject({
      kind: 'too_large',
    })
    await expect(
      collect(`ok\n${'y'.repeat(100)}\nok\n`, { maxBytes: 1000, maxLineBytes: 10 })
    ).rejects.toMatchObject({
      kind: 'line_too_long',
      line: 2,
    })
  })

  it('refuses bytes that are not UTF-8', async () => {
    const bytes = new Uint8Array([0x7b, 0x7d, 0x0a, 0xff, 0xfe, 0x0a])
    const lines = ndjsonLines(streamOf(bytes), { maxBytes: 100, maxLineBytes: 100 })
    await expect(
      (async () => {
        for await (const _ of lines) {
          // consume
        }
      })()
    ).rejects.toBeInstanceOf(NdjsonError)
  })

  test.prop([
    fc.array(
      fc
        .string({ unit: 'grapheme', maxLength: 30 })
        .filter((s) => !/[\n\r]/.test(s) && s.trim() !== ''),
      {
        maxLength: 20,
      }
    ),
    fc.array(fc.nat(), { maxLength: 10 }),
  ])('gives back the lines whatever the chunk boundaries', async (lines, cuts) => {
    const got = await collect(lines.map((l) => `${l}\n`).join(''), undefined, cuts)
    expect(got.map((l) => l.text)).toEqual(lines)
    expect(got.map((l) => l.line)).toEqual(lines.map((_, i) => i + 1))
  })
})

describe('parseObjectLine', () => {
  it('takes objects only, naming the line otherwise', () => {
    expect(parseObjectLine('{"id":"a"}', 1)).toEqual({ id: 'a' })
    for (const bad of ['[1]', '"x"', 'null', '{oops']) {
      expect(() => parseObjectLine(bad, 7)).toThrow(/Line 7/)
    }
  })
})
