/**
 * Offsets in the caller's unit. The service computes every offset in UTF-16 code units (what
 * JavaScript strings index); a PHP plugin counts code points (`mb_substr`), Python too, and Go or
 * Rust count UTF-8 bytes. This module converts UTF-16 offsets into those units.
 *
 * @module
 */

/** The unit of `offset`/`length` in a response. */
export type OffsetUnit = 'utf16' | 'codepoint' | 'utf8'

export const OFFSET_UNITS: readonly OffsetUnit[] = ['utf16', 'codepoint', 'utf8']

/** Converts a UTF-16 offset of one text into the target unit. */
export type OffsetConverter = (utf16Offset: number) => number

/**
 * A converter for offsets into `text`. It walks the text from the last offset converted, so a
 * batch of offsets in ascending order (the usual case: sentences and terms in article order)
 * costs one pass over the text; an offset before the previous one restarts from the start.
 *
 * An offset inside a surrogate pair (never produced by the service, which cuts at characters)
 * counts as the position before that character.
 *
 * @example
 * const at = offsetConverter('né 😀 x', 'utf8')
 * at(5) // 8: "n" 1 byte, "é" 2, " " 1, "😀" 4 (two UTF-16 units)
 */
export function offsetConverter(text: string, unit: OffsetUnit): OffsetConverter {
  if (unit === 'utf16') return (offset) => offset
  const width = unit === 'utf8' ? utf8Width : codepointWidth
  let at = 0 // UTF-16 position reached
  let converted = 0 // the same position in the target unit
  return (offset) => {
    if (offset < at) {
      at = 0
      converted = 0
    }
    const end = Math.min(offset, text.length)
    while (at < end) {
      const code = text.charCodeAt(at)
      const pair = isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(at + 1))
      // A pair cut in the middle by `offset` is not counted until the whole pair is passed.
      if (pair && at + 2 > end) break
      converted += width(code, pair)
      at += pair ? 2 : 1
    }
    return converted
  }
}

/** A span `[offset, offset + length)` in UTF-16 units. */
export type Span = { readonly offset: number; readonly length: number }

/**
 * A UTF-16 span in the converter's unit. Spans may come in any order; ascending order keeps the
 * whole batch linear (see `offsetConverter`).
 */
export function convertSpan(at: OffsetConverter, span: Span): Span {
  const start = at(span.offset)
  return { offset: start, length: at(span.offset + span.length) - start }
}

function codepointWidth(): number {
  return 1
}

function utf8Width(code: number, pair: boolean): number {
  if (pair) return 4
  if (code < 0x80) return 1
  if (code < 0x800) return 2
  // A lone surrogate is written as U+FFFD by UTF-8 encoders: 3 bytes, as any other BMP character.
  return 3
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
