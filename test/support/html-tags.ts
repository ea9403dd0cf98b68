/**
 * Test oracles for translated HTML, computed from a parse of the output rather than from what
 * the translator did: the tags as written, in order, and the source of every element the author
 * marked as not to be translated.
 */
import { Parser } from 'htmlparser2'

/** Every tag of `html` as written (open tags with attributes, end tags, comments), in order. */
export function tagsOf(html: string): string[] {
  const tags: string[] = []
  const parser: Parser = new Parser({
    onopentag() {
      tags.push(html.slice(parser.startIndex, parser.endIndex + 1))
    },
    onclosetag(_name, implied) {
      if (!implied) tags.push(html.slice(parser.startIndex, parser.endIndex + 1))
    },
    oncomment() {
      tags.push(html.slice(parser.startIndex, parser.endIndex + 1))
    },
  })
  parser.end(html)
  return tags
}

/** The source of every outermost element marked `translate="no"` or class `notranslate`. */
export function keptSubtrees(html: string): string[] {
  const kept: string[] = []
  const open: Array<{ start: number; keep: boolean }> = []
  let depth = 0
  const parser: Parser = new Parser({
    onopentag(_name, attribs) {
      const keep =
        depth === 0 &&
        (attribs.translate === 'no' || (attribs.class ?? '').split(/\s+/).includes('notranslate'))
      if (keep || depth > 0) depth++
      open.push({ start: parser.startIndex, keep })
    },
    onclosetag() {
      const frame = open.pop()
      if (depth > 0) depth--
      if (frame?.keep) kept.push(html.slice(frame.start, parser.endIndex + 1))
    },
  })
  parser.end(html)
  return kept
}
