/**
 * Readable text out of an HTML document or fragment, with a map back to the source, for
 * summaries, language detection and glossary checks of what a CMS stores.
 *
 * htmlparser2 tokenizes (it follows the HTML spec's tokenizer closely enough for CMS output,
 * implies end tags, reports the source range of every event and decodes character references,
 * and it runs in Workers); this module decides what is text:
 *
 * - block elements (`p`, `h1`–`h6`, `li`, `blockquote`, `div`, `td`, `br`, …) separate paragraphs;
 * - inline elements (`a`, `em`, `span`, …) add nothing, so `<b>W</b>ord` stays one word;
 * - page furniture (`script`, `style`, `nav`, `aside`, `footer`, `form`, `figure`, a `header`
 *   outside `article`/`main`, …) and hidden elements are left out; figure captions are kept
 *   apart in `captions`;
 * - headings stay in the text (as their own paragraphs) and are listed in `headings`; the first
 *   `h1` is the title.
 *
 * @module
 */
import { Parser } from 'htmlparser2'
import { type ExtractedText, TextBuilder, type TextRange } from './extracted'

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'ol',
  'p',
  'plaintext',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
])

/**
 * Page furniture and non-text content: nothing inside reaches the text. (`figure` is handled
 * apart so that its caption can be kept as a cue.)
 */
const EXCLUDED = new Set([
  'aside',
  'audio',
  'button',
  'canvas',
  'datalist',
  'embed',
  'footer',
  'form',
  'head',
  'iframe',
  'map',
  'math',
  'nav',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
])

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** One open element and what it changed, undone when it closes. */
type Frame = {
  readonly name: string
  readonly excluded: boolean
  readonly figure: boolean
  readonly caption: boolean
  readonly heading: boolean
}

/**
 * Extracts the readable text of `html` (a whole page or a fragment).
 *
 * @example
 * const doc = extractHtml('<h1>Rates</h1><p>The bank <a href="/x">raised</a> rates &amp; more.</p>')
 * doc.text // 'Rates\n\nThe bank raised rates & more.'
 * doc.title // 'Rates'
 * toSource(doc, 7, 36) // the source span of the sentence, from "The" to "more."
 */
export function extractHtml(html: string): ExtractedText {
  const out = new TextBuilder(html.length)
  const stack: Frame[] = []
  let excluded = 0
  let figures = 0
  let captions = 0
  let title: TextRange | undefined
  // A \`header\` outside \`article\`/\`main\` is the site's masthead (furniture); inside, it holds the
  // story's headline and byline.
  let content = 0
  const captionTexts: string[] = []

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const hidden =
          attribs.hidden !== undefined || attribs['aria-hidden']?.toLowerCase() === 'true'
        const masthead = name === 'header' && content === 0
        if (name === 'article' || name === 'main') content++
        const frame: Frame = {
          name,
          excluded: EXCLUDED.has(name) || hidden || masthead,
          figure: name === 'figure',
          caption: name === 'figcaption',
          heading: HEADINGS.has(name),
        }
        stack.push(frame)
        if (frame.excluded) excluded++
        if (frame.figure) figures++
        if (frame.caption) {
          captions++
          if (captions === 1 && excluded === 0) out.startSide()
        }
        const at = parser.startIndex
        if (excluded > 0 || figures > 0 || captions > 0) return
        if (frame.heading) out.startHeading(at)
        else if (BLOCK.has(name)) out.breakBlock(at)
      },
      onclosetag(name) {
        const frame = stack.pop()
        // htmlparser2 closes every element it opened (implied closes included), in order.
        if (frame === undefined || frame.name !== name) return
        if (name === 'article' || name === 'main') content--
        const at = parser.endIndex + 1
        const visible = excluded === 0 && figures === 0 && captions === 0
        if (visible && frame.heading) {
          const range = out.endHeading(at)
          if (name === 'h1' && title === undefined && range !== undefined) title = range
        } else if (visible && BLOCK.has(name)) out.breakBlock(at)
        if (frame.caption) {
          captions--
          if (captions === 0 && excluded === 0) {
            const caption = out.endSide()
            if (caption.length > 0) captionTexts.push(caption)
          }
        }
        if (frame.figure) figures--
        if (frame.excluded) excluded--
      },
      ontext(data) {
        if (excluded > 0) return
        if (captions > 0) {
          out.append(data, 0, 0, false)
          return
        }
        if (figures > 0) return
        const from = parser.startIndex
        const to = parser.endIndex + 1
        // A decoded reference ("&amp;" → "&") is shorter than its source; plain text is not.
        out.append(data, from, to, data.length === to - from)
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  )
  parser.end(html)
  return out.finish({ ...(title ? { title } : {}), captions: captionTexts })
}
