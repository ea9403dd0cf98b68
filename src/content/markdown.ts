/**
 * Readable text out of a Markdown (CommonMark) document, with a map back to the source.
 *
 * mdast-util-from-markdown (micromark underneath: CommonMark-compliant, positions on every node)
 * parses; this module keeps paragraph, heading, list and quote text and the text of links, and
 * leaves out code spans and blocks, HTML, images (alt text included), link destinations and
 * reference definitions. Headings behave as in HTML: their own paragraphs, listed in `headings`,
 * the first `#` heading is the title.
 *
 * Text nodes carry decoded values ("&amp;" → "&", "\*" → "*", container markers and line
 * indentation dropped); `alignText` walks each value against its source to map every character
 * back to the source characters that produced it.
 *
 * @module
 */
import { decodeHTMLStrict } from 'entities'
import type { Nodes, Text } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { type ExtractedText, TextBuilder, type TextRange } from './extracted'

/** Nodes whose text never reaches the output (nor a translation: see layout.ts). */
export const MARKDOWN_EXCLUDED_NODES: ReadonlySet<string> = new Set([
  'code',
  'inlineCode',
  'html',
  'image',
  'imageReference',
  'definition',
  'footnoteDefinition',
  'footnoteReference',
  'yaml',
])

/** Nodes that start and end a paragraph. */
const BLOCKS = new Set([
  'paragraph',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'thematicBreak',
  'break',
])

/**
 * Extracts the readable text of `markdown`.
 *
 * @example
 * const doc = extractMarkdown('# Rates\n\nThe bank [raised](https://x.org) rates `now`.')
 * doc.text // 'Rates\n\nThe bank raised rates .'
 * doc.title // 'Rates'
 */
export function extractMarkdown(markdown: string): ExtractedText {
  const out = new TextBuilder(markdown.length)
  let title: TextRange | undefined

  const visit = (node: Nodes): void => {
    if (MARKDOWN_EXCLUDED_NODES.has(node.type)) return
    const start = node.position?.start.offset ?? 0
    const end = node.position?.end.offset ?? start
    if (node.type === 'text') {
      alignText(markdown, node, out)
      return
    }
    // An autolink (<https://…> ) shows its destination as its text: a URL, so left out.
    if (node.type === 'link' && isAutolink(node.url, node.children)) return
    if (node.type === 'heading') {
      out.startHeading(start)
      for (const child of node.children) visit(child)
      const range = out.endHeading(end)
      if (node.depth === 1 && title === undefined && range !== undefined) title = range
      return
    }
    const block = BLOCKS.has(node.type)
    if (block) out.breakBlock(start)
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
    if (block) out.breakBlock(end)
  }
  visit(fromMarkdown(markdown))
  return out.finish({ ...(title ? { title } : {}), captions: [] })
}

function isAutolink(url: string, children: readonly Nodes[]): boolean {
  const only = children[0]
  if (children.length !== 1 || only?.type !== 'text') return false
  return only.value === url || `mailto:${only.value}` === url
}

/** A character reference as CommonMark reads one: named, decimal or hexadecimal, with ";". */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/

/**
 * Appends a text node, mapping each character of its value to its source. The value is the
 * source with references and escapes decoded and line prefixes (quote markers, list
 * indentation) and stripped spaces removed, in order; so walking both, a value character is a
 * reference, an escape or the same character, and any source character that is none of these is
 * syntax to skip.
 */
function alignText(source: string, node: Text, out: TextBuilder): void {
  const value = node.value
  let i = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? i
  let j = 0
  while (j < value.length) {
    if (i >= end) {
      // The value outran its source (not expected from micromark): keep the rest unmapped to
      // a position past the node rather than lose text.
      out.append(value.slice(j), end, end, false)
      return
    }
    const code = source.charCodeAt(i)
    if (code === 0x26 /* & */) {
      REFERENCE.lastIndex = i
      const m = REFERENCE.exec(source)
      if (m !== null) {
        const decoded = decodeHTMLStrict(m[0])
        if (decoded !== m[0] && value.startsWith(decoded, j)) {
          out.append(decoded, i, i + m[0].length, false)
          i += m[0].length
          j += decoded.length
          continue
        }
      }
    }
    if (
      code === 0x5c /* \ */ &&
      i + 1 < end &&
      ASCII_PUNCTUATION.test(source.charAt(i + 1)) &&
      value.charCodeAt(j) === source.charCodeAt(i + 1)
    ) {
      out.append(value.charAt(j), i, i + 2, false)
      i += 2
      j += 1
      continue
    }
    if (value.charCodeAt(j) === code) {
      out.append(value.charAt(j), i, i + 1, true)
      i++
      j++
      continue
    }
    i++
  }
}
