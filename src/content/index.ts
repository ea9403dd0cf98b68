/**
 * Submitted content in any of the accepted formats, read once into the plain text the analysers
 * work on, with the way back from plain offsets to offsets into what was submitted.
 *
 * @module
 */
import { type ExtractedText, type TextRange, toSource } from './extracted'
import { extractHtml } from './html'
import { extractMarkdown } from './markdown'

export type { ExtractedText, TextRange } from './extracted'
export { extractHtml } from './html'
export { extractMarkdown } from './markdown'
export {
  convertSpan,
  OFFSET_UNITS,
  type OffsetConverter,
  type OffsetUnit,
  offsetConverter,
} from './units'

/**
 * Longest readable text the text endpoints analyse, in UTF-16 units: the submitted text itself
 * for plain text, the text once the markup is left out for HTML and Markdown.
 */
export const MAX_TEXT_LENGTH = 200_000

/** How the submitted text is written. */
export type ContentFormat = 'text' | 'html' | 'markdown'

export const CONTENT_FORMATS: readonly ContentFormat[] = ['text', 'html', 'markdown']

/** A span of the submitted source, in UTF-16 units. */
export type SourceSpan = { readonly offset: number; readonly length: number }

/** Submitted content, read. */
export type Content = {
  readonly format: ContentFormat
  /** What was submitted. */
  readonly source: string
  /** The plain text to analyse (the source itself for `text`). */
  readonly text: string
  /** The document's own title (first `h1` / `#` heading), when it has one. */
  readonly title?: string
  /** Heading ranges of `text` (none for `text`, whose headings the summarizer finds itself). */
  readonly headings: readonly TextRange[]
  /** Figure captions (HTML), kept out of `text`. */
  readonly captions: readonly string[]
  /**
   * The source span of the plain range `[start, end)` of `text`: from its first character's
   * source to its last one's (see `toSource`). The identity for `text`.
   */
  readonly span: (start: number, end: number) => SourceSpan
}

/** Reads `source` as `format`. Linear in the source length. */
export function readContent(source: string, format: ContentFormat): Content {
  if (format === 'text')
    return {
      format,
      source,
      text: source,
      headings: [],
      captions: [],
      span: (start, end) => ({ offset: start, length: end - start }),
    }
  const extracted: ExtractedText = format === 'html' ? extractHtml(source) : extractMarkdown(source)
  return {
    format,
    source,
    text: extracted.text,
    ...(extracted.title !== undefined ? { title: extracted.title } : {}),
    headings: extracted.headings,
    captions: extracted.captions,
    span: (start, end) => toSource(extracted, start, end),
  }
}

/** `true` when the content has no readable text at all (markup only, or blank). */
export function hasNoText(content: Content): boolean {
  return content.text.trim().length === 0
}

/**
 * The text to summarize: `text` with its headings blanked out (spaces, same length, so offsets
 * still hold). Headings are never summary sentences, and as blank lines they neither take a
 * place in the lead nor split a paragraph differently than the plain article would.
 */
export function summaryText(content: Content): string {
  if (content.headings.length === 0) return content.text
  const parts: string[] = []
  let at = 0
  for (const h of content.headings) {
    parts.push(content.text.slice(at, h.start), ' '.repeat(h.end - h.start))
    at = h.end
  }
  parts.push(content.text.slice(at))
  return parts.join('')
}
