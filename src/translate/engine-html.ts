/**
 * Segments for an engine that takes HTML (DeepL's `tag_handling=html`): the placeholders that
 * stand for inline tags of an HTML or Markdown document are sent as empty elements, which such an
 * engine keeps and moves with the words around them, and the text as character data; the answer
 * is read back into the same plain form the pipeline works on.
 *
 * @module
 */
import { decodeHTML } from 'entities'

/** `segment` as HTML: text escaped, each tag placeholder as `<x id="Zqab"></x>`. */
export function toEngineHtml(segment: string, tagCodes: ReadonlySet<string>): string {
  const escaped = segment.replace(/[&<>]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'
  )
  if (tagCodes.size === 0) return escaped
  return escaped.replace(/[A-Z][a-z]+/g, (word) =>
    tagCodes.has(word) ? `<x id="${word}"></x>` : word
  )
}

/** An element placeholder as an engine may write it back (quotes, self-closing or not). */
const ELEMENT = /<x\s+id\s*=\s*["']?([A-Za-z]+)["']?\s*\/?>(?:\s*<\/x>)?/g

/** The engine's HTML answer in plain form: placeholders back as words, references decoded. */
export function fromEngineHtml(output: string, tagCodes: ReadonlySet<string>): string {
  const plain = output.replace(ELEMENT, (whole, code: string) =>
    tagCodes.has(code) ? code : whole
  )
  return decodeHTML(plain)
}
