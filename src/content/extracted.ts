/**
 * Plain text extracted from markup, with a map back to the source. HTML and Markdown extraction
 * both build an `ExtractedText` with `TextBuilder`, so offsets, whitespace and paragraph rules are
 * the same for both.
 *
 * @module
 */

/** A range `[start, end)` of UTF-16 units. */
export type TextRange = { readonly start: number; readonly end: number }

/** Plain text taken out of a markup document. */
export type ExtractedText = {
  /**
   * The readable text: paragraphs (blocks) separated by a blank line, whitespace inside a block
   * collapsed to single spaces, character references decoded, markup and page furniture gone.
   */
  readonly text: string
  /** The first top-level heading (`h1`, `# …`), whitespace collapsed; absent when there is none. */
  readonly title?: string
  /** Ranges of `text` that are headings: never summary sentences. */
  readonly headings: readonly TextRange[]
  /** Figure captions, kept apart from `text` (a ranking cue at most, never a summary sentence). */
  readonly captions: readonly string[]
  /**
   * `sourceStart[i]`/`sourceEnd[i]`: the source range that produced `text[i]` — one character,
   * or a whole character reference or escape. Separators the extractor inserted map to the
   * markup between the blocks they separate.
   */
  readonly sourceStart: Int32Array
  readonly sourceEnd: Int32Array
}

/**
 * Where the plain range `[start, end)` of `extracted.text` lies in the source: from the source of
 * its first character to the end of the source of its last one, so the slice holds the markup
 * inside the range (inline tags, references) but none around it. Whitespace at either end of
 * the range is left out first. An empty range maps to an empty span at its position.
 */
export function toSource(
  extracted: ExtractedText,
  start: number,
  end: number
): { offset: number; length: number } {
  const { text, sourceStart, sourceEnd } = extracted
  let a = start
  let b = end
  while (a < b && isSpace(text.charCodeAt(a))) a++
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--
  if (a >= b) {
    const at = a < text.length ? (sourceStart[a] as number) : (sourceEnd[text.length - 1] ?? 0)
    return { offset: at, length: 0 }
  }
  const offset = sourceStart[a] as number
  return { offset, length: (sourceEnd[b - 1] as number) - offset }
}

/**
 * Whitespace the extractor collapses: what `\s` matches, except the no-break spaces (U+00A0,
 * U+2007, U+202F), which the author chose and which keep words together.
 */
export function isCollapsible(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true
  if (code < 0x85) return false
  if (code === 0xa0 || code === 0x2007 || code === 0x202f) return false
  return (
    code === 0x85 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

function isSpace(code: number): boolean {
  return isCollapsible(code) || code === 0xa0 || code === 0x2007 || code === 0x202f
}

/** Separates blocks in `text`: a blank line, which the sentence splitter never crosses. */
const BLOCK_SEPARATOR = '\n\n'

/**
 * Accumulates extracted text and its source map. Text arrives in chunks with their source range;
 * whitespace is collapsed as it arrives, and separators are written lazily (only between two
 * visible characters), so no block or sentence starts or ends with one.
 */
export class TextBuilder {
  private parts: string[] = []
  private length = 0
  private starts: Int32Array
  private ends: Int32Array
  /** A space is owed before the next visible character of this block (source position of it). */
  private pendingSpace = -1
  /** A block boundary is owed before the next visible character. */
  private pendingBreak = false
  /** Where the last block boundary was seen in the source (the separator maps there). */
  private breakAt = 0
  private headingStart = -1
  private readonly headingRanges: TextRange[] = []
  /** When set, text goes to this side buffer (a caption) instead of the main text. */
  private side: string[] | undefined

  constructor(sourceLength: number) {
    // Every output character comes from at least one source character, and a separator (two
    // characters) from a tag or a line break of at least as many: the text never outgrows this.
    this.starts = new Int32Array(sourceLength + 2)
    this.ends = new Int32Array(sourceLength + 2)
  }

  /**
   * Appends `chunk`. When `exact`, `chunk` is the source `[from, from + chunk.length)` verbatim
   * and each character maps to its own position; otherwise (a decoded reference or escape)
   * every character of it maps to the whole range `[from, to)`.
   */
  append(chunk: string, from: number, to: number, exact: boolean): void {
    if (this.side !== undefined) {
      this.side.push(chunk)
      return
    }
    let out = ''
    for (let k = 0; k < chunk.length; k++) {
      const code = chunk.charCodeAt(k)
      const start = exact ? from + k : from
      const end = exact ? from + k + 1 : to
      if (isCollapsible(code)) {
        if (this.length + out.length > 0 && !this.pendingBreak && this.pendingSpace < 0)
          this.pendingSpace = start
        continue
      }
      if (this.pendingBreak) {
        if (this.length + out.length > 0) {
          for (let s = 0; s < BLOCK_SEPARATOR.length; s++) this.map(out.length, this.breakAt, start)
          out += BLOCK_SEPARATOR
        }
        this.pendingBreak = false
        this.pendingSpace = -1
      } else if (this.pendingSpace >= 0) {
        this.map(out.length, this.pendingSpace, this.pendingSpace + 1)
        out += ' '
        this.pendingSpace = -1
      }
      if (this.headingStart === -2) this.headingStart = this.length + out.length
      this.map(out.length, start, end)
      out += chunk[k]
    }
    if (out.length > 0) {
      this.parts.push(out)
      this.length += out.length
    }
  }

  /** Ends the current block: the next visible character starts a new paragraph. */
  breakBlock(at: number): void {
    if (!this.pendingBreak) this.breakAt = at
    this.pendingBreak = true
    this.pendingSpace = -1
  }

  /** Text from now until `endHeading` is a heading. */
  startHeading(at: number): void {
    this.breakBlock(at)
    this.headingStart = -2
  }

  /** Ends a heading; returns its range in the text, if it had any visible text. */
  endHeading(at: number): TextRange | undefined {
    const start = this.headingStart
    this.headingStart = -1
    this.breakBlock(at)
    if (start < 0 || start >= this.length) return undefined
    const range = { start, end: this.length }
    this.headingRanges.push(range)
    return range
  }

  /** Sends text to a side buffer (captions) until `endSide`, which returns it collapsed. */
  startSide(): void {
    this.side = []
  }

  endSide(): string {
    const text = (this.side ?? []).join('')
    this.side = undefined
    return collapse(text)
  }

  /** The extracted text; `title` is a range of it (the first top-level heading). */
  finish(extra: { title?: TextRange; captions: readonly string[] }): ExtractedText {
    const text = this.parts.join('')
    const title = extra.title && text.slice(extra.title.start, extra.title.end)
    return {
      text,
      ...(title ? { title } : {}),
      headings: this.headingRanges,
      captions: extra.captions,
      sourceStart: this.starts.subarray(0, text.length),
      sourceEnd: this.ends.subarray(0, text.length),
    }
  }

  private map(offsetInPending: number, start: number, end: number): void {
    const i = this.length + offsetInPending
    if (i >= this.starts.length) this.grow()
    this.starts[i] = start
    this.ends[i] = end
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2)
    starts.set(this.starts)
    this.starts = starts
    const ends = new Int32Array(this.ends.length * 2)
    ends.set(this.ends)
    this.ends = ends
  }
}

/** Collapses whitespace runs to one space and trims (the same rule as the main text). */
export function collapse(text: string): string {
  let out = ''
  let space = false
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k)
    if (isCollapsible(code)) {
      space = out.length > 0
      continue
    }
    if (space) out += ' '
    space = false
    out += text[k]
  }
  return out
}
