/**
 * Cuts a text into the pieces sent to an engine, keeping everything between them verbatim.
 *
 * Paragraphs are the unit: an engine never sees a blank line, so it cannot merge, drop or
 * reorder paragraphs, and the output keeps the author's paragraph breaks (and any other
 * whitespace around them) exactly. A paragraph longer than the engine's limit is split between
 * sentences, and a single over-long sentence at a space.
 *
 * @module
 */
import { splitSentences } from '../text/sentences'

/** A text as alternating separators and segments: `text === gaps[0] + seg[0] + gaps[1] + …`. */
export type Segmentation = {
  /** Segment texts (trimmed, never empty). */
  readonly segments: readonly string[]
  /** Offsets of each segment in the input. */
  readonly starts: readonly number[]
  /** Whitespace around the segments; `gaps.length === segments.length + 1`. */
  readonly gaps: readonly string[]
}

/**
 * A blank line: two line breaks with only horizontal space between them. Matching starts at a
 * line break (not at any space), so the scan stays linear; the whitespace around it is absorbed
 * afterwards.
 */
const BLANK_LINE = /(?:\r\n|[\n\r\u2028\u2029])[ \t\f\v\u00a0]*(?:\r\n|[\n\r\u2028\u2029])/gu
const SPACE = /\s/u

/**
 * Splits `text` into engine segments.
 *
 * @param maxChars - the longest segment to produce (UTF-16 units); longer paragraphs are split.
 * @param language - BCP 47 code of the text, for sentence splitting.
 */
export function segmentText(text: string, maxChars: number, language: string): Segmentation {
  const ranges: Array<[number, number]> = []
  let from = 0
  for (const match of text.matchAll(BLANK_LINE)) {
    if (match.index < from) continue // inside the whitespace of the previous break
    pushParagraph(text, from, match.index, maxChars, language, ranges)
    let end = match.index + match[0].length
    while (end < text.length && SPACE.test(text[end] ?? '')) end++
    from = end
  }
  pushParagraph(text, from, text.length, maxChars, language, ranges)

  const segments: string[] = []
  const starts: number[] = []
  const gaps: string[] = []
  let cursor = 0
  for (const [start, end] of ranges) {
    gaps.push(text.slice(cursor, start))
    segments.push(text.slice(start, end))
    starts.push(start)
    cursor = end
  }
  gaps.push(text.slice(cursor))
  return { segments, starts, gaps }
}

/** Joins translated segments back with the original separators. */
export function joinSegments(gaps: readonly string[], outputs: readonly string[]): string {
  let out = gaps[0] ?? ''
  for (let i = 0; i < outputs.length; i++) out += (outputs[i] ?? '') + (gaps[i + 1] ?? '')
  return out
}

function pushParagraph(
  text: string,
  from: number,
  to: number,
  maxChars: number,
  language: string,
  out: Array<[number, number]>
): void {
  let start = from
  let end = to
  while (start < end && SPACE.test(text[start] ?? '')) start++
  while (end > start && SPACE.test(text[end - 1] ?? '')) end--
  if (start >= end) return
  if (end - start <= maxChars) {
    out.push([start, end])
    return
  }
  // Group whole sentences into chunks that fit.
  const paragraph = text.slice(start, end)
  let chunkStart = -1
  let chunkEnd = -1
  for (const sentence of splitSentences(paragraph, language)) {
    const s = start + sentence.start
    const e = start + sentence.end
    if (chunkStart >= 0 && e - chunkStart <= maxChars) {
      chunkEnd = e
      continue
    }
    if (chunkStart >= 0) out.push([chunkStart, chunkEnd])
    if (e - s <= maxChars) {
      chunkStart = s
      chunkEnd = e
    } else {
      splitAtSpaces(text, s, e, maxChars, out)
      chunkStart = -1
    }
  }
  if (chunkStart >= 0) out.push([chunkStart, chunkEnd])
}

/** Last resort for a sentence longer than the limit: cut at the last space that fits. */
function splitAtSpaces(
  text: string,
  from: number,
  to: number,
  maxChars: number,
  out: Array<[number, number]>
): void {
  let start = from
  while (to - start > maxChars) {
    let cut = start + maxChars
    while (cut > start && !SPACE.test(text[cut] ?? '')) cut--
    if (cut === start) cut = start + maxChars // no space at all: cut hard
    // never cut between the halves of a surrogate pair
    const code = text.charCodeAt(cut)
    if (code >= 0xdc00 && code <= 0xdfff) cut--
    let end = cut
    while (end > start && SPACE.test(text[end - 1] ?? '')) end--
    out.push([start, end])
    start = cut
    while (start < to && SPACE.test(text[start] ?? '')) start++
  }
  if (start < to) out.push([start, to])
}
