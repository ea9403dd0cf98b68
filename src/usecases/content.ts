/**
 * Submitted text read in its format, with the limits every text endpoint applies before any
 * work: the readable text at most `MAX_TEXT_LENGTH` characters, and some text at all.
 *
 * @module
 */
import {
  type Content,
  type ContentFormat,
  hasNoText,
  MAX_TEXT_LENGTH,
  readContent,
} from '../content/index'
import { markdownComplexity } from '../content/markdown-guard'
import { markdownTooComplex, noText, textTooLong } from './errors'

/** 422 `markdown_too_complex` when `text` is Markdown its parser cannot read in linear time. */
export function refuseComplexMarkdown(text: string, format: ContentFormat, pointer: string): void {
  if (format !== 'markdown') return
  const complexity = markdownComplexity(text)
  if (complexity !== undefined) throw markdownTooComplex(pointer, complexity)
}

/**
 * Reads `text` as `format`; 422 `invalid_request` (`pointer`) when its readable text is over the
 * limit, 422 `no_text` when it has none, 422 `markdown_too_complex` (before any parsing) for
 * Markdown whose shape would cost the parser more than linear time.
 */
export function readSubmitted(text: string, format: ContentFormat, pointer = '#/text'): Content {
  refuseComplexMarkdown(text, format, pointer)
  const content = readContent(text, format)
  if (content.text.length > MAX_TEXT_LENGTH) {
    throw textTooLong(MAX_TEXT_LENGTH, format !== 'text', pointer)
  }
  if (hasNoText(content)) throw noText(pointer)
  return content
}
