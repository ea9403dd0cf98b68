/**
 * The translatable text of an HTML or Markdown document, as runs of source text grouped by block,
 * so that a translator can rewrite the runs and copy everything else — tags, attributes, Markdown
 * syntax, code — byte for byte.
 *
 * A block is what a reader sees as one unit of text (a paragraph, a heading, a list item's text, a
 * table cell): its runs are translated together, as one segment, and the source between two runs
 * of a block is inline markup (`<a href="…">`, `</em>`, `**`, `](https://…)`), which the
 * translator protects with placeholders. Block boundaries are never crossed.
 *
 * Left untouched (no runs): HTML elements with `translate="no"` or class `notranslate` and their
 * whole subtree, code (`code`, `pre`, `kbd`, `samp`, `var`), scripts, styles, templates, SVG,
 * MathML, form fields; Markdown code spans and blocks, HTML, images, link destinations, reference
 * definitions and autolinks.
 *
 * @module
 */

import { Parser } from 'htmlparser2'
import type { Nodes } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { MARKDOWN_EXCLUDED_NODES } from './markdown'

/** One run of text: the source range `[from, to)` and the text it reads as (references decoded). */
export type TextRun = { readonly from: number; readonly to: number; readonly text: string }

/** A document's translatable runs, block by block (never empty blocks, never blank ones). */
export type TextLayout = {
  readonly source: string
  readonly blocks: ReadonlyArray<readonly TextRun[]>
  /** Writes plain text so that the document's format reads it back as that text. */
  readonly escape: (text: string) => string
}

/**
 * Inline (phrasing) elements: they neither start nor end a block. Every other element does, so an
 * unknown element can only make segments shorter, never merge text across a boundary.
 */
const HTML_INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'label',
  'mark',
  'q',
  'ruby',
  'rp',
  'rt',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'wbr',
])

/** Elements whose content is never translated (code, scripts, non-text content, form fields). */
const HTML_OPAQUE = new Set([
  'code',
  'kbd',
  'pre',
  'samp',
  'var',
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'math',
  'textarea',
  'select',
  'iframe',
  'object',
  'xmp',
  'plaintext',
])

/** `translate="no"` or class `notranslate`: the author asked for the element to stay as it is. */
function keepsOriginal(attribs: Record<string, string>): boolean {
  if (attribs.translate?.trim().toLowerCase() === 'no') return true
  const classes = attribs.class
  return classes?.split(/\s+/).includes('notranslate') === true
}

/** Collects runs into blocks, merging runs that touch in the source. */
class BlockCollector {
  readonly blocks: TextRun[][] = []
  private current: TextRun[] = []

  add(run: TextRun): void {
    const last = this.current[this.current.length - 1]
    if (last !== undefined && last.to === run.from) {
      this.current[this.current.length - 1] = {
        from: last.from,
        to: run.to,
        text: last.text + run.text,
      }
    } else {
      this.current.push(run)
    }
  }

  /** Ends the current block; blank runs at its edges are left out, a blank block is dropped. */
  close(): void {
    const runs = this.current
    this.current = []
    let start = 0
    let end = runs.length
    while (start < end && isBlank(runs[start]?.text ?? '')) start++
    while (end > start && isBlank(runs[end - 1]?.text ?? '')) end--
    if (start < end) this.blocks.push(runs.slice(start, end))
  }
}

function isBlank(text: string): boolean {
  return !/[^\s\u200B-\u200D\u2060\uFEFF]/u.test(text)
}

/** The translatable runs of an HTML document or fragment. */
export function htmlLayout(html: string): TextLayout {
  const collector = new BlockCollector()
  const stack: boolean[] = []
  let opaque = 0
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const keeps = HTML_OPAQUE.has(name) || keepsOriginal(attribs)
        if (opaque === 0 && !HTML_INLINE.has(name)) collector.close()
        stack.push(keeps)
        if (keeps) opaque++
      },
      onclosetag(name) {
        const keeps = stack.pop()
        if (keeps) opaque--
        if (opaque === 0 && !HTML_INLINE.has(name)) collector.close()
      },
      ontext(data) {
        if (opaque > 0) return
        collector.add({ from: parser.startIndex, to: parser.endIndex + 1, text: data })
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  )
  parser.end(html)
  collector.close()
  return { source: html, blocks: collector.blocks, escape: escapeHtml }
}

/** Text as HTML character data: `&`, `<`, `>` and no-break spaces written as references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>\u00a0]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'
  )
}

/** Markdown nodes whose inline content is one block. */
const MARKDOWN_BLOCKS = new Set(['paragraph', 'heading', 'tableCell'])

/** The translatable runs of a Markdown (CommonMark) document. */
export function markdownLayout(markdown: string): TextLayout {
  const collector = new BlockCollector()
  const visit = (node: Nodes): void => {
    if (MARKDOWN_EXCLUDED_NODES.has(node.type)) return
    if (node.type === 'text') {
      const from = node.position?.start.offset
      const to = node.position?.end.offset
      if (from !== undefined && to !== undefined) collector.add({ from, to, text: node.value })
      return
    }
    // An autolink shows its destination as its text: a URL, never translated.
    if (node.type === 'link' && isAutolink(node.url, node.children)) return
    // A hard line break ends a segment, as `<br>` does in HTML.
    if (node.type === 'break') {
      collector.close()
      return
    }
    const block = MARKDOWN_BLOCKS.has(node.type)
    if (block) collector.close()
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
    if (block) collector.close()
  }
  visit(fromMarkdown(markdown))
  collector.close()
  return { source: markdown, blocks: collector.blocks, escape: escapeMarkdown }
}

function isAutolink(url: string, children: readonly Nodes[]): boolean {
  const only = children[0]
  if (children.length !== 1 || only?.type !== 'text') return false
  return only.value === url || `mailto:${only.value}` === url
}

/**
 * Text as Markdown inline content: characters that could open emphasis, code, links, HTML or a
 * table cell are backslash-escaped, as is an `&` that would read as a reference and a `#` at
 * either end (an ATX heading marker or closing sequence).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^#/, '\\#')
    .replace(/#$/, '\\#')
}
