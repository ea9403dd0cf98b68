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
import { noText, textTooLong } from './errors'

/**
 * Reads `text` as `format`; 422 `invalid_request` (`pointer`) when its readable text is over the
 * limit, 422 `no_text` when it has none.
 */
export function readSubmitted(text: string, format: ContentFormat, pointer = '#/text'): Content {
  const content = readContent(text, format)
  if (content.text.length > MAX_TEXT_LENGTH) {
    throw textTooLong(MAX_TEXT_LENGTH, format !== 'text', pointer)
  }
  if (hasNoText(content)) throw noText(pointer)
  return content
}
