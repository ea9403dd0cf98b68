/**
 * A linear pre-check that refuses the Markdown shapes on which the parser (micromark, through
 * mdast-util-from-markdown) spends more than linear time, before any parsing.
 *
 * Measured (node, `fromMarkdown` alone, ms per KB of input at 10 K → 40 K characters): `">"`
 * repeated 43 → 2,514 (nested quotes, quadratic in depth); `"> "` 25 → 236; `"*a"` 83 → 274
 * (emphasis resolution splices the paragraph's event list once per delimiter, so its cost is
 * delimiters × paragraph length); `"[a]("` 44 → 71 at 25 K → 100 K. Ordinary news Markdown costs
 * ≈ 4.5 ms/KB. Two bounds make that cost linear again:
 *
 * - **container depth**: at most `MAX_CONTAINER_DEPTH` quote or list markers open one line;
 * - **inline delimiters per block**: at most `MAX_DELIMITERS_PER_BLOCK` runs of `*`, `_`, `` ` ``
 *   or `[` in one paragraph-like block (lines up to a blank line, a list item or a heading; code
 *   blocks not counted), so a block of length L costs at most a constant × L.
 *
 * The blocks are found approximately (no full CommonMark block parse): they may only be cut
 * where micromark cuts a paragraph too (blank line, list item, ATX heading), never more often, so
 * an attacker cannot split one long paragraph into many counted blocks. Only fences at the left
 * margin outside containers are skipped (others may end early with their container); indented
 * code is counted. So code with many `_` or `*` in a list item, or a long tight ordered list full
 * of links, can be refused though micromark would have parsed it in time: the price of a check
 * that never lets a costly shape through.
 *
 * @module
 */

/** Most quote (`>`) and list markers that may open one line. */
export const MAX_CONTAINER_DEPTH = 32
/** Most runs of `*`, `_` or `` ` `` and single `[` one paragraph-like block may hold. */
export const MAX_DELIMITERS_PER_BLOCK = 256

/** Why a document is refused: the 1-based line where a bound was passed, and which. */
export type MarkdownComplexity = { readonly line: number; readonly message: string }

const SPACE = 0x20
const TAB = 0x09

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/** Inline characters whose runs micromark resolves against the rest of the paragraph. */
function isDelimiter(code: number): boolean {
  return (
    code === 0x2a /* * */ || code === 0x5f /* _ */ || code === 0x60 /* ` */ || code === 0x5b
  ) /* [ */
}

/**
 * `undefined` when `markdown` is within both bounds, otherwise the first line past one.
 * One pass, O(length): every character is looked at a bounded number of times.
 *
 * @example
 * markdownComplexity('# Title\n\nA *fine* [link](x).') // undefined
 * markdownComplexity('>'.repeat(100)) // { line: 1, message: 'more than 32 nested quotes or lists' }
 */
export function markdownComplexity(markdown: string): MarkdownComplexity | undefined {
  const n = markdown.length
  let delimiters = 0
  let line = 0
  let fenceChar = 0
  let fenceLength = 0
  for (let start = 0; start <= n; ) {
    line++
    let end = markdown.indexOf('\n', start)
    if (end < 0) end = n
    // The container prefix: quote markers and list markers, each after optional indentation.
    let i = start
    let depth = 0
    let listItem = false
    let lastIsQuote = false
    let shallow = true // every marker (and what follows) indented less than 4: not continuation text
    for (;;) {
      const from = i
      while (i < end && (markdown.charCodeAt(i) === SPACE || markdown.charCodeAt(i) === TAB)) i++
      if (i - from >= 4) shallow = false
      const code = markdown.charCodeAt(i)
      const spaceAt = (k: number) =>
        markdown.charCodeAt(k) === SPACE || markdown.charCodeAt(k) === TAB
      if (code === 0x3e /* > */) {
        depth++
        lastIsQuote = true
        i++
      } else if (
        (code === 0x2d || code === 0x2b || code === 0x2a) &&
        (i + 1 >= end || spaceAt(i + 1))
      ) {
        depth++
        lastIsQuote = false
        // Only a non-empty bullet item interrupts a paragraph (see `restBlank`).
        listItem = true
        i++
      } else {
        let j = i
        while (j < end && j - i < 9 && isDigit(markdown.charCodeAt(j))) j++
        const mark = markdown.charCodeAt(j)
        if (j > i && (mark === 0x2e || mark === 0x29) && (j + 1 >= end || spaceAt(j + 1))) {
          depth++
          lastIsQuote = false
          // Only a non-empty item numbered 1 interrupts a paragraph (see `restBlank`).
          if (j === i + 1 && markdown.charCodeAt(i) === 0x31) listItem = true
          i = j + 1
        } else break
      }
      if (depth > MAX_CONTAINER_DEPTH) {
        return { line, message: `more than ${MAX_CONTAINER_DEPTH} nested quotes or lists` }
      }
    }
    // A blank line, or one blank inside a quote, ends a paragraph; an empty list item does not
    // (it cannot interrupt one).
    const restBlank = i >= end || (i === end - 1 && markdown.charCodeAt(i) === 0x0d)
    const blank = restBlank && (depth === 0 || lastIsQuote)
    const code = markdown.charCodeAt(i)
    // Fenced code at the left margin outside any container: to its closing fence. (A fence in a
    // container or indented may end with its container, so its lines are counted.)
    let run = 0
    if (code === 0x60 || code === 0x7e)
      while (i + run < end && markdown.charCodeAt(i + run) === code) run++
    if (fenceChar !== 0) {
      if (code === fenceChar && run >= fenceLength && depth === 0) fenceChar = 0
      start = end + 1
      continue
    }
    if (run >= 3 && i === start && !(code === 0x60 && hasBacktick(markdown, i + run, end))) {
      fenceChar = code
      fenceLength = run
      delimiters = 0
      start = end + 1
      continue
    }
    if (blank || (shallow && !restBlank && (listItem || isAtxHeading(markdown, i, end))))
      delimiters = 0
    for (let k = i; k < end; k++) {
      const c = markdown.charCodeAt(k)
      // A run of `*`, `_` or `` ` `` is one delimiter; every `[` may open a link.
      if (!isDelimiter(c) || (c !== 0x5b && k > i && markdown.charCodeAt(k - 1) === c)) continue
      delimiters++
      if (delimiters > MAX_DELIMITERS_PER_BLOCK) {
        return {
          line,
          message: `more than ${MAX_DELIMITERS_PER_BLOCK} runs of *, _, \` or [ in one paragraph`,
        }
      }
    }
    start = end + 1
  }
  return undefined
}

/** A backtick in `[from, to)`: then a line of backticks is a code span, not a fence. */
function hasBacktick(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 0x60) return true
  return false
}

/** 1 to 6 `#` then a space, a tab or the line's end: an ATX heading, which ends a paragraph. */
function isAtxHeading(text: string, from: number, to: number): boolean {
  let k = from
  while (k < to && k - from < 7 && text.charCodeAt(k) === 0x23) k++
  const hashes = k - from
  if (hashes < 1 || hashes > 6) return false
  const next = text.charCodeAt(k)
  return k >= to || next === SPACE || next === TAB || next === 0x0d
}
